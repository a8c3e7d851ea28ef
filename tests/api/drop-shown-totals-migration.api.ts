// The migration that removes the open-cycle snapshots (500), on a database of its own: it drops the
// snapshot tables and the write counters and keeps every totals row as it was; down brings migration
// 030's layout back, and up runs again after a down — on SQLite or MariaDB.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/server';

// The server's own build and its TypeORM (one copy, so its DataSource knows the migrations' classes).
const { DataSource } = require(join(ROOT, 'server/node_modules/typeorm'));
const { databaseOptions } = require(join(ROOT, 'server/dist/database/database-options.js'));

const SNAPSHOTS = ['rating_totals_staged', 'rating_totals_shown'];

describe('migration 1764000000500 (open-cycle snapshots removed)', () => {
  let ds: any;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingjia-migration-'));
    const shared = process.env.TEST_DATABASE_URL;
    let db: { kind: 'sqlite'; file: string } | { kind: 'mysql'; url: string } = { kind: 'sqlite', file: join(dir, 'pingjia.sqlite') };
    let dropDb = async () => {};
    if (shared) {
      const name = `pingjia_migration_${randomBytes(4).toString('hex')}`;
      const mysql = await import('mysql2/promise');
      const conn = await mysql.createConnection(shared);
      await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await conn.end();
      db = { kind: 'mysql', url: shared.replace(/\/[^/?]+(\?.*)?$/, `/${name}$1`) };
      dropDb = async () => {
        const c = await mysql.createConnection(shared);
        await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
        await c.end();
      };
    }
    ds = new DataSource(databaseOptions(db));
    await ds.initialize();
    cleanup = async () => {
      await ds.destroy();
      await dropDb();
      rmSync(dir, { recursive: true, force: true });
    };
  });
  afterAll(async () => cleanup?.());

  const tables = async () => {
    const names: string[] = [];
    for (const t of ['rating_totals', ...SNAPSHOTS]) if (await ds.createQueryRunner().hasTable(t)) names.push(t);
    return names;
  };

  /** Reverts the migrations from the newest down to and including the one at `timestamp`. */
  const undoThrough = async (timestamp: number) => {
    for (;;) {
      const [last] = await ds.query('SELECT MAX(timestamp) AS t FROM migrations');
      if (last.t === null || Number(last.t) < timestamp) return;
      await ds.undoLastMigration();
    }
  };

  const columns = async () => (await ds.createQueryRunner().getTable('rating_totals')).columns.map((c: any) => c.name);

  it('drops the snapshot tables and counters, keeps every totals row as it was, and can be reverted and run again', async () => {
    await ds.runMigrations();
    expect(await tables()).toEqual(['rating_totals']);
    expect(await columns()).not.toContain('writes');

    // Back to the layout with snapshots (030 up, 500 not yet run), with totals as that version wrote them.
    await undoThrough(1764000000500);
    expect(await tables()).toEqual(['rating_totals', ...SNAPSHOTS]);
    expect(await columns()).toEqual(expect.arrayContaining(['writes', 'window_start']));
    const rows = [
      {
        campaign_id: randomUUID(),
        home_id: randomUUID(),
        ratings: 12,
        satisfied: 7,
        basically_satisfied: 3,
        dissatisfied: 2,
        sum_trust: 45,
        d_trust_4: 6,
        gv_migrant_satisfied: 2,
        writes: 12,
        window_start: 10,
      },
      {
        campaign_id: randomUUID(),
        home_id: randomUUID(),
        ratings: 3,
        satisfied: 1,
        basically_satisfied: 0,
        dissatisfied: 2,
        sum_trust: 9,
        d_trust_4: 0,
        gv_migrant_satisfied: 0,
        writes: 3,
        window_start: 0,
      },
    ];
    for (const r of rows) {
      const cols = Object.keys(r);
      await ds.query(`INSERT INTO rating_totals (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, Object.values(r));
      await ds.query(`INSERT INTO rating_totals_shown (campaign_id, home_id, ratings) VALUES (?, ?, ?)`, [r.campaign_id, r.home_id, 5]);
    }
    const before = await ds.query('SELECT * FROM rating_totals ORDER BY ratings');

    await ds.runMigrations();
    expect(await tables()).toEqual(['rating_totals']);
    const after = await ds.query('SELECT * FROM rating_totals ORDER BY ratings');
    expect(after).toHaveLength(2);
    const kept = (await columns()).sort();
    expect(kept).not.toContain('writes');
    expect(kept).not.toContain('window_start');
    // every other column of every row as it was
    for (let i = 0; i < 2; i++) for (const c of kept) expect([i, c, String(after[i][c])]).toEqual([i, c, String(before[i][c])]);
    expect(Number(after[1].ratings)).toBe(12);
  });
});
