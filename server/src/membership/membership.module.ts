import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { OrgsModule } from '../orgs/orgs.module';
import { MembershipController } from './membership.controller';
import { MembershipService } from './membership.service';
import { RosterEntry } from './roster-entry.entity';

// Home rosters and the membership check of roster-mode homes.
@Module({
  imports: [TypeOrmModule.forFeature([RosterEntry]), OrgsModule, AuditModule],
  controllers: [MembershipController],
  providers: [MembershipService],
  exports: [MembershipService],
})
export class MembershipModule {}
