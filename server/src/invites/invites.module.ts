import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { OrgsModule } from '../orgs/orgs.module';
import { WechatModule } from '../wechat/wechat.module';
import { Invite } from './invite.entity';
import { InvitesController, PasswordResetsController } from './invites.controller';
import { InvitesService } from './invites.service';
import { PasswordReset } from './password-reset.entity';
import { PasswordResetsService } from './password-resets.service';

// Staff accounts by invitation: an admin invites a chair or an admin below, who claims the invite; the
// same admins remove them, lift their lockouts and send them password reset links.
@Module({
  imports: [TypeOrmModule.forFeature([Invite, PasswordReset]), OrgsModule, AuditModule, WechatModule],
  controllers: [InvitesController, PasswordResetsController],
  providers: [InvitesService, PasswordResetsService],
})
export class InvitesModule {}
