// Issue 14's migrations on data written before them, on SQLite or MariaDB:
// - 1764000000060 / 070 on a database of their own: ratings keep every value (SQLite: rebuilt
//   WITHOUT ROWID), the flags table comes and goes, the delivery tables take sealed openids; down and
//   up again;
// - the boot-time re-keying (grievances/reporter-rekey.ts) on a server of its own: grievances filed
//   under the old one-key-per-reporter scheme, with openids in clear, get per-grievance keys and sealed
//   openids, and "my grievances" still finds them.
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, openRawWriter, ownMariadbDatabase } from '../support/db';
import { ROOT, startServer } from '../support/server';
import { GOOD_CONTENT, grievanceFixtures } from './grievances.fixtures';
import { createHomeOn, startOwnServer } from './own-server';

const { DataSource } = require(join(ROOT, 'server/node_modules/typeorm'));
const { databaseOptions } = require(join(ROOT, 'server/dist/database/database-options.js'));

const mariadb = () => Boolean(process.env.TEST_DATABASE_URL);

describe('migrations 1764000000060 and 070 (rating integrity, sealed openids)', () => {
  let ds: any;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pingjia-migration-'));
    const own = await ownMariadbDatabase('migration');
    const db = own ? { kind: 'mysql', url: own.url } : { kind: 'sqlite', file: join(dir, 'pingjia.sqlite') };
    ds = new DataSource(databaseOptions(db));
    await ds.initialize();
    cleanup = async () => {
      await ds.destroy();
      await own?.drop();
      rmSync(dir, { recursive: true, force: true });
    };
  });
  afterAll(async () => cleanup?.());

  const undoThrough = async (timestamp: number) => {
    for (;;) {
      const [last] = await ds.query('SELECT MAX(timestamp) AS t FROM migrations');
      if (last.t === null || Number(last.t) < timestamp) return;
      await ds.undoLastMigration();
    }
  };
  const ratingsSql = async (): Promise<string> =>
    (await ds.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'ratings'"))[0].sql;
  const hasFlags = () => ds.createQueryRunner().hasTable('home_integrity_flags');

  it('keeps every rating and subscription written before them, and can be reverted and run again', async () => {
    await ds.runMigrations();
    await undoThrough(1764000000060);
    expect(await hasFlags()).toBe(false);
    if (!mariadb()) expect(await ratingsSql()).not.toMatch(/WITHOUT ROWID/i);

    // Ratings as an earlier version wrote them: every column the table has then, with a value.
    const table = await ds.createQueryRunner().getTable('ratings');
    const rows = Array.from({ length: 5 }, (_, i) =>
      Object.fromEntries(
        table.columns.map((c: any) => {
          if (c.name === 'id' || c.name.endsWith('_id')) return [c.name, randomUUID()];
          if (/int/i.test(c.type)) return [c.name, (i % 5) + 1];
          if (c.name === 'updated_on') return [c.name, `2026-11-0${i + 1}`];
          return [c.name, `${c.name.slice(0, 6)}${i}`];
        }),
      ),
    );
    for (const r of rows) {
      const cols = Object.keys(r);
      await ds.query(`INSERT INTO ratings (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`, Object.values(r));
    }
    const plainOpenid = `o${randomBytes(14).toString('hex').slice(0, 27)}`;
    await ds.query('INSERT INTO grievance_subscriptions (id, grievance_id, openid, template_id, created_at) VALUES (?, ?, ?, ?, ?)', [
      randomUUID(),
      randomUUID(),
      plainOpenid,
      'tpl',
      '2026-11-01T00:00:00.000Z',
    ]);

    const check = async () => {
      expect(await hasFlags()).toBe(true);
      if (!mariadb()) expect(await ratingsSql()).toMatch(/WITHOUT ROWID\s*$/i);
      const after = await ds.query('SELECT * FROM ratings');
      expect(after).toHaveLength(rows.length);
      for (const r of rows) {
        const got = after.find((x: any) => x.id === r.id);
        for (const [k, v] of Object.entries(r)) expect([k, String(got[k])]).toEqual([k, String(v)]);
      }
      // its indexes are back (the one rating per rater key among them)
      const indices = (await ds.createQueryRunner().getTable('ratings')).indices.map((i: any) => i.name);
      expect(indices).toEqual(expect.arrayContaining(['uq_ratings_rater', ...table.indices.map((i: any) => i.name)]));
      await expect(
        ds.query(
          `INSERT INTO ratings (${Object.keys(rows[0]).join(', ')}) VALUES (${Object.keys(rows[0])
            .map(() => '?')
            .join(', ')})`,
          Object.values({ ...rows[0], id: randomUUID() }),
        ),
      ).rejects.toThrow();
      // a sealed openid (longer than the openid itself) fits; the one in clear is kept for re-sealing at boot
      await ds.query('UPDATE grievance_subscriptions SET openid = ? WHERE openid = ?', [`s1:${'x'.repeat(150)}`, plainOpenid]);
      await ds.query('UPDATE grievance_subscriptions SET openid = ? WHERE openid LIKE ?', [plainOpenid, 's1:%']);
      expect((await ds.query('SELECT openid FROM grievance_subscriptions')).map((s: any) => s.openid)).toEqual([plainOpenid]);
    };
    await ds.runMigrations();
    await check();

    await undoThrough(1764000000060);
    expect(await hasFlags()).toBe(false);
    if (!mariadb()) expect(await ratingsSql()).not.toMatch(/WITHOUT ROWID/i);
    expect(await ds.query('SELECT * FROM ratings')).toHaveLength(rows.length);
    await ds.runMigrations();
    await check();
  });
});

