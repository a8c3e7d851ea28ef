import { Module } from '@nestjs/common';
import { WechatClient } from './wechat.client';

// WeChat's server API (login codes, content checks, subscription messages, QR codes): one client, so
// one access token per instance.
@Module({
  providers: [WechatClient],
  exports: [WechatClient],
})
export class WechatModule {}
