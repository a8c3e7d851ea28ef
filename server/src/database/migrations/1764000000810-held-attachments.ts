import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// Issue 19: held attachments get a way out besides WeChat's pass — a media check that failed is asked
// again a bounded number of times (check_attempts, check_retry_at, and the uploader's openid sealed until WeChat has the request), and what WeChat cannot decide waits
// for the level above the home (held_for = 'person'; grievances/held-attachments.ts).
export class HeldAttachments1764000000810 implements MigrationInterface {
  name = 'HeldAttachments1764000000810';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('grievance_attachments', [
      new TableColumn({ name: 'held_for', type: 'varchar', length: '8', isNullable: true }),
      new TableColumn({ name: 'check_attempts', type: 'int', default: 0 }),
      new TableColumn({ name: 'check_retry_at', type: 'varchar', length: '30', isNullable: true }),
      new TableColumn({ name: 'check_openid', type: 'varchar', length: '200', isNullable: true }),
    ]);
    // What was held before this waits for a person: nothing else would ever decide it.
    await q.query(`UPDATE grievance_attachments SET held_for = 'person', check_token = NULL WHERE status = 'held'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('grievance_attachments', 'check_openid');
    await q.dropColumn('grievance_attachments', 'check_retry_at');
    await q.dropColumn('grievance_attachments', 'check_attempts');
    await q.dropColumn('grievance_attachments', 'held_for');
  }
}
