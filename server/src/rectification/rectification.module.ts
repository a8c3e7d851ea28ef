import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { OrgsModule } from '../orgs/orgs.module';
import { RatingsModule } from '../ratings/ratings.module';
import { RectificationRow, RectificationUpdateRow } from './rectification.entity';
import { RectificationController } from './rectification.controller';
import { RectificationService } from './rectification.service';

// Rectification (整改): the level above asks a poorly rated home to improve and follows it up.
@Module({
  imports: [TypeOrmModule.forFeature([RectificationRow, RectificationUpdateRow]), OrgsModule, CampaignsModule, RatingsModule, AuditModule],
  controllers: [RectificationController],
  providers: [RectificationService],
})
export class RectificationModule {}
