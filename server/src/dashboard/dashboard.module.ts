import { Module } from '@nestjs/common';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ReadReplicas } from '../database/read-replicas';
import { AccessPolicy } from '../orgs/access-policy';
import { AuditModule } from '../audit/audit.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { GrievancesModule } from '../grievances/grievances.module';
import { OrgsModule } from '../orgs/orgs.module';
import { RatingsModule } from '../ratings/ratings.module';
import { CachedReads } from './cached-reads';
import { CampaignScope } from './campaign-scope';
import { CommentModerationService } from './comment-moderation.service';
import { DashboardAnswers } from './dashboard-answers';
import { DashboardController } from './dashboard.controller';
import { DashboardService } from './dashboard.service';
import { GrievanceFigures } from './grievance-figures';
import { homeAnswer } from './home-answer';
import { HomeReaders } from './home-readers';
import { OrgDashboardService } from './org-dashboard.service';
import { SubtreeReader } from './subtree-reader';

// Figures for a home's chair and for the federations above: home dashboards, org dashboards and league
// tables, and the moderation of held comments. CachedReads answers cached dashboards before Nest (app.factory.ts).
@Module({
  imports: [OrgsModule, CampaignsModule, RatingsModule, GrievancesModule, AuditModule],
  controllers: [DashboardController],
  providers: [
    CampaignScope,
    GrievanceFigures,
    DashboardService,
    OrgDashboardService,
    SubtreeReader,
    CommentModerationService,
    {
      provide: HomeReaders,
      inject: [DashboardService, AccessPolicy, ReadReplicas, Clock, APP_CONFIG],
      useFactory: (dashboard: DashboardService, access: AccessPolicy, replicas: ReadReplicas, clock: Clock, config: AppConfig) =>
        new HomeReaders(
          {
            answer: (job) => replicas.read(() => homeAnswer(dashboard, job)),
            access: (userId, homeId) => access.homeWithLevel(userId, homeId),
          },
          config.database.kind === 'sqlite' ? config.database.file : null,
          () => clock.now(),
        ),
    },
    DashboardAnswers,
    CachedReads,
  ],
  exports: [DashboardService, OrgDashboardService, CachedReads, HomeReaders],
})
export class DashboardModule {}
