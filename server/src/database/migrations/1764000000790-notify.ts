import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

// Issue 19: staff opt in to WeChat messages (grievances/staff-wechat.entity.ts), members opt in to
// "a cycle opened for your home" (notices/cycle-subscription.entity.ts), and WeChat's media check on
// attached images (grievances/attachment.entity.ts: the pending check of a held attachment).
export class Notify1764000000790 implements MigrationInterface {
  name = 'Notify1764000000790';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'staff_wechat',
        columns: [
          { name: 'user_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'openid', type: 'varchar', length: '200' },
          { name: 'credits', type: 'int' },
          { name: 'bound_on', type: 'varchar', length: '10' },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'cycle_subscriptions',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'home_id', type: 'varchar', length: '36' },
          { name: 'openid', type: 'varchar', length: '200' },
          { name: 'template_id', type: 'varchar', length: '128' },
          { name: 'created_on', type: 'varchar', length: '10' },
        ],
        indices: [{ name: 'ix_cycle_subscriptions_home', columnNames: ['home_id'] }],
      }),
    );
    await q.addColumns('grievance_attachments', [
      new TableColumn({ name: 'check_trace_id', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'check_token', type: 'varchar', length: '64', isNullable: true }),
      new TableColumn({ name: 'check_sent_at', type: 'varchar', length: '30', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('grievance_attachments', 'check_sent_at');
    await q.dropColumn('grievance_attachments', 'check_token');
    await q.dropColumn('grievance_attachments', 'check_trace_id');
    await q.dropTable('cycle_subscriptions');
    await q.dropTable('staff_wechat');
  }
}
