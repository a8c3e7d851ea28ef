// Two server instances behind no balancer at all: the test itself sends each request to one or the
// other. Real parts only: a MariaDB primary with a replica (GTID replication over loopback, both from
// scripts/mariadb.sh), Debian's redis-server, the stand-in WeChat server, and two built servers.
// A missing redis-server or mariadbd fails the suite (it is never skipped). SCALE_LONG=true: more load.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_TEMPLATE_ID, FakeWechat, startFakeWechat } from '../fakes/wechat-server';
import { checkMine, verify } from '../faults/verify';
import { drive, newLedger, prng, type World } from '../faults/workload';
import { openDb, type Db } from '../support/db';
import { client } from '../support/http';
import { startRedis, type PrivateRedis } from '../support/redis';
import { ROOT, RunningServer, startServer } from '../support/server';
import { fakeWechat } from '../support/wechat';
import { allCriteria } from '../support/scores';

const LONG = process.env.SCALE_LONG === 'true' || process.env.SCALE_LONG === '1';
const MEMBERS = LONG ? 400 : 64;
const WRITES = LONG ? 2000 : 240;
// Far above what the random load gives any one member (a mean of 4-5 writes), so only the rate-limit test reaches it.
const WRITES_PER_USER = 40;
const TICK_MS = 250;
const SEED = Number(process.env.SCALE_SEED ?? Date.now() % 1_000_000);
const ADMIN = { username: 'scale-admin', password: 'scale-admin-password-123' };
const DB_NAME = 'pingjia_scale';
const SCRIPT = join(ROOT, 'scripts/mariadb.sh');
// Every instance must share these: a token from one is checked by the other, and a member's rater key
// must be the same wherever they rate.
const SECRETS = { JWT_SECRET: 'scale-test-jwt-secret-0123456789abcdef', RATER_KEY_SECRET: 'scale-test-rater-key-secret-0123456789ab' };
const RATING = {
  scores: allCriteria({ organization: 4, rights: 5, work: 4, role: 3, trust: 5 }),
  verdict: 'satisfied',
  groups: [] as string[],
};

const dir = mkdtempSync(join(tmpdir(), 'pingjia-scale-'));
let primary: { url: string; dir: string } | null = null;
let replica: { url: string; dir: string } | null = null;
let redis: PrivateRedis | null = null;
let wechat: FakeWechat | null = null;
let instances: RunningServer[] = [];
let primaryDb: Db;
let replicaDb: Db;
let world: World;
let adminToken: string;
let cityId: string;
const wx = () => fakeWechat(wechat!.url);
const api = (i: number) => client(instances[i % instances.length].url);

/** Starts the primary (binary log) and a replica of it, both from scripts/mariadb.sh. */
function startDatabases(): void {
  for (const name of ['primary', 'replica']) {
    mkdirSync(join(dir, name));
    chmodSync(join(dir, name), 0o755);
  }
  chmodSync(dir, 0o755);
  const env = { ...process.env, MARIADB_DATABASE: DB_NAME };
  primary = {
    dir: join(dir, 'primary'),
    url: execFileSync('bash', [SCRIPT, 'start', join(dir, 'primary')], { env: { ...env, MARIADB_BINLOG: '1' }, encoding: 'utf8' }).trim(),
  };
  replica = {
    dir: join(dir, 'replica'),
    url: execFileSync('bash', [SCRIPT, 'replica', primary.dir, join(dir, 'replica')], { env, encoding: 'utf8' }).trim(),
  };
}

function instanceEnv(n: number, extra: Record<string, string> = {}): Record<string, string> {
  const dataDir = join(dir, `instance-${n}-${randomUUID().slice(0, 8)}`);
  mkdirSync(dataDir);
  return {
    DATABASE_URL: primary!.url,
    DATABASE_REPLICA_URLS: replica!.url,
    REDIS_URL: redis!.url,
    DATA_DIR: dataDir,
    ...SECRETS,
    AUTH_DEV_LOGIN: 'true',
    TEST_CLOCK: 'true',
    DEMO_ADMIN_USERNAME: ADMIN.username,
    DEMO_ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMIT_WRITES_PER_USER: String(WRITES_PER_USER),
    RATE_LIMIT_WRITES_PER_IP: '1000000',
    RATE_LIMIT_LOGINS_PER_IP: '1000000',
    GRIEVANCE_SWEEP_INTERVAL_MS: String(TICK_MS),
    WECHAT_APPID: wechat!.appId,
    WECHAT_SECRET: wechat!.secret,
    WECHAT_API_BASE: wechat!.url,
    WECHAT_GRIEVANCE_TEMPLATE_ID: FAKE_TEMPLATE_ID,
    ...extra,
  };
}

