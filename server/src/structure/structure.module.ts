import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrgsModule } from '../orgs/orgs.module';
import { StructureController } from './structure.controller';
import { StructureService } from './structure.service';

// Keeping the org tree right over time: edit, move, deactivate, merge and delete orgs and homes,
// each change audited in its own transaction (so it sits above the audit module, not in orgs).
@Module({
  imports: [OrgsModule, AuditModule],
  controllers: [StructureController],
  providers: [StructureService],
})
export class StructureModule {}