describe('re-keying grievances of the one-key-per-reporter scheme at boot', () => {
  it('gives old grievances per-grievance keys and sealed openids, and "mine" still finds them', async () => {
    const own = await startOwnServer('rekey');
    let second: Awaited<ReturnType<typeof startServer>> | null = null;
    try {
      const fx = grievanceFixtures(own.api, own.target);
      const root = await fx.admin();
      const home = await createHomeOn(own.api, root.token, root.provinceId, `旧数据工会${randomUUID().slice(0, 6)}`, 20);
      const worker = await fx.person();
      const body = { homeId: home.id, type: 'complaint', topic: 'wages', content: GOOD_CONTENT, subscribe: true };
      const ids = [
        (await fx.file(worker, { ...body, anonymous: false })).body.id,
        (await fx.file(worker, { ...body, anonymous: true })).body.id,
      ];
      await own.server.stop();

      // As the old version stored them: one keyed hash of the user id for every grievance, openids in clear.
      const secret = JSON.parse(readFileSync(join(own.target.dataDir!, 'secrets.json'), 'utf8')).RATER_KEY_SECRET;
      const reporter = createHmac('sha256', secret).update('pingjia:grievance-reporter:v1').digest();
      const legacy = createHmac('sha256', reporter).update(worker.id).digest('hex');
      const write = async (q: string, p: unknown[]) => {
        const db = await openRawWriter(own.target.url, own.target.dataDir);
        await db.query(q, p);
        await db.close();
      };
      await write(`UPDATE grievances SET reporter_key = ? WHERE id IN (?, ?)`, [legacy, ...ids]);
      await write(`UPDATE grievance_subscriptions SET openid = ? WHERE grievance_id IN (?, ?)`, [worker.openid, ...ids]);

      second = await startServer({
        ...(own.target.url ? { DATABASE_URL: own.target.url } : {}),
        DATA_DIR: own.target.dataDir,
        AUTH_DEV_LOGIN: 'true',
        GRIEVANCE_SWEEP_INTERVAL_MS: '0',
      });
      const db = await openDb(own.target.url, own.target.dataDir);
      try {
        const keys = await db.query<{ reporter_key: string }>('SELECT reporter_key FROM grievances WHERE id IN (?, ?)', ids);
        expect(keys).toHaveLength(2);
        expect(new Set(keys.map((k) => k.reporter_key)).size).toBe(2);
        for (const k of keys) expect(k.reporter_key).toMatch(/^r2:/);
        const subs = await db.query<{ openid: string }>('SELECT openid FROM grievance_subscriptions WHERE grievance_id IN (?, ?)', ids);
        expect(subs).toHaveLength(2);
        for (const s of subs) expect(s.openid).toMatch(/^s1:/);
      } finally {
        await db.close();
      }
      const { client } = await import('../support/http');
      const again = await client(second.url).post('/api/auth/dev', { body: { openid: worker.openid.replace(/^dev_/, '') } });
      expect(again.body.user.id).toBe(worker.id);
      const mine = await client(second.url).get('/api/grievances/mine', { token: again.body.token });
      expect(mine.body.items.map((g: any) => g.id).sort()).toEqual([...ids].sort());
    } finally {
      await second?.stop();
      await own.close();
    }
  });
});
