import { MigrationInterface, QueryRunner, Table, TableColumn, TableColumnOptions } from 'typeorm';

// Open-cycle snapshots (server/src/ratings/open-figures.ts): a write counter and window start in the
// totals rows, and two snapshot tables with the totals' figure columns as they are now (read from the
// table, so a later migration adding a counter adds it to all three). Existing rows are copied as
// they are. QueryRunner schema API, SQLite and MySQL alike.
const int = (name: string): TableColumnOptions => ({ name, type: 'int', default: 0 });
const KEYS = ['campaign_id', 'home_id'];
const SNAPSHOTS = ['rating_totals_staged', 'rating_totals_shown'];

export class ShownTotals1764000000030 implements MigrationInterface {
  name = 'ShownTotals1764000000030';

  async up(q: QueryRunner): Promise<void> {
    const totals = await q.getTable('rating_totals');
    if (!totals) throw new Error('rating_totals is missing');
    const figures = totals.columns.map((c) => c.name).filter((c) => !KEYS.includes(c));
    await q.addColumns('rating_totals', [new TableColumn(int('writes')), new TableColumn(int('window_start'))]);
    const list = [...KEYS, ...figures].join(', ');
    for (const name of SNAPSHOTS) {
      await q.createTable(
        new Table({
          name,
          columns: [
            { name: 'campaign_id', type: 'varchar', length: '36', isPrimary: true },
            { name: 'home_id', type: 'varchar', length: '36', isPrimary: true },
            ...figures.map((c) => int(c)),
            int('writes'),
          ],
        }),
      );
      // Column names come from the schema itself, no input.
      await q.query(`INSERT INTO ${name} (${list}, writes) SELECT ${list}, 0 FROM rating_totals`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of [...SNAPSHOTS].reverse()) await q.dropTable(name);
    await q.dropColumns('rating_totals', ['window_start', 'writes']);
  }
}
