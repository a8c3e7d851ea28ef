import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// Issue 18 item 6: the level above sends a rectification plan back (退回) with a reason.
export class RectificationSendBack1764000000720 implements MigrationInterface {
  name = 'RectificationSendBack1764000000720';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('rectifications', [
      new TableColumn({ name: 'sent_back_reason', type: 'text', isNullable: true }),
      new TableColumn({ name: 'sent_back_on', type: 'varchar', length: '10', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('rectifications', 'sent_back_on');
    await q.dropColumn('rectifications', 'sent_back_reason');
  }
}
