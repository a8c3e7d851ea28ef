import { MigrationInterface, QueryRunner, Table } from 'typeorm';

// The years each province imported an official holiday arrangement for (issue 18 item 4).
export class CalendarYears1764000000650 implements MigrationInterface {
  name = 'CalendarYears1764000000650';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'province_calendar_years',
        columns: [
          { name: 'province_id', type: 'varchar', length: '36', isPrimary: true },
          { name: 'year', type: 'int', isPrimary: true },
          { name: 'holidays', type: 'int' },
          { name: 'workdays', type: 'int' },
          { name: 'imported_at', type: 'varchar', length: '30' },
          { name: 'imported_by', type: 'varchar', length: '36' },
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('province_calendar_years');
  }
}
