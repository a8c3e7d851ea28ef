import { MigrationInterface, QueryRunner, Table } from 'typeorm';

// Issue 19 item 5: reminders and escalations notify the handler, in the app (grievances/staff-notification.entity.ts).
export class StaffNotifications1764000000740 implements MigrationInterface {
  name = 'StaffNotifications1764000000740';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'staff_notifications',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'grievance_id', type: 'varchar', length: '36' },
          { name: 'kind', type: 'varchar', length: '16' },
          { name: 'text', type: 'varchar', length: '200' },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'read_at', type: 'varchar', length: '30', isNullable: true },
        ],
        indices: [{ name: 'ix_staff_notifications_user', columnNames: ['user_id', 'created_at'] }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('staff_notifications');
  }
}
