import { MigrationInterface, QueryRunner, Table } from 'typeorm';

// Import jobs in the database (imports/import-job.store.ts) instead of one server's memory: polling
// works from any instance, and a job whose server died is seen as failed instead of forgotten.
export class ImportJobs1764000000763 implements MigrationInterface {
  name = 'ImportJobs1764000000763';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'import_jobs',
        columns: [
          { name: 'id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'user_id', type: 'varchar', length: '36' },
          { name: 'org_id', type: 'varchar', length: '36' },
          { name: 'status', type: 'varchar', length: '16' },
          { name: 'done', type: 'int', default: 0 },
          { name: 'total', type: 'int', default: 0 },
          { name: 'counts', type: 'varchar', length: '200' },
          { name: 'applied', type: 'varchar', length: '200', isNullable: true },
          { name: 'error_code', type: 'varchar', length: '40', isNullable: true },
          { name: 'error_message', type: 'varchar', length: '400', isNullable: true },
          { name: 'created_at', type: 'varchar', length: '30' },
          { name: 'heartbeat_at', type: 'varchar', length: '30' },
          { name: 'finished_at', type: 'varchar', length: '30', isNullable: true },
        ],
        indices: [
          { name: 'ix_import_jobs_user', columnNames: ['user_id', 'status'] },
          { name: 'ix_import_jobs_status', columnNames: ['status'] },
        ],
      }),
    );
    // The file's rows (input, kept until applied) and the dry run's per-row report, gzipped JSON in
    // chunks of at most CHUNK_ROWS rows; a report chunk carries its outcome counts, so a page of one
    // outcome unpacks only the chunks it needs.
    await q.createTable(
      new Table({
        name: 'import_job_parts',
        columns: [
          { name: 'job_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '8', isPrimary: true },
          { name: 'seq', type: 'int', isPrimary: true },
          { name: 'counts', type: 'varchar', length: '200', isNullable: true },
          { name: 'data', type: q.connection.options.type === 'mysql' ? 'longblob' : 'blob' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('import_job_parts');
    await q.dropTable('import_jobs');
  }
}