/** Both instances at once: the second must wait for the first's migrations, not run them again. */
async function startInstances(extra: Record<string, string> = {}): Promise<void> {
  instances = await Promise.all([
    startServer(instanceEnv(0, { SEED_DEMO: 'true', ...extra }), 120_000),
    startServer(instanceEnv(1, extra), 120_000),
  ]);
}

async function stopInstances(): Promise<void> {
  await Promise.all(instances.map((s) => s.stop()));
  instances = [];
}

/** Waits until the replica has applied everything the primary has written. */
async function replicaCaughtUp(timeoutMs = 30_000): Promise<void> {
  const [{ pos }] = await primaryDb.query<{ pos: string }>('SELECT @@GLOBAL.gtid_binlog_pos AS pos');
  const [{ ok }] = await replicaDb.query<{ ok: number | null }>('SELECT MASTER_GTID_WAIT(?, ?) AS ok', [pos, timeoutMs / 1000]);
  if (Number(ok) !== 0) throw new Error(`replica did not reach ${pos} in ${timeoutMs} ms`);
}

const replicaSelects = async () => Number((await replicaDb.query<{ Value: string }>("SHOW GLOBAL STATUS LIKE 'Com_select'"))[0].Value);
const tokenFetches = async () => (await wx().stats()).tokenFetches;

/** Sets both instances' clocks to the same moment. */
async function setClocks(to: Date): Promise<void> {
  for (let i = 0; i < instances.length; i++) {
    const res = await api(i).post('/api/__test/clock', { body: { to: to.toISOString() } });
    if (res.status !== 200) throw new Error(`clock: ${res.status} ${res.text}`);
  }
}

/** New members (dev login), each with a fresh write budget. */
async function newMembers(n: number, label: string): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = await api(i).post('/api/auth/dev', { body: { openid: `scale_${label}_${i}_${randomUUID().slice(0, 8)}` } });
    if (m.status !== 200) throw new Error(`member: ${m.status} ${m.text}`);
    tokens.push(m.body.token);
  }
  return tokens;
}

/** Ratings with a comment (each one is moderated, so each needs the access token), half through each instance, all at once. */
async function moderatedBurst(tokens: string[]): Promise<number[]> {
  const path = `/api/campaigns/${world.campaignId}/homes/${world.homeIds[0]}/my-rating`;
  const answers = await Promise.all(
    tokens.map((token, i) =>
      api(i).put(path, { token, body: { ...RATING, comment: `工会帮我们解决了加班费问题${randomUUID().slice(0, 6)}` } }),
    ),
  );
  return answers.map((a) => a.status);
}

async function passesOf(i: number): Promise<Array<{ slot: number; reminded: number; escalated: number }>> {
  return (await api(i).get('/api/__test/grievances/sweeps')).body.passes;
}

