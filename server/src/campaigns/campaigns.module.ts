import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgsModule } from '../orgs/orgs.module';
import { SettingsModule } from '../settings/settings.module';
import { Campaign } from './campaign.entity';
import { CampaignHome } from './campaign-home.entity';
import { CampaignHomes } from './campaign-homes';
import { CampaignOverlap } from './campaign-overlap';
import { CampaignScheduler } from './campaign-scheduler';
import { CampaignTransitions } from './campaign-transitions';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { SceneController } from './scene.controller';
import { SceneService } from './scene.service';

// Rating campaigns (测评周期): their lifecycle (CampaignTransitions opens and closes, CampaignScheduler
// does it on time), the overlap rule, the homes frozen into each, and the QR-code entry that finds the
// campaign covering a home.
@Module({
  imports: [TypeOrmModule.forFeature([Campaign, CampaignHome]), OrgsModule, SettingsModule],
  controllers: [CampaignsController, SceneController],
  providers: [CampaignsService, SceneService, CampaignOverlap, CampaignTransitions, CampaignScheduler, CampaignHomes],
  exports: [TypeOrmModule, CampaignTransitions, CampaignScheduler, CampaignHomes],
})
export class CampaignsModule {}
