import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RoleGrant } from '../auth/role-grant.entity';
import { User } from '../auth/user.entity';
import { RateLimitGuard } from '../common/rate-limit.guard';
import type { AppConfig } from '../config/app-config';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import { ModerationService } from '../wechat/moderation.service';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';
import { GRIEVANCE_ENTITIES } from './entities';
import { GrievanceAccess } from './grievance-access';
import { GrievanceHandlingService } from './grievance-handling.service';
import { GrievanceNotifier } from './grievance-notifier';
import { GrievanceReportsService } from './grievance-reports.service';
import { GrievanceStatsService } from './grievance-stats.service';
import { GrievanceStore } from './grievance-store';
import { GrievanceSweeper } from './grievance-sweeper';
import { GrievancesController } from './grievances.controller';
import { TestHooksController } from './test-hooks.controller';

// Grievances (维权诉求): reporting, routing, time limits on China's working-day calendar, handling,
// feedback, notifications and figures. GrievanceStatsService is for other modules (dashboards).
@Module({})
export class GrievancesModule {
  static register(config: AppConfig): DynamicModule {
    return {
      module: GrievancesModule,
      imports: [TypeOrmModule.forFeature([...GRIEVANCE_ENTITIES, Home, Org, User, RoleGrant])],
      controllers: [GrievancesController, CalendarController, ...(config.testClock ? [TestHooksController] : [])],
      providers: [
        GrievanceAccess,
        GrievanceStore,
        CalendarService,
        GrievanceReportsService,
        GrievanceHandlingService,
        GrievanceNotifier,
        GrievanceSweeper,
        GrievanceStatsService,
        ModerationService,
        RateLimitGuard,
      ],
      exports: [GrievanceStatsService, CalendarService],
    };
  }
}