describe('two instances on a MariaDB primary and replica with Redis', () => {
  beforeAll(async () => {
    startDatabases();
    redis = await startRedis(dir);
    wechat = await startFakeWechat();
    primaryDb = await openDb(primary!.url);
    replicaDb = await openDb(replica!.url);
  }, 120_000);

  afterAll(async () => {
    await stopInstances();
    await primaryDb?.close().catch(() => undefined);
    await replicaDb?.close().catch(() => undefined);
    await redis?.stop();
    await wechat?.close();
    for (const db of [replica, primary]) if (db) execFileSync('bash', [SCRIPT, 'stop', db.dir]);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('starts both instances at once: the migrations run once, and both report the database and Redis up', async () => {
    await startInstances();
    const [m] = await primaryDb.query<{ n: number; names: number }>('SELECT COUNT(*) AS n, COUNT(DISTINCT name) AS names FROM migrations');
    expect(Number(m.n)).toBeGreaterThan(0);
    expect(Number(m.n)).toBe(Number(m.names));
    for (let i = 0; i < 2; i++) expect((await api(i).get('/api/health')).body).toEqual({ status: 'ok', db: 'up', redis: 'up' });
    world = await setUp();
  }, 180_000);

  it('runs both instances on a primary that flushes the redo log and syncs its binary log at every commit', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await api(i).get('/api/__test/durability');
      expect(res.body).toMatchObject({ driver: 'mysql', innodb_flush_log_at_trx_commit: 1, log_bin: 1, sync_binlog: 1 });
    }
  });

  it(`takes rating and grievance load through both (${WRITES} writes, seed ${SEED}): nothing lost or doubled, totals exact, one token fetch`, async () => {
    await wx().reset();
    // A slow WeChat: every instance's first moderated write arrives while the one fetch is under way.
    await wx().delay('stable_token', 300);
    const ledger = newLedger();
    await drive(world, ledger, prng(SEED), 8, () => ledger.attempts < WRITES);
    expect(ledger.refusals).toEqual([]);
    expect(ledger.acknowledged).toBe(WRITES);
    const found = await verify(world, ledger, primaryDb);
    await checkMine(world, ledger, found);
    expect(found).toEqual({ lost: [], duplicated: [], totals: [] });
    // One row per member and home, counted straight in the table too.
    const [dups] = await primaryDb.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM (SELECT 1 FROM ratings GROUP BY campaign_id, home_id, rater_key HAVING COUNT(*) > 1) d',
    );
    expect(Number(dups.n)).toBe(0);
    expect(await tokenFetches()).toBe(1);
    process.stdout.write(
      `scale load (seed ${SEED}): ${ledger.acknowledged} writes through 2 instances, ${ledger.ratings.size} member-home ratings, ${ledger.grievances.length} grievances, token fetches 1\n`,
    );
  }, 300_000);

  it('answers one grievance to the same Idempotency-Key sent to both instances at once', async () => {
    const [token] = await newMembers(1, 'idem');
    const body = {
      homeId: world.homeIds[1],
      type: 'complaint',
      topic: 'wages',
      content: `两个实例同时收到的同一诉求，工资拖欠三个月${randomUUID()}`,
      anonymous: true,
    };
    const key = `scale-${randomUUID()}`;
    const answers = await Promise.all(
      [0, 1, 0, 1].map((i) => api(i).post('/api/grievances', { token, body, headers: { 'idempotency-key': key } })),
    );
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(new Set(answers.map((a) => a.body.trackingCode)).size).toBe(1);
    const [row] = await primaryDb.query<{ n: number }>('SELECT COUNT(*) AS n FROM grievances WHERE content = ?', [body.content]);
    expect(Number(row.n)).toBe(1);
  });

  it('makes one rating of a member writing to both instances at once (one 201, the rest 200)', async () => {
    const tokens = await newMembers(16, 'twice');
    const path = `/api/campaigns/${world.campaignId}/homes/${world.homeIds[1]}/my-rating`;
    const ratingsHere = async () =>
      Number(
        (
          await primaryDb.query<{ n: number }>('SELECT COUNT(*) AS n FROM ratings WHERE campaign_id = ? AND home_id = ?', [
            world.campaignId,
            world.homeIds[1],
          ])
        )[0].n,
      );
    const before = await ratingsHere();
    // Each member's four writes leave together, two through each instance; all members at once.
    const answers = await Promise.all(
      tokens.map((token) =>
        Promise.all(
          [0, 1, 0, 1].map((i) =>
            api(i)
              .put(path, { token, body: { ...RATING, comment: '' } })
              .then((r) => r.status),
          ),
        ),
      ),
    );
    for (const statuses of answers) expect([...statuses].sort()).toEqual([200, 200, 200, 201]);
    expect((await ratingsHere()) - before).toBe(16);
    const [dups] = await primaryDb.query<{ n: number }>(
      'SELECT COUNT(*) AS n FROM (SELECT 1 FROM ratings GROUP BY campaign_id, home_id, rater_key HAVING COUNT(*) > 1) d',
    );
    expect(Number(dups.n)).toBe(0);
  });

  it(`shares rate limits: a member's write number ${WRITES_PER_USER + 1} within a minute is refused, taking turns between the instances`, async () => {
    const [token] = await newMembers(1, 'limit');
    const path = `/api/campaigns/${world.campaignId}/homes/${world.homeIds[2]}/my-rating`;
    const statuses: number[] = [];
    for (let i = 0; i <= WRITES_PER_USER; i++) statuses.push((await api(i).put(path, { token, body: { ...RATING, comment: '' } })).status);
    // Counted per instance, each would have taken only half of these.
    expect(statuses).toEqual([201, ...Array(WRITES_PER_USER - 1).fill(200), 429]);
    const refused = await api(0).put(path, { token, body: { ...RATING, comment: '' } });
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    // The counters are in Redis, under the server's prefix.
    expect(redis!.cli('--scan', '--pattern', 'pingjia:*write:user:*')).not.toBe('');
  });

  it('fetches exactly one new access token per expiry and per invalidation, across both instances', async () => {
    const members = await newMembers(32, 'token');
    // Two hours and a quarter later by every clock: the token (7200 s, renewed 300 s early) has expired.
    const later = new Date(Date.now() + 2.25 * 3600_000);
    await setClocks(later);
    await wx().advance(2.25 * 3600_000);
    let before = await tokenFetches();
    expect(await moderatedBurst(members.slice(0, 16))).toEqual(Array(16).fill(201));
    expect((await tokenFetches()) - before).toBe(1);

    // WeChat drops the token (another holder fetched with force_refresh): every call fails with 40001
    // until one instance refreshes; the other reads its token.
    await wx().invalidateToken();
    before = await tokenFetches();
    expect(await moderatedBurst(members.slice(16))).toEqual(Array(16).fill(201));
    expect((await tokenFetches()) - before).toBe(1);
  }, 120_000);

  it('runs the overdue-grievance job once per tick across both instances', async () => {
    const [{ n: filed }] = await primaryDb.query<{ n: number }>("SELECT COUNT(*) AS n FROM grievances WHERE status = 'submitted'");
    expect(Number(filed)).toBeGreaterThan(5);
    const startSlot = Math.floor(Date.now() / TICK_MS);
    // A month on: every grievance still waiting is past both its limits: reminded twice, then (the chair's
    // level escalates at once) handed to the home's union with a new limit of its own, not yet run out.
    await setClocks(new Date(Date.now() + 31 * 86400_000));
    const until = Date.now() + 30_000;
    for (;;) {
      const [{ n }] = await primaryDb.query<{ n: number }>(
        "SELECT COUNT(*) AS n FROM grievances WHERE status = 'submitted' AND (accept_reminded = 0 OR escalated = 0)",
      );
      if (Number(n) === 0) break;
      if (Date.now() > until) throw new Error(`${n} grievances still not reminded and escalated after 30 s`);
      await new Promise((r) => setTimeout(r, 200));
    }
    // Then a quiet stretch: passes with nothing to do are quick, so every tick should have one. (While
    // a pass is busy, the ticks that come meanwhile find its lock held and leave it alone.)
    const quietSlot = Math.floor(Date.now() / TICK_MS) + 1;
    await new Promise((r) => setTimeout(r, 3000));
    const endSlot = Math.floor(Date.now() / TICK_MS) - 1;
    const passes = [...(await passesOf(0)).map((p) => ({ ...p, on: 0 })), ...(await passesOf(1)).map((p) => ({ ...p, on: 1 }))];
    const window = passes.filter((p) => p.slot >= startSlot && p.slot <= endSlot);
    const slots = window.map((p) => p.slot);
    const twice = slots.filter((s, i) => slots.indexOf(s) !== i);
    expect(twice).toEqual([]);
    // Every quiet tick ran (one may be missed only if neither timer fired in it: allow a few on a busy machine).
    const quietTicks = endSlot - quietSlot + 1;
    const quietRan = new Set(slots.filter((s) => s >= quietSlot)).size;
    expect(quietRan).toBeGreaterThanOrEqual(Math.floor(quietTicks * 0.7));
    const ticks = endSlot - startSlot + 1;
    // What the passes did is what the database holds: each grievance reminded twice and escalated once.
    const [events] = await primaryDb.query<{ reminded: number; escalated: number }>(
      "SELECT SUM(CASE WHEN kind = 'reminded' THEN 1 ELSE 0 END) AS reminded, SUM(CASE WHEN kind = 'escalated' THEN 1 ELSE 0 END) AS escalated FROM grievance_events",
    );
    const done = passes.reduce((a, p) => ({ reminded: a.reminded + p.reminded, escalated: a.escalated + p.escalated }), {
      reminded: 0,
      escalated: 0,
    });
    expect({ reminded: Number(events.reminded), escalated: Number(events.escalated) }).toEqual({
      reminded: 2 * Number(filed),
      escalated: Number(filed),
    });
    expect(done).toEqual({ reminded: 2 * Number(filed), escalated: Number(filed) });
    process.stdout.write(
      `scale sweeps: ${window.length} passes in ${ticks} ticks, ${quietRan} of the ${quietTicks} quiet ones (instance 0: ${window.filter((p) => p.on === 0).length}, instance 1: ${window.filter((p) => p.on === 1).length}), none twice\n`,
    );
  }, 120_000);

  it('lets a member read their own fresh rating while the replica lags, and reads dashboards from the replica', async () => {
    await replicaCaughtUp();
    const [token] = await newMembers(1, 'lag');
    const path = `/api/campaigns/${world.campaignId}/homes/${world.homeIds[0]}/my-rating`;
    await replicaDb.query('STOP SLAVE SQL_THREAD');
    try {
      const comment = `刚刚保存的评价${randomUUID().slice(0, 8)}`;
      const put = await api(0).put(path, { token, body: { ...RATING, comment } });
      expect(put.status).toBe(201);
      // The lag is real: the replica has not applied it.
      await new Promise((r) => setTimeout(r, 300));
      expect(Number((await replicaDb.query<{ n: number }>('SELECT COUNT(*) AS n FROM ratings WHERE comment = ?', [comment]))[0].n)).toBe(0);

      const selects = await replicaSelects();
      for (const i of [1, 0]) {
        const mine = await api(i).get(path, { token });
        expect(mine.status).toBe(200);
        expect(mine.body.rating.comment).toBe(comment);
      }
      expect(await replicaSelects()).toBe(selects);

      // A federation's dashboard (league table included) is read from the replica.
      const dash = await api(1).get(`/api/orgs/${cityId}/dashboard?campaignId=${world.campaignId}`, { token: adminToken });
      expect(dash.status).toBe(200);
      expect(dash.body.league.items.length).toBe(3);
      const afterDash = await replicaSelects();
      expect(afterDash).toBeGreaterThan(selects);
      const home = await api(0).get(`/api/homes/${world.homeIds[0]}/dashboard?campaignId=${world.campaignId}`, { token: adminToken });
      expect(home.status).toBe(200);
      expect(await replicaSelects()).toBeGreaterThan(afterDash);
    } finally {
      await replicaDb.query('START SLAVE SQL_THREAD');
    }
    await replicaCaughtUp();
    expect(
      Number((await replicaDb.query<{ n: number }>('SELECT COUNT(*) AS n FROM ratings WHERE campaign_id = ?', [world.campaignId]))[0].n),
    ).toBeGreaterThan(0);
  }, 120_000);

  it('leaves the replica identical to the primary once it has caught up', async () => {
    await replicaCaughtUp();
    const sums = async (db: Db) =>
      (
        await db.query<{ Table: string; Checksum: number }>(
          'CHECKSUM TABLE ratings, rating_totals, grievances, grievance_events, idempotency_keys',
        )
      ).map((r) => `${r.Table.replace(/^.*\./, '')}=${r.Checksum}`);
    expect(await sums(replicaDb)).toEqual(await sums(primaryDb));
  }, 60_000);

  // Negative control: the same checks see the difference when the locks are switched off.
  it('control: with the locks disabled (TEST_DISABLE_LOCKS), both instances fetch a token and both sweep the same tick', async () => {
    await stopInstances();
    await startInstances({ TEST_DISABLE_LOCKS: 'true' });
    const members = await newMembers(18, 'control');
    // Both warm, both holding the current token; then WeChat drops it and answers the refresh slowly,
    // so both instances' refusals surely arrive while a fetch is under way.
    expect(await moderatedBurst(members.slice(16))).toEqual([201, 201]);
    await wx().invalidateToken();
    await wx().delay('stable_token', 2000);
    const before = await tokenFetches();
    expect(await moderatedBurst(members.slice(0, 16))).toEqual(Array(16).fill(201));
    expect((await tokenFetches()) - before).toBeGreaterThanOrEqual(2);
    await wx().delay('stable_token', 300);

    const from = Math.floor(Date.now() / TICK_MS);
    await new Promise((r) => setTimeout(r, 2000));
    const slots = [...(await passesOf(0)), ...(await passesOf(1))].map((p) => p.slot).filter((s) => s >= from);
    expect(slots.filter((s, i) => slots.indexOf(s) !== i).length).toBeGreaterThan(0);
  }, 180_000);

  it('refuses a token on the other instance at once when its version moves on (password change), through the versions in Redis', async () => {
    const NEW = 'scale-admin-new-password-456';
    // Both instances have checked the token: its version is known (kept in Redis, shared).
    expect((await api(0).get('/api/me', { token: adminToken })).status).toBe(200);
    expect((await api(1).get('/api/me', { token: adminToken })).status).toBe(200);
    const changed = await api(0).put('/api/me/password', {
      token: adminToken,
      body: { currentPassword: ADMIN.password, newPassword: NEW },
    });
    expect(changed.status).toBe(200);
    const refused = await api(1).get('/api/me', { token: adminToken });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('TOKEN_INVALID');
    expect((await api(0).get('/api/me', { token: adminToken })).status).toBe(401);
    expect((await api(1).get('/api/me', { token: changed.body.token })).status).toBe(200);
    // And back, changed through the other instance.
    const back = await api(1).put('/api/me/password', {
      token: changed.body.token,
      body: { currentPassword: NEW, newPassword: ADMIN.password },
    });
    expect(back.status).toBe(200);
    expect((await api(0).get('/api/me', { token: changed.body.token })).status).toBe(401);
    expect((await api(0).get('/api/me', { token: back.body.token })).status).toBe(200);
    adminToken = back.body.token;
  });

  it('answers writes 503 with Retry-After while Redis is down (never uncounted), still serves reads, and says so in health', async () => {
    const [token] = await newMembers(1, 'redis-down');
    const path = `/api/campaigns/${world.campaignId}/homes/${world.homeIds[1]}/my-rating`;
    expect((await api(0).put(path, { token, body: { ...RATING, comment: '' } })).status).toBe(201);
    await redis!.stop();
    const refused = await api(1).put(path, { token, body: { ...RATING, verdict: 'dissatisfied', comment: '' } });
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('SERVICE_UNAVAILABLE');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const mine = await api(1).get(path, { token });
    expect(mine.status).toBe(200);
    expect(mine.body.rating.verdict).toBe('satisfied');
    const health = await api(0).get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'degraded', db: 'up', redis: 'down' });
  }, 60_000);
});

