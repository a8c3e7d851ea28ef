import { Module } from '@nestjs/common';
import { WechatModule } from '../wechat/wechat.module';
import { ModerationService } from './moderation.service';

// Content checks of user-written text (rating comments, grievances) before anyone else sees it.
@Module({
  imports: [WechatModule],
  providers: [ModerationService],
  exports: [ModerationService],
})
export class ModerationModule {}
