import { Module } from '@nestjs/common';
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
    DashboardAnswers,
    CachedReads,
  ],
  exports: [DashboardService, OrgDashboardService, CachedReads],
})
export class DashboardModule {}