/** A city with three open homes under the demo province, an open campaign over it, and the members who write. */
async function setUp(): Promise<World> {
  const a = api(0);
  const login = await a.post('/api/auth/password', { body: ADMIN });
  if (login.status !== 200) throw new Error(`admin login: ${login.status} ${login.text}`);
  adminToken = login.body.token;
  const provinceId = login.body.user.roles.find((r: { role: string }) => r.role === 'federation_admin').orgId;
  const city = await a.post('/api/orgs', { token: adminToken, body: { parentId: provinceId, name: '扩容测试市', level: 'city' } });
  if (city.status !== 201) throw new Error(`city: ${city.status} ${city.text}`);
  cityId = city.body.id;
  const homeIds: string[] = [];
  for (const name of ['东厂工会', '南厂工会', '西厂工会']) {
    const h = await a.post('/api/homes', {
      token: adminToken,
      body: { orgId: cityId, name, kind: 'enterprise', memberCount: 1000, membershipMode: 'open' },
    });
    if (h.status !== 201) throw new Error(`home: ${h.status} ${h.text}`);
    homeIds.push(h.body.id);
  }
  const now = Date.now();
  const c = await a.post('/api/campaigns', {
    token: adminToken,
    body: {
      orgId: cityId,
      name: '扩容测试评家',
      opensAt: new Date(now - 3600e3).toISOString(),
      closesAt: new Date(now + 90 * 86400e3).toISOString(),
    },
  });
  const opened = await a.post(`/api/campaigns/${c.body.id}/open`, { token: adminToken });
  if (opened.status !== 200) throw new Error(`campaign: ${opened.status} ${opened.text}`);
  const members = (await newMembers(MEMBERS, 'load')).map((token) => ({ token }));
  let turn = 0;
  // Each request goes to the next instance in turn, as a round-robin balancer would send it.
  return { base: () => instances[turn++ % instances.length].url, campaignId: c.body.id, homeIds, members };
}
