import { Module } from '@nestjs/common';
import { OrgsModule } from '../orgs/orgs.module';
import { WechatModule } from '../wechat/wechat.module';
import { PostersController } from './posters.controller';
import { PostersService } from './posters.service';

// A home's printable poster with its QR code.
@Module({
  imports: [OrgsModule, WechatModule],
  controllers: [PostersController],
  providers: [PostersService],
})
export class PostersModule {}
