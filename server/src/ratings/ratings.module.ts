import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { MembershipModule } from '../membership/membership.module';
import { ModerationModule } from '../moderation/moderation.module';
import { OrgsModule } from '../orgs/orgs.module';
import { HomeIntegrityFlag } from './integrity-flag.entity';
import { RatingIntegrity } from './rating-integrity';
import { RatingTotalsSchema } from './rating-totals.entity';
import { RatingTotalsStore } from './rating-totals.store';
import { Rating } from './rating.entity';
import { RatingsController } from './ratings.controller';
import { RatingsService } from './ratings.service';

// A member's rating of a home in a campaign, and the running totals kept with it.
@Module({
  imports: [
    TypeOrmModule.forFeature([Rating, RatingTotalsSchema, HomeIntegrityFlag]),
    OrgsModule,
    CampaignsModule,
    MembershipModule,
    ModerationModule,
  ],
  controllers: [RatingsController],
  providers: [RatingsService, RatingIntegrity, RatingTotalsStore],
  exports: [TypeOrmModule, RatingTotalsStore, RatingIntegrity],
})
export class RatingsModule {}
