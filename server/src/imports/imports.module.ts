import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrgsModule } from '../orgs/orgs.module';
import { ImportStore } from './import-store';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

// Bulk import of unions and homes by a federation admin into its own subtree: template, dry run with a
// per-row report, apply all or nothing, matched by external code so a second import changes nothing.
@Module({
  imports: [OrgsModule, AuditModule],
  controllers: [ImportsController],
  providers: [ImportsService, ImportStore],
})
export class ImportsModule {}
