import { MigrationInterface, QueryRunner, Table } from 'typeorm';

// Issue 19 item 1: members' 认可/不认可 of a rectification plan (rectification/endorsement.entity.ts).
export class PlanEndorsements1764000000630 implements MigrationInterface {
  name = 'PlanEndorsements1764000000630';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'plan_endorsements',
        // SQLite: rows kept in the random id's order, not in the order members answered (as ratings).
        withoutRowid: q.connection.options.type !== 'mysql',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'rectification_id', type: 'varchar', length: '36' },
          { name: 'rater_key', type: 'varchar', length: '64' },
          { name: 'verdict', type: 'varchar', length: '12' },
          { name: 'updated_on', type: 'varchar', length: '10' },
        ],
        indices: [{ name: 'uq_plan_endorsements_rater', columnNames: ['rectification_id', 'rater_key'], isUnique: true }],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('plan_endorsements');
  }
}
