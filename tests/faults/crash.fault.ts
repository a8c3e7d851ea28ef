// Crash without loss: concurrent rating PUTs and grievance POSTs while the server (and, on MariaDB,
// mariadbd itself) is killed with SIGKILL at random moments; after each restart the load goes on.
// At the end every acknowledged write must read back exactly once and the totals equal a recount.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeWechat, type FakeWechat } from '../fakes/wechat-server';
import { openCycle } from '../support/campaigns';
import { openDb, openRawWriter } from '../support/db';
import { client } from '../support/http';
import { startPrivateMariadb, type PrivateMariadb } from '../support/mariadb';
import { demoEnv, startServer, wechatEnv, type RunningServer } from '../support/server';
import { checkMine, verify } from './verify';
import { drive, moderate, newLedger, prng, type World } from './workload';
import { confirmedMove } from '../support/campaigns';

const ON_MARIADB = process.env.FAULT_DB === 'mariadb';
const LONG = process.env.FAULT_LONG === 'true' || process.env.FAULT_LONG === '1';
const KILLS = Number(process.env.FAULT_KILLS ?? (LONG ? 60 : 10));
const WORKERS = Number(process.env.FAULT_WORKERS ?? 8);
const MEMBERS = 32;
// Kills while the moderator decides held comments, which it can do only once the cycle is closed.
const MODERATION_KILLS = 3;
const SEED = Number(process.env.FAULT_SEED ?? Date.now() % 1_000_000);
const ADMIN = { username: 'fault-admin', password: 'fault-admin-password-123' };

type KillMode = 'server' | 'database' | 'both';

describe(`crash without loss (${ON_MARIADB ? 'MariaDB' : 'SQLite'})`, () => {
  let mariadb: PrivateMariadb | null = null;
  let server: RunningServer | null = null;
  let wechat: FakeWechat | null = null;
  const dataDir = mkdtempSync(join(tmpdir(), 'pingjia-fault-'));

  afterAll(async () => {
    if (server) await server.stop('SIGKILL');
    mariadb?.stop();
    await wechat?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`keeps every acknowledged write through ${KILLS} SIGKILLs (seed ${SEED})`, async () => {
    const rng = prng(SEED);
    if (ON_MARIADB) mariadb = startPrivateMariadb();
    // WeChat's text check approves most comments at once and holds some for a moderator, so the
    // approved-comment counters move under the kills too.
    wechat = await startFakeWechat();
    const env = {
      DATA_DIR: dataDir,
      ...(mariadb ? { DATABASE_URL: mariadb.url } : {}),
      ...demoEnv(ADMIN),
      RATE_LIMIT_WRITES_PER_USER: '1000000',
      RATE_LIMIT_WRITES_PER_IP: '1000000',
      RATE_LIMIT_LOGINS_PER_IP: '1000000',
      GRIEVANCE_SWEEP_INTERVAL_MS: '0',
      ...wechatEnv(wechat),
    };
    server = await startServer(env, 60_000);
    const world = await setUp(() => server!.url);
    const ledger = newLedger();
    const modes: KillMode[] = ON_MARIADB ? ['server', 'database', 'both'] : ['server'];
    let kills = 0;
    const started = Date.now();

    for (let round = 0; kills < KILLS; round++) {
      const mode = modes[round % modes.length];
      let running = true;
      const acked = ledger.acknowledged;
      const load = drive(world, ledger, rng, WORKERS, () => running);
      // A random moment once this round's load is flowing (its first acknowledgement), from at once to well into it.
      for (const until = Date.now() + 15_000; ledger.acknowledged === acked && Date.now() < until;)
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, rng.int(0, 1000)));
      if (mode !== 'database') {
        await server.stop('SIGKILL');
        kills++;
      }
      if (mode !== 'server') {
        await mariadb!.kill();
        kills++;
      }
      running = false;
      await load;
      if (mode !== 'server') mariadb!.restart();
      if (mode !== 'database') server = await startServer(env, 60_000);
      else await healthy(server.url);
    }

    // A last stretch of load with nothing killed, so the final state also holds work done after a recovery.
    let running = true;
    const tail = drive(world, ledger, rng, WORKERS, () => running);
    await new Promise((r) => setTimeout(r, 500));
    running = false;
    await tail;

    // Held comments are decided only after the close (a comment appearing between two views of an open
    // cycle would point at who rated in between): close it, then kill the server under the moderator.
    const admin = client(server.url);
    const closed = await confirmedMove(admin, world.moderator!.token, world.campaignId, 'close');
    if (closed.status !== 200) throw new Error(`close: ${closed.status} ${closed.text}`);
    let moderationKills = 0;
    for (let round = 0; round <= MODERATION_KILLS; round++) {
      let deciding = true;
      const decided = ledger.decisions.size;
      const mod = moderate(world, ledger, rng, () => deciding);
      for (const until = Date.now() + 10_000; ledger.decisions.size === decided && Date.now() < until;)
        await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, rng.int(0, 300)));
      if (round < MODERATION_KILLS) {
        await server.stop('SIGKILL');
        moderationKills++;
      }
      deciding = false;
      await mod;
      if (round < MODERATION_KILLS) server = await startServer(env, 60_000);
    }

    const loadMs = Date.now() - started;
    const db = await openDb(mariadb?.url, dataDir);
    try {
      const found = await verify(world, ledger, db);
      await checkMine(world, ledger, found);
      const lost = found.lost.length;
      process.stdout.write(
        `crash test (${ON_MARIADB ? 'mariadb' : 'sqlite'}, seed ${SEED}): kills=${kills} acknowledged=${ledger.acknowledged} attempts=${ledger.attempts} comment-decisions=${ledger.decisions.size} moderation-kills=${moderationKills} lost=${lost} duplicated=${found.duplicated.length} totals-mismatches=${found.totals.length} (load ${Math.round(loadMs / 1000)} s, checks ${Math.round((Date.now() - started - loadMs) / 1000)} s)\n`,
      );
      expect(ledger.refusals).toEqual([]);
      expect(kills).toBeGreaterThanOrEqual(10);
      expect(ledger.acknowledged).toBeGreaterThan(KILLS);
      expect(ledger.decisions.size).toBeGreaterThan(0);
      expect(found.lost).toEqual([]);
      expect(found.duplicated).toEqual([]);
      expect(found.totals).toEqual([]);

      // Control: the checks can fail. One acknowledged rating removed behind the server's back must
      // show as lost and as a totals mismatch.
      const victim = [...ledger.ratings.values()].find((e) => e.acked && e.after.length === 0)!;
      await removeRating(victim.acked!.comment, mariadb?.url, dataDir);
      const control = await verify(world, ledger, db);
      expect(control.lost).toHaveLength(1);
      expect(control.lost[0]).toContain(victim.acked!.comment);
      expect(control.totals.length).toBeGreaterThan(0);
      // And an approved-comment counter a dashboard shows, moved behind the server's back, must show.
      const torn = await openRawWriter(mariadb?.url, dataDir);
      await torn.query('UPDATE rating_totals SET comments_approved = comments_approved + 1 WHERE campaign_id = ? AND home_id = ?', [
        world.campaignId,
        world.homeIds[0],
      ]);
      await torn.close();
      expect((await verify(world, ledger, db)).totals.join('\n')).toMatch(/comments_approved: totals \d+, recount/);
    } finally {
      await db.close();
    }
  });
});

