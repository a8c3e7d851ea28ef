import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';

// Bulk import matches rows to existing unions and homes by their own code (统一社会信用代码 or the
// province's code), unique within a province: code_scope holds the province's (the root org's) id.
// Existing rows have no code; NULLs never collide in a unique index on either database.
export class ExternalCodes1764000000671 implements MigrationInterface {
  name = 'ExternalCodes1764000000671';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['orgs', 'homes']) {
      await q.addColumns(table, [
        new TableColumn({ name: 'external_code', type: 'varchar', length: '64', isNullable: true }),
        new TableColumn({ name: 'code_scope', type: 'varchar', length: '36', isNullable: true }),
      ]);
      await q.createIndex(
        table,
        new TableIndex({ name: `uq_${table}_external_code`, columnNames: ['code_scope', 'external_code'], isUnique: true }),
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['orgs', 'homes']) {
      await q.dropIndex(table, `uq_${table}_external_code`);
      await q.dropColumns(table, ['external_code', 'code_scope']);
    }
  }
}
