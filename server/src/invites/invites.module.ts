import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { OrgsModule } from '../orgs/orgs.module';
import { Invite } from './invite.entity';
import { InvitesController } from './invites.controller';
import { InvitesService } from './invites.service';

// Staff accounts by invitation: an admin invites a chair or an admin below, who claims the invite.
@Module({
  imports: [TypeOrmModule.forFeature([Invite]), OrgsModule, AuditModule],
  controllers: [InvitesController],
  providers: [InvitesService],
})
export class InvitesModule {}
