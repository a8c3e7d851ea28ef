import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RoleGrant } from '../auth/role-grant.entity';
import { User } from '../auth/user.entity';
import { Campaign } from '../campaigns/campaign.entity';
import { CampaignScope } from '../dashboard/campaign-scope';
import { CommentModerationService } from '../dashboard/comment-moderation.service';
import { DashboardController } from '../dashboard/dashboard.controller';
import { DashboardService } from '../dashboard/dashboard.service';
import { GrievanceFigures } from '../dashboard/grievance-figures';
import { OrgDashboardService } from '../dashboard/org-dashboard.service';
import { ExportsController } from '../exports/exports.controller';
import { ExportsService } from '../exports/exports.service';
import { InvitesController } from '../invites/invites.controller';
import { InvitesService } from '../invites/invites.service';
import { Home } from '../orgs/home.entity';
import { Org } from '../orgs/org.entity';
import { PostersController } from '../posters/posters.controller';
import { PostersService } from '../posters/posters.service';
import { Rating } from '../ratings/rating.entity';
import { RectificationController } from '../rectification/rectification.controller';
import { RectificationService } from '../rectification/rectification.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { AuditInterceptor } from './audited';
import { OVERSIGHT_ENTITIES } from './oversight-entities';

// Oversight (issue #5): accounts and invites, the audit log, dashboards, comment moderation,
// rectification, posters and Excel exports.
@Module({
  imports: [TypeOrmModule.forFeature([Org, Home, Campaign, Rating, User, RoleGrant, ...OVERSIGHT_ENTITIES])],
  controllers: [AuditController, InvitesController, DashboardController, RectificationController, PostersController, ExportsController],
  providers: [
    AuditService,
    { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
    InvitesService,
    CampaignScope,
    GrievanceFigures,
    DashboardService,
    OrgDashboardService,
    CommentModerationService,
    RectificationService,
    PostersService,
    ExportsService,
  ],
  exports: [AuditService],
})
export class OversightModule {}
