import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Campaign } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { CampaignsService } from './campaigns.service';
import { CreateCampaignDto } from './dto';
import { Audited } from '../audit/audited';

@ApiTags('campaigns')
@ApiBearerAuth()
@Controller('campaigns')
export class CampaignsController {
  constructor(private readonly campaigns: CampaignsService) {}

  @Post()
  @Audited({ action: 'campaign.create', target: 'campaign', idFrom: 'result' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCampaignDto): Promise<Campaign> {
    return this.campaigns.create(user.id, dto);
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
