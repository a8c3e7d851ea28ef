import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgsModule } from '../orgs/orgs.module';
import { SettingsModule } from '../settings/settings.module';
import { Campaign } from './campaign.entity';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';
import { SceneController } from './scene.controller';
import { SceneService } from './scene.service';

// Rating campaigns (测评周期) and the QR-code entry that finds the campaign covering a home.
@Module({
  imports: [TypeOrmModule.forFeature([Campaign]), OrgsModule, SettingsModule],
  controllers: [CampaignsController, SceneController],
  providers: [CampaignsService, SceneService],
  exports: [TypeOrmModule],
})
export class CampaignsModule {}