async function removeRating(comment: string, url: string | undefined, dataDir: string): Promise<void> {
  const conn = await openRawWriter(url, dataDir);
  await conn.query('DELETE FROM ratings WHERE comment = ?', [comment]);
  await conn.close();
}

async function healthy(base: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200) return;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) throw new Error('server did not report a healthy database after MariaDB came back');
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A city with three open homes, an open campaign over it, and the members who will write. */
async function setUp(base: () => string): Promise<World> {
  const api = client(base());
  const login = await api.post('/api/auth/password', { body: ADMIN });
  if (login.status !== 200) throw new Error(`admin login: ${login.status} ${login.text}`);
  const token = login.body.token as string;
  const provinceId = login.body.user.roles.find((r: { role: string }) => r.role === 'federation_admin').orgId;
  const city = await api.post('/api/orgs', { token, body: { parentId: provinceId, name: '故障测试市', level: 'city' } });
  const homeIds: string[] = [];
  for (const name of ['甲厂工会', '乙厂工会', '丙厂工会']) {
    const h = await api.post('/api/homes', {
      token,
      body: { orgId: city.body.id, name, kind: 'enterprise', memberCount: 100, membershipMode: 'open' },
    });
    if (h.status !== 201) throw new Error(`home: ${h.status} ${h.text}`);
    homeIds.push(h.body.id);
  }
  const now = Date.now();
  const cycle = await openCycle(api, token, city.body.id, '故障测试评家');
  const members = [];
  for (let i = 0; i < MEMBERS; i++) {
    const m = await api.post('/api/auth/dev', { body: { openid: `fault_${i}_${now}` } });
    if (m.status !== 200) throw new Error(`member: ${m.status} ${m.text}`);
    members.push({ token: m.body.token as string });
  }
  return { base, campaignId: cycle.id as string, homeIds, members, moderator: { token, orgId: city.body.id } };
}
