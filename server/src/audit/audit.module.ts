import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { OrgsModule } from '../orgs/orgs.module';
import { AuditEventRow } from './audit-event.entity';
import { AuditController } from './audit.controller';
import { AuditTrail } from '../common/audited';
import { AuditTrailWriter } from './audit-trail';
import { AuditService } from './audit.service';

// The audit log: written inside the transaction of oversight actions (AuditService.record), and after
// any handler marked @Audited (common/audited.ts) through the AuditTrail; read by the admins above.
// Global: @Audited's interceptor is made in the module of each marked controller and needs the AuditTrail there.
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventRow]), OrgsModule, CampaignsModule],
  controllers: [AuditController],
  providers: [AuditService, { provide: AuditTrail, useClass: AuditTrailWriter }],
  exports: [AuditService, AuditTrail],
})
export class AuditModule {}
