import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from '../auth/user.entity';
import { CampaignOpenedHook } from '../campaigns/campaign-transitions';
import { GrievancesModule } from '../grievances/grievances.module';
import { Home } from '../orgs/home.entity';
import { WechatModule } from '../wechat/wechat.module';
import { CycleNotices, CycleNoticesController } from './cycle-notices';
import { CycleSubscription } from './cycle-subscription.entity';

// Members' "a cycle opened for your home" messages. Global so that CampaignTransitions (campaigns/)
// finds its CampaignOpenedHook without campaigns/ depending on grievances/, whose outbox it uses.
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([CycleSubscription, Home, User]), GrievancesModule, WechatModule],
  controllers: [CycleNoticesController],
  providers: [CycleNotices, { provide: CampaignOpenedHook, useExisting: CycleNotices }],
  exports: [CampaignOpenedHook],
})
export class NoticesModule {}
