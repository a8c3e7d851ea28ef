import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

export class Roster1764000000001 implements MigrationInterface {
  name = 'Roster1764000000001';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'roster_entries',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'home_id', type: 'varchar', length: '36' },
          { name: 'entry_hash', type: 'varchar', length: '64' },
          { name: 'phone_hash', type: 'varchar', length: '64', isNullable: true },
          { name: 'bound_user_id', type: 'varchar', length: '36', isNullable: true },
        ],
        indices: [
          new TableIndex({ name: 'uq_roster_entry', columnNames: ['home_id', 'entry_hash'], isUnique: true }),
          new TableIndex({ name: 'uq_roster_binding', columnNames: ['home_id', 'bound_user_id'], isUnique: true }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('roster_entries');
  }
}
