// The open-cycle snapshot migration on a database of its own: up copies existing totals rows as they
// are, down removes what up added, and up runs again after a down — on SQLite or MariaDB.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/server';

// The server's own build and its TypeORM (one copy, so its DataSource knows the migrations' classes).
const { DataSource } = require(join(ROOT, 'server/node_modules/typeorm'));
const { databaseOptions } = require(join(ROOT, 'server/dist/database/database-options.js'));

const SNAPSHOTS = ['rating_totals_staged', 'rating_totals_shown'];

describe('migration 1764000000030 (open-cycle snapshots)', () => {
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

  it('copies totals rows written before it as they are, and can be reverted and run again', async () => {
    await ds.runMigrations();
    expect(await tables()).toEqual(['rating_totals', ...SNAPSHOTS]);
    // Later migrations first (they may build on this one), then this one.
    await undoThrough(1764000000030);
    expect(await tables()).toEqual(['rating_totals']);
    const before = await ds.createQueryRunner().getTable('rating_totals');
    expect(before.columns.map((c: any) => c.name)).not.toContain('writes');

    // Two homes' totals as an earlier version wrote them.
    const rows = [
      { campaign_id: randomUUID(), home_id: randomUUID(), ratings: 12, satisfied: 7, basically_satisfied: 3, dissatisfied: 2, sum_trust: 45, d_trust_4: 6, gv_migrant_satisfied: 2 },
      { campaign_id: randomUUID(), home_id: randomUUID(), ratings: 3, satisfied: 1, basically_satisfied: 0, dissatisfied: 2, sum_trust: 9, d_trust_4: 0, gv_migrant_satisfied: 0 },
    ];
    for (const r of rows) {
      const cols = Object.keys(r);
      await ds.query(`INSERT INTO rating_totals (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, Object.values(r));
    }

    await ds.runMigrations();
    expect(await tables()).toEqual(['rating_totals', ...SNAPSHOTS]);
    const totals = await ds.query('SELECT * FROM rating_totals');
    expect(totals.map((t: any) => [Number(t.writes), Number(t.window_start)])).toEqual([
      [0, 0],
      [0, 0],
    ]);
    const figureColumns = (await ds.createQueryRunner().getTable('rating_totals')).columns.map((c: any) => c.name).filter((c: string) => !['writes', 'window_start'].includes(c));
    for (const table of SNAPSHOTS) {
      const copy = await ds.query(`SELECT * FROM ${table}`);
      expect(copy).toHaveLength(2);
      for (const r of rows) {
        const t = totals.find((x: any) => x.home_id === r.home_id);
        const s = copy.find((x: any) => x.home_id === r.home_id);
        // every figure column of the totals row, and nothing else but `writes`
        expect(Object.keys(s).sort()).toEqual([...figureColumns, 'writes'].sort());
        for (const c of figureColumns) expect([table, c, String(s[c])]).toEqual([table, c, String(t[c])]);
        expect(Number(s.ratings)).toBe(r.ratings);
        expect(Number(s.writes)).toBe(0);
      }
    }
  });
});
