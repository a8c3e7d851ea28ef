import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// Whether a staff create's Idempotency-Key has seen its work commit (common/idempotency.ts): set in the
// same COMMIT as the work, so a process that dies before storing the answer can no longer make a retry
// create a second time. Rows written before this read as not committed, as they were treated before.
export class IdempotencyCommitted1764000000805 implements MigrationInterface {
  name = 'IdempotencyCommitted1764000000805';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('idempotency_keys', new TableColumn({ name: 'committed', type: 'boolean', default: false }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('idempotency_keys', 'committed');
  }
}
