import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignsModule } from '../campaigns/campaigns.module';
import { OrgsModule } from '../orgs/orgs.module';
import { AuditEventRow } from './audit-event.entity';
import { AuditController } from './audit.controller';
import { AuditInterceptor } from './audit.interceptor';
import { AuditService } from './audit.service';

// The audit log: written inside the transaction of oversight actions (AuditService.record), and after
// any handler marked @Audited (common/audited.ts) by the interceptor; read by the admins above.
@Module({
  imports: [TypeOrmModule.forFeature([AuditEventRow]), OrgsModule, CampaignsModule],
  controllers: [AuditController],
  providers: [AuditService, { provide: APP_INTERCEPTOR, useClass: AuditInterceptor }],
  exports: [AuditService],
})
export class AuditModule {}
