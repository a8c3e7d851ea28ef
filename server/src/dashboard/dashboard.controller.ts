import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { HomeDashboard } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { notFound } from '../common/domain-error';
import { uuidParam as uuid } from '../common/params';
import { DashboardService } from './dashboard.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get('homes/:id/dashboard')
  @ApiQuery({ name: 'campaignId', required: false })
  home(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query('campaignId') campaignId?: string): Promise<HomeDashboard> {
    if (campaignId !== undefined && !UUID.test(campaignId)) throw notFound();
    return this.dashboard.home(user.id, id, campaignId);
  }
}
