import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Campaign } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { invalid } from '../common/domain-error';
import { uuidParam as uuid } from '../common/params';
import { CampaignsService } from './campaigns.service';
import { CreateCampaignDto } from './dto';
import { Audited } from '../common/audited';
import { Idempotent } from '../common/idempotency';

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

  /** The cycles an admin of `orgId` can pick for dashboards, newest first (manageable: may be moved by the caller). */
  @Get()
  @ApiQuery({ name: 'orgId', required: true })
  async list(@CurrentUser() user: AuthUser, @Query('orgId') orgId?: string): Promise<Array<Campaign & { manageable: boolean }>> {
    if (!orgId) throw invalid({ orgId: '必填' });
    return this.campaigns.list(user.id, await uuid.transform(orgId, { type: 'query' }));
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Campaign> {
    return this.campaigns.get(user.id, id);
  }

  @Post(':id/open')
  @Audited({ action: 'campaign.open', target: 'campaign', idFrom: 'param' })
  @HttpCode(200)
  open(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Campaign> {
    return this.campaigns.move(user.id, id, 'open');
  }

  @Post(':id/close')
  @Audited({ action: 'campaign.close', target: 'campaign', idFrom: 'param' })
  @HttpCode(200)
  close(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Campaign> {
    return this.campaigns.move(user.id, id, 'close');
  }

  @Post(':id/publish')
  @Audited({ action: 'campaign.publish', target: 'campaign', idFrom: 'param' })
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Campaign> {
    return this.campaigns.move(user.id, id, 'publish');
  }
}
