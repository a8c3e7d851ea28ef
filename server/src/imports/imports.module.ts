import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { OrgsModule } from '../orgs/orgs.module';
import { ImportJobPart, ImportJobRecord } from './import-job.entity';
import { ImportJobStore } from './import-job.store';
import { ImportStore } from './import-store';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

// Bulk import of unions and homes by a federation admin into its own subtree: template, dry run with a
// per-row report, apply all or nothing, matched by external code so a second import changes nothing.
@Module({
  imports: [TypeOrmModule.forFeature([ImportJobRecord, ImportJobPart]), OrgsModule, AuditModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportStore, ImportJobStore],
})
export class ImportsModule {}
