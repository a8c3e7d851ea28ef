import { MigrationInterface, QueryRunner, Table } from 'typeorm';

// One calendar per province: the single table any province admin could change (moving every province's
// deadlines) becomes entries per province. Entries made so far are kept for every province, as they
// applied to all of them; each province may then change or remove its copy.
export class ProvinceCalendar1764000000160 implements MigrationInterface {
  name = 'ProvinceCalendar1764000000160';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'province_calendar_days',
        columns: [
          { name: 'province_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '8' },
          { name: 'note', type: 'varchar', length: '100', isNullable: true },
          { name: 'updated_at', type: 'varchar', length: '30' },
          { name: 'updated_by', type: 'varchar', length: '36', isNullable: true },
        ],
      }),
    );
    await q.query(
      `INSERT INTO province_calendar_days (province_id, day, kind, note, updated_at, updated_by)
       SELECT o.id, c.day, c.kind, c.note, c.updated_at, NULL FROM calendar_days c CROSS JOIN orgs o WHERE o.level = 'province'`,
    );
    await q.dropTable('calendar_days');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'calendar_days',
        columns: [
          { name: 'day', type: 'varchar', length: '10', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '8' },
          { name: 'note', type: 'varchar', length: '100', isNullable: true },
          { name: 'updated_at', type: 'varchar', length: '30' },
        ],
      }),
    );
    await q.dropTable('province_calendar_days');
  }
}
