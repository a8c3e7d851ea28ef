import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Campaign, CampaignConfirmation, CampaignListItem, CampaignMove } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { invalid } from '../common/domain-error';
import { uuidParam as uuid } from '../common/params';
import { CampaignsService } from './campaigns.service';
import { ConfirmCampaignDto, CreateCampaignDto, ExtendCampaignDto, UpdateCampaignDto } from './dto';
import { Audited } from '../common/audited';
import { Idempotent } from '../common/idempotency';

// Every change to a cycle is its owner's (CampaignsService.forOwner): admins of the org that owns it or
// of one above. Admins of an org it covers see it and are told who owns it.
@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post()
  @Idempotent('campaigns.create')
  @Audited({ action: 'campaign.create', target: 'campaign', idFrom: 'result' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCampaignDto): Promise<Campaign> {
    return this.campaigns.create(user.id, dto);
  }

  /** The cycles an admin of `orgId` can pick for dashboards, newest first, with owner (manageable: may be changed by the caller). */
  @Get()
  @ApiQuery({ name: 'orgId', required: true })
  async list(@CurrentUser() user: AuthUser, @Query('orgId') orgId?: string): Promise<CampaignListItem[]> {
    if (!orgId) throw invalid({ orgId: '必填' });
    return this.campaigns.list(user.id, await uuid.transform(orgId, { type: 'query' }));
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Campaign> {
    return this.campaigns.get(user.id, id);
  }

  /** Name, dates, scope: while draft or scheduled. Partial (what is left out stays); PUT as weapp's request has no PATCH. */
  @Put(':id')
  @Audited({ action: 'campaign.update', target: 'campaign', idFrom: 'param' })
  update(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: UpdateCampaignDto): Promise<Campaign> {
    return this.campaigns.update(user.id, id, dto);
  }

  /** What to show before closing or publishing: the cycle, its owner and how many homes it covers. */
  @Get(':id/confirmation')
  confirmation(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<CampaignConfirmation> {
    return this.campaigns.confirmation(user.id, id);
  }

  @Post(':id/extend')
  @Audited({ action: 'campaign.extend', target: 'campaign', idFrom: 'param' })
  @HttpCode(200)
  extend(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: ExtendCampaignDto): Promise<Campaign> {
    return this.campaigns.extend(user.id, id, dto);
  }

  @Post(':id/schedule')
  @Audited({ action: 'campaign.schedule', target: 'campaign', idFrom: 'param' })
  @HttpCode(200)
  schedule(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Campaign> {
    return this.move(user, id, 'schedule');
  }

  @Post(':id/unschedule')
  @Audited({ action: 'campaign.unschedule', target: 'campaign', idFrom: 'param' })
  @HttpCode(200)
  unschedule(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Campaign> {
    return this.move(user, id, 'unschedule');
  }

  @Post(':id/cancel')
  @Audited({ action: 'campaign.cancel', target: 'campaign', idFrom: 'param' })
  @HttpCode(200)
  cancel(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Campaign> {
    return this.move(user, id, 'cancel');
  }

  @Post(':id/open')
  @Audited({ action: 'campaign.open', target: 'campaign', idFrom: 'param' })
  @HttpCode(200)
  open(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Campaign> {
    return this.move(user, id, 'open');
  }

  @Post(':id/close')
  @Audited({ action: 'campaign.close', target: 'campaign', idFrom: 'param' })
  @HttpCode(200)
  close(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: ConfirmCampaignDto): Promise<Campaign> {
    return this.campaigns.move(user.id, id, 'close', dto);
  }

  @Post(':id/publish')
  @Audited({ action: 'campaign.publish', target: 'campaign', idFrom: 'param' })
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: ConfirmCampaignDto): Promise<Campaign> {
    return this.campaigns.move(user.id, id, 'publish', dto);
  }

  private move(user: AuthUser, id: string, move: CampaignMove): Promise<Campaign> {
    return this.campaigns.move(user.id, id, move);
  }
}
