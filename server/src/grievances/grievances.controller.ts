import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import type { Grievance, GrievanceCreated, GrievanceList, GrievanceStats, MyGrievances } from '@pingjia/shared';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { uuidParam as uuid } from '../common/params';
import { CreateGrievanceDto, GrievanceActionDto, GrievanceFeedbackDto, GrievanceListQuery } from './dto';
import { GrievanceHandlingService } from './grievance-handling.service';
import { GrievanceReportsService } from './grievance-reports.service';
import { GrievanceStatsService } from './grievance-stats.service';

@ApiTags('grievances')
@ApiBearerAuth()
@Controller()
export class GrievancesController {
  constructor(
    private readonly reports: GrievanceReportsService,
    private readonly handling: GrievanceHandlingService,
    private readonly stats: GrievanceStatsService,
  ) {}

  @Post('grievances')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '重试时带同一个值，只会生成一条诉求' })
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateGrievanceDto,
    @Headers('idempotency-key') key?: string,
  ): Promise<GrievanceCreated> {
    return this.reports.create(user.id, dto, key);
  }

  @Get('grievances/mine')
  mine(@CurrentUser() user: AuthUser): Promise<MyGrievances> {
    return this.handling.mine(user.id);
  }

  @Get('grievances')
  list(@CurrentUser() user: AuthUser, @Query() query: GrievanceListQuery): Promise<GrievanceList> {
    return this.handling.list(user.id, query);
  }

  @Get('grievances/:id')
  get(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<Grievance> {
    return this.handling.get(user.id, id);
  }

  @Post('grievances/:id/actions')
  @HttpCode(200)
  act(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: GrievanceActionDto): Promise<Grievance> {
    return this.handling.act(user.id, id, dto);
  }

  @Post('grievances/:id/feedback')
  @HttpCode(200)
  feedback(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() dto: GrievanceFeedbackDto): Promise<Grievance> {
    return this.handling.feedback(user.id, id, dto);
  }

  /** The reporter allowed one more progress message (wx.requestSubscribeMessage said yes). */
  @Post('grievances/:id/subscriptions')
  @HttpCode(204)
  subscribe(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<void> {
    return this.handling.subscribe(user.id, id);
  }

  @Get('homes/:id/grievance-stats')
  homeStats(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string): Promise<GrievanceStats> {
    return this.stats.forStaff(user.id, id);
  }
}
