import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { OrgsModule } from '../orgs/orgs.module';
import { RatingsModule } from '../ratings/ratings.module';
import { PlanEndorsement } from './endorsement.entity';
import { EndorsementsController } from './endorsements.controller';
import { EndorsementsService } from './endorsements.service';
import { RectificationRow, RectificationUpdateRow } from './rectification.entity';
import { RectificationController } from './rectification.controller';
import { RectificationOverviewService } from './rectification-overview.service';
import { RectificationService } from './rectification.service';

// Rectification (整改): the level above asks a poorly rated home to improve and follows it up; members
// say whether the plan answers their concerns (认可/不认可).
@Module({
  imports: [
    TypeOrmModule.forFeature([RectificationRow, RectificationUpdateRow, PlanEndorsement]),
    OrgsModule,
    CampaignsModule,
    RatingsModule,
    AuditModule,
  ],
  controllers: [RectificationController, EndorsementsController],
  providers: [RectificationService, RectificationOverviewService, EndorsementsService],
  exports: [RectificationService],
})
export class RectificationModule {}
