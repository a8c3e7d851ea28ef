import { MigrationInterface, QueryRunner, Table, TableColumn, TableIndex } from 'typeorm';

// Issue 19 (thread, evidence, filing without the poster): a question the handler asked and the worker
// has yet to answer; grievances filed straight to a federation (no home: home_id null, org_id the
// federation); attachments, whose bytes live in files under the data folder, not in the database.
export class GrievanceThread1764000000719 implements MigrationInterface {
  name = 'GrievanceThread1764000000719';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn('grievances', new TableColumn({ name: 'question_open', type: 'boolean', default: false }));
    await q.addColumn('grievances', new TableColumn({ name: 'org_id', type: 'varchar', length: '36', isNullable: true }));
    await q.changeColumn('grievances', 'home_id', new TableColumn({ name: 'home_id', type: 'varchar', length: '36', isNullable: true }));
    await q.createTable(
      new Table({
        name: 'grievance_attachments',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'grievance_id', type: 'varchar', length: '36' },
          { name: 'seq', type: 'int' },
          { name: 'kind', type: 'varchar', length: '8' },
          { name: 'mime', type: 'varchar', length: '32' },
          { name: 'size', type: 'int' },
          { name: 'storage_key', type: 'varchar', length: '80' },
          { name: 'status', type: 'varchar', length: '12' },
          // the day only: an anonymous reporter's upload time is not a minute to match against
          { name: 'created_on', type: 'varchar', length: '10' },
        ],
        indices: [new TableIndex({ name: 'uq_grievance_attachments_seq', columnNames: ['grievance_id', 'seq'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('grievance_attachments');
    await q.query(`DELETE FROM grievances WHERE home_id IS NULL`);
    await q.changeColumn('grievances', 'home_id', new TableColumn({ name: 'home_id', type: 'varchar', length: '36' }));
    await q.dropColumn('grievances', 'org_id');
    await q.dropColumn('grievances', 'question_open');
  }
}
