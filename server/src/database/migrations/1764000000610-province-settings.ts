import { DEFAULT_PROVINCE_SETTINGS } from '@pingjia/shared';
import { MigrationInterface, QueryRunner, Table, TableColumn } from 'typeorm';

// Province settings (issue 18): each province's own row, and the copy a campaign freezes when it opens.
// Campaigns that opened before settings existed were computed with the then hard-wired values, which
// are the defaults: they get those frozen, so their results stay as they were.
export class ProvinceSettings1764000000610 implements MigrationInterface {
  name = 'ProvinceSettings1764000000610';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'province_settings',
        columns: [
          { name: 'province_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'settings', type: 'text' },
          { name: 'updated_at', type: 'varchar', length: '30' },
          { name: 'updated_by', type: 'varchar', length: '36' },
        ],
      }),
    );
    await q.addColumn('campaigns', new TableColumn({ name: 'settings', type: 'text', isNullable: true }));
    await q.query(`UPDATE campaigns SET settings = ? WHERE status <> 'draft'`, [JSON.stringify(DEFAULT_PROVINCE_SETTINGS)]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('campaigns', 'settings');
    await q.dropTable('province_settings');
  }
}
