import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { GrievanceCounts, StaffNotifications } from '@pingjia/shared';
import { Clock } from '../common/clock';
import { AuthUser, CurrentUser } from '../common/auth.decorators';
import { GrievanceCountsService } from './grievance-counts';
import { HandlerNotifications } from './handler-notifications';

// What handling staff are told: counts for the start page, and reminders and escalations addressed to them.
@ApiTags('grievances')
@ApiBearerAuth()
@Controller()
export class StaffNoticesController {
  constructor(
    private readonly counts: GrievanceCountsService,
    private readonly notifications: HandlerNotifications,
    private readonly clock: Clock,
  ) {}

  /** New, due-soon and overdue grievances the caller handles (zeros for anyone who handles none). */
  @Get('grievances/counts')
  grievanceCounts(@CurrentUser() user: AuthUser): Promise<GrievanceCounts> {
    return this.counts.counts(user.id);
  }

  @Get('notifications')
  list(@CurrentUser() user: AuthUser): Promise<StaffNotifications> {
    return this.notifications.list(user.id);
  }

  /** Marks all of the caller's notifications read. */
  @Post('notifications/read')
  @HttpCode(204)
  read(@CurrentUser() user: AuthUser): Promise<void> {
    return this.notifications.markRead(user.id, this.clock.now());
  }
}
