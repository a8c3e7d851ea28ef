import { MigrationInterface, QueryRunner } from 'typeorm';
import { ShownTotals1764000000030 } from './1764000000030-shown-totals';

// Open cycles no longer show running figures from snapshots (issue 14): only participation, rounded
// down to 5, until the close, then the final totals. The snapshot tables and the write counters go.
// QueryRunner schema API, SQLite and MySQL alike.
const SNAPSHOTS = ['rating_totals_shown', 'rating_totals_staged'];

export class DropShownTotals1764000000500 implements MigrationInterface {
  name = 'DropShownTotals1764000000500';

  async up(q: QueryRunner): Promise<void> {
    for (const name of SNAPSHOTS) if (await q.hasTable(name)) await q.dropTable(name);
    const totals = await q.getTable('rating_totals');
    const counters = ['window_start', 'writes'].filter((c) => totals?.findColumnByName(c));
    if (counters.length) await q.dropColumns('rating_totals', counters);
  }

  /** Back to migration 030's layout: snapshots taken from the totals as they are now. */
  async down(q: QueryRunner): Promise<void> {
    await new ShownTotals1764000000030().up(q);
  }
}
