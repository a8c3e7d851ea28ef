import { Module } from '@nestjs/common';
import { PageCodes } from './page-code';
import { WechatClient } from './wechat.client';

// WeChat's server API (login codes, content checks, subscription messages, QR codes): one client, so
// one access token per instance.
@Module({
  providers: [WechatClient, PageCodes],
  exports: [WechatClient, PageCodes],
})
export class WechatModule {}
