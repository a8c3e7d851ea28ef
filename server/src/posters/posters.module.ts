import { Module } from '@nestjs/common';
import { OrgsModule } from '../orgs/orgs.module';
import { WechatModule } from '../wechat/wechat.module';
import { MemberCodeController, MemberCodes } from './member-code';
import { PostersController } from './posters.controller';
import { PostersService } from './posters.service';

// A home's printable poster with its QR code, and the mini-program code the H5 page shows outside WeChat.
@Module({
  imports: [OrgsModule, WechatModule],
  controllers: [PostersController, MemberCodeController],
  providers: [PostersService, MemberCodes],
})
export class PostersModule {}
