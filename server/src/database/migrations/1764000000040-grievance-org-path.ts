import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

// A federation's grievance figures are one aggregate over an index range on the grievance's org path
// (grievance-stats.service.ts forSubtree), instead of IN-lists of its homes' ids.
export class GrievanceOrgPath1764000000040 implements MigrationInterface {
  name = 'GrievanceOrgPath1764000000040';

  async up(q: QueryRunner): Promise<void> {
    await q.createIndex('grievances', new TableIndex({ name: 'idx_grievances_org_path', columnNames: ['org_path'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('grievances', 'idx_grievances_org_path');
  }
}
