import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { ModerationModule } from '../moderation/moderation.module';
import { SettingsModule } from '../settings/settings.module';
import { OrgsModule } from '../orgs/orgs.module';
import { WechatModule } from '../wechat/wechat.module';
import { GrievanceAttachmentRow } from './attachment.entity';
import { AttachmentsStore } from './attachments-store';
import { CalendarDayRow } from './calendar-day.entity';
import { CalendarYearRow } from './calendar-year.entity';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { GrievanceSubscription, OutboxMessage } from './delivery.entity';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { GrievanceAccess } from './grievance-access';
import { GrievanceKeys } from './keys';
import { GrievanceHandlingService } from './grievance-handling.service';
import { GrievanceNotifier } from './grievance-notifier';
import { GrievanceReportsService } from './grievance-reports.service';
import { GrievanceStatsService } from './grievance-stats.service';
import { GrievanceStore } from './grievance-store';
import { GrievanceSweeper } from './grievance-sweeper';
import { Grievance, GrievanceEventRow } from './grievance.entity';
import { GrievancesController } from './grievances.controller';
import { IdempotencyKey } from '../common/idempotency-key.entity';
import { GrievancePlacesController, GrievancePlacesService } from './grievance-places';
import { GrievanceThreadController } from './grievance-thread.controller';
import { GrievanceThreadService } from './grievance-thread.service';
import { GrievanceCountsService } from './grievance-counts';
import { GrievanceDeadlines } from './grievance-deadlines';
import { GrievanceEscalation } from './grievance-escalation';
import { HandlerNotifications } from './handler-notifications';
import { StaffNotification } from './staff-notification.entity';
import { StaffNoticesController } from './staff-notices.controller';
import { StaffWechat } from './staff-wechat.entity';
import { StaffWechatController, StaffWechatService } from './staff-wechat';
import { RoleGrant } from '../auth/role-grant.entity';
import { User } from '../auth/user.entity';
import { MediaCheck, WechatPushController } from './media-check';
import { HeldAttachmentsController, HeldAttachmentsService } from './held-attachments';
import { ReporterRekey } from './reporter-rekey';

// Grievances (维权诉求): reporting, routing, time limits on China's working-day calendar, handling,
// feedback, notifications and figures. GrievanceStatsService is for other modules (dashboards).
@Module({
  imports: [
    TypeOrmModule.forFeature([
      Grievance,
      GrievanceEventRow,
      GrievanceSubscription,
      OutboxMessage,
      IdempotencyKey,
      CalendarDayRow,
      CalendarYearRow,
      GrievanceAttachmentRow,
      StaffNotification,
      StaffWechat,
      RoleGrant,
      User,
    ]),
    OrgsModule,
    AuditModule,
    WechatModule,
    ModerationModule,
    SettingsModule,
  ],
  controllers: [
    GrievancesController,
    GrievanceThreadController,
    GrievancePlacesController,
    CalendarController,
    StaffNoticesController,
    StaffWechatController,
    WechatPushController,
    HeldAttachmentsController,
  ],
  providers: [
    // One set of keys derived from the rater-key secret, for every class that seals openids or finds a reporter's grievances.
    { provide: GrievanceKeys, useFactory: (config: AppConfig) => new GrievanceKeys(config.raterKeySecret), inject: [APP_CONFIG] },
    GrievanceAccess,
    GrievanceStore,
    CalendarService,
    GrievanceReportsService,
    GrievanceHandlingService,
    GrievanceNotifier,
    GrievanceSweeper,
    GrievanceStatsService,
    ReporterRekey,
    AttachmentsStore,
    GrievanceThreadService,
    GrievancePlacesService,
    GrievanceEscalation,
    GrievanceDeadlines,
    HandlerNotifications,
    GrievanceCountsService,
    StaffWechatService,
    MediaCheck,
    HeldAttachmentsService,
  ],
  exports: [GrievanceStatsService, CalendarService, GrievanceSweeper, GrievanceNotifier, GrievanceKeys, TypeOrmModule],
})
export class GrievancesModule {}
