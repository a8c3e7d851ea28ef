// Time limits, reminders and escalation move the server's clock: this suite runs its own stand-in
// WeChat, its own server and its own database, so no other suite sees the clock jump.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FAKE_TEMPLATE_ID, FakeWechat, startFakeWechat } from '../fakes/wechat-server';
import { openDb } from '../support/db';
import { client } from '../support/http';
import { demoEnv, RunningServer, SERVER_MAIN, startServer, wechatEnv } from '../support/server';
import { fakeWechat } from '../support/wechat';
import { ADMIN } from './global-setup';
import { DbTarget, eventually, GOOD_CONTENT, grantRole, grievanceFixtures, uniq } from './grievances.fixtures';

let wechat: FakeWechat;
let server: RunningServer;
let target: DbTarget;
let dropDatabase: (() => Promise<void>) | null = null;

// A database of this suite's own on MariaDB (the test user may create one); a fresh folder on SQLite.
async function ownDatabase(dataDir: string): Promise<DbTarget> {
  const shared = process.env.TEST_DATABASE_URL;
  if (!shared) return { dataDir };
  const name = `pingjia_grv_${randomBytes(4).toString('hex')}`;
  const url = shared.replace(/\/[^/?]+(\?.*)?$/, `/${name}$1`);
  const mysql = await import('mysql2/promise');
  const admin = await mysql.createConnection(shared);
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.end();
  dropDatabase = async () => {
    const conn = await mysql.createConnection(shared);
    await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await conn.end();
  };
  return { dataDir, url };
}

let dataDir = '';

beforeAll(async () => {
  wechat = await startFakeWechat();
  dataDir = mkdtempSync(join(tmpdir(), 'pingjia-grv-time-'));
  target = await ownDatabase(dataDir);
  server = await startServer({
    ...(target.url ? { DATABASE_URL: target.url } : {}),
    DATA_DIR: dataDir,
    TEST_CLOCK: 'true',
    ...demoEnv(ADMIN),
    RATE_LIMIT_WRITES_PER_USER: '1000',
    RATE_LIMIT_WRITES_PER_IP: '1000000',
    RATE_LIMIT_TRACK_PER_IP: '8',
    RATE_LIMIT_PLACES_PER_IP: '6',
    // The periodic job runs on its own every 300 ms here; tests also trigger it.
    GRIEVANCE_SWEEP_INTERVAL_MS: '300',
    ...wechatEnv(wechat),
    WECHAT_GRIEVANCE_TEMPLATE_ID: FAKE_TEMPLATE_ID,
  });
});

afterAll(async () => {
  await server?.stop();
  await wechat?.close();
  await dropDatabase?.();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

const api = () => client(server.url);
const fx = () => grievanceFixtures(api(), target);
const wx = () => fakeWechat(wechat.url);
/** A moment in China time (UTC+8). */
const china = (local: string) => new Date(`${local}+08:00`).toISOString();
const setClock = async (local: string) => {
  const res = await api().post('/api/__test/clock', { body: { to: china(local) } });
  expect(res.status).toBe(200);
};
const sweep = async () => (await api().post('/api/__test/grievances/sweep')).body;
const file = (who: any, homeId: string, over: Record<string, unknown> = {}) =>
  fx().file(who, { homeId, type: 'complaint', topic: 'wages', content: GOOD_CONTENT, anonymous: true, ...over });
const view = async (who: any, id: string) => (await api().get(`/api/grievances/${id}`, { token: who.token })).body;

describe("time limits on China's working-day calendar", () => {
  it('counts through National Day 2026 and its make-up Saturday for a grievance filed on 9-30', async () => {
    const w = await fx().world();
    await setClock('2026-09-30T15:00:00');
    const due: Record<string, [string, string]> = {};
    for (const type of ['enquiry', 'help', 'complaint', 'legal_aid', 'suggestion']) {
      const res = await file(w.worker, w.homeA.id, { type });
      expect(res.status).toBe(201);
      due[type] = [res.body.acceptDueAt, res.body.dueAt];
    }
    // Accept by the end of Thursday 10-8, the first working day after the holiday (10-1 … 10-7).
    const accept = china('2026-10-09T00:00:00');
    expect(due).toEqual({
      // 10-8, 10-9 and the make-up Saturday 10-10.
      enquiry: [accept, china('2026-10-11T00:00:00')],
      // 10-8, 9, 10, 12–16, 19–23: the 13th working day is Friday 10-23.
      help: [accept, china('2026-10-24T00:00:00')],
      complaint: [accept, china('2026-10-24T00:00:00')],
      legal_aid: [accept, china('2026-10-24T00:00:00')],
      suggestion: [accept, china('2026-10-24T00:00:00')],
    });
  });

  it('counts the make-up Sunday 9-20 for a grievance filed on Friday 9-18', async () => {
    const w = await fx().world();
    await setClock('2026-09-18T17:30:00');
    const res = await file(w.worker, w.homeA.id, { type: 'enquiry' });
    expect(res.body.acceptDueAt).toBe(china('2026-09-21T00:00:00'));
    // 9-20 (make-up Sunday), 9-21, 9-22.
    expect(res.body.dueAt).toBe(china('2026-09-23T00:00:00'));
  });

  it("uses an admin's calendar entry over the holiday list for new grievances", async () => {
    const w = await fx().world();
    const day = await api().put(`/api/orgs/${w.root.provinceId}/calendar/days/2026-10-09`, {
      token: w.root.token,
      body: { kind: 'holiday', note: '本地调整' },
    });
    expect(day.status).toBe(200);
    try {
      await setClock('2026-09-30T15:00:00');
      const res = await file(w.worker, w.homeA.id, { type: 'enquiry' });
      // 10-8, (10-9 now off), 10-10, 10-12.
      expect(res.body.dueAt).toBe(china('2026-10-13T00:00:00'));
    } finally {
      expect((await api().del(`/api/orgs/${w.root.provinceId}/calendar/days/2026-10-09`, { token: w.root.token })).status).toBe(204);
    }
    const after = await file(w.worker, w.homeA.id, { type: 'enquiry' });
    expect(after.body.dueAt).toBe(china('2026-10-11T00:00:00'));
  });

  it("reopens with new limits counted from the day of the worker's feedback", async () => {
    const f = fx();
    const w = await f.world();
    await setClock('2026-09-30T10:00:00');
    const g = (await file(w.worker, w.homeA.id)).body;
    await f.act(w.chairA, g.id, { action: 'accept' });
    await f.act(w.chairA, g.id, { action: 'resolve', message: '已办结' });
    await setClock('2026-10-09T10:00:00');
    const reopened = await f.feedback(w.worker, g.id, { verdict: 'dissatisfied' });
    // 13 working days after Friday 10-9: 10-10, 12–16, 19–23, 26, 27 → Tuesday 10-27.
    expect(reopened.body.dueAt).toBe(china('2026-10-28T00:00:00'));
    expect(reopened.body.overdue).toBe(false);
  });
});

describe('overdue grievances', () => {
  it('reminds when the acceptance limit passes, then reminds and escalates past the last limit', async () => {
    const f = fx();
    const w = await f.world();
    await setClock('2026-09-30T10:00:00');
    const g = (await file(w.worker, w.homeA.id)).body;
    expect((await api().get('/api/grievances?overdue=true', { token: w.chairA.token })).body.total).toBe(0);

    await setClock('2026-10-09T09:00:00');
    await sweep();
    let seen = await view(w.chairA, g.id);
    expect(seen).toMatchObject({ overdue: true, handler: 'home', escalated: false, canAct: true });
    expect(seen.timeline.map((e: any) => [e.kind, e.actorRole])).toEqual([
      ['submitted', 'reporter'],
      ['reminded', 'system'],
    ]);
    expect((await api().get('/api/grievances?overdue=true', { token: w.chairA.token })).body.items.map((i: any) => i.id)).toEqual([g.id]);
    expect((await api().get('/api/grievances?overdue=false', { token: w.chairA.token })).body.total).toBe(0);
    expect((await api().get(`/api/grievances/${g.id}`, { token: w.cityAdmin.token })).status).toBe(404);

    // Accepted late: no longer overdue until the last limit passes.
    expect((await f.act(w.chairA, g.id, { action: 'accept' })).body.overdue).toBe(false);
    await setClock('2026-10-23T23:00:00');
    await sweep();
    expect((await view(w.chairA, g.id)).timeline).toHaveLength(3);

    await setClock('2026-10-24T09:00:00');
    await sweep();
    await sweep(); // a second pass records nothing twice
    seen = await view(w.chairA, g.id);
    // The city holds it now, with a limit of its own: 5 working days from Saturday 10-24 (10-26 … 10-30).
    expect(seen).toMatchObject({ overdue: false, handler: 'upper', escalated: true, canAct: false, dueAt: china('2026-10-31T00:00:00') });
    expect(seen.timeline.map((e: any) => [e.kind, e.actorRole])).toEqual([
      ['submitted', 'reporter'],
      ['reminded', 'system'],
      ['accepted', 'chair'],
      ['reminded', 'system'],
      ['escalated', 'system'],
    ]);
    expect((await f.act(w.chairA, g.id, { action: 'resolve', message: '已办结' })).status).toBe(403);

    const upper = await api().get('/api/grievances', { token: w.cityAdmin.token });
    expect(upper.body.items.map((i: any) => [i.id, i.canAct])).toEqual([[g.id, true]]);
    expect((await f.act(w.cityAdmin, g.id, { action: 'resolve', message: '已督促企业补发工资' })).status).toBe(200);
    const stats = (await api().get(`/api/homes/${w.homeA.id}/grievance-stats`, { token: w.cityAdmin.token })).body;
    expect(stats).toMatchObject({ total: 1, decided: 1, onTime: 0, onTimeRate: 0, overdue: 0 });

    const track = (await api().get(`/api/grievances/track/${g.trackingCode}`)).body;
    expect(track.timeline.map((e: any) => e.kind)).toEqual(['submitted', 'reminded', 'accepted', 'reminded', 'escalated', 'resolved']);
    // The code holder sees the result (issue 19: tracking shows the conversation).
    expect(track.timeline.at(-1).message).toBe('已督促企业补发工资');
  });

  it('runs the periodic job on its own timer', async () => {
    const w = await fx().world();
    await setClock('2026-11-02T10:00:00');
    const g = (await file(w.worker, w.homeA.id)).body;
    await setClock('2026-11-04T10:00:00');
    const seen = await eventually(
      () => view(w.chairA, g.id),
      (v) => v.timeline.length === 2,
    );
    expect(seen.timeline.at(-1)).toMatchObject({ kind: 'reminded', actorRole: 'system' });
  });

  it('refuses an extension once the limit has passed (409)', async () => {
    const f = fx();
    const w = await f.world();
    await setClock('2026-09-30T10:00:00');
    // About the union: handled by the city, so the job reminds but does not move it.
    const g = (await file(w.worker, w.homeA.id, { topic: 'union' })).body;
    await f.act(w.cityAdmin, g.id, { action: 'accept' });
    await setClock('2026-10-24T09:00:00');
    const late = await f.act(w.cityAdmin, g.id, { action: 'extend', message: '需要更多时间', days: 3 });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('STATE_CONFLICT');
    expect((await view(w.cityAdmin, g.id)).dueAt).toBe(china('2026-10-24T00:00:00'));
  });
});

describe('idempotency keys over time', () => {
  it('treats a key as new once its 24-hour retry window has passed', async () => {
    const w = await fx().world();
    await setClock('2026-11-10T10:00:00');
    const key = `window-${randomBytes(4).toString('hex')}`;
    const first = await fx().file(
      w.worker,
      { homeId: w.homeA.id, type: 'help', topic: 'safety', content: GOOD_CONTENT, anonymous: true },
      key,
    );
    const retry = await fx().file(
      w.worker,
      { homeId: w.homeA.id, type: 'help', topic: 'safety', content: GOOD_CONTENT, anonymous: true },
      key,
    );
    expect(retry.body.id).toBe(first.body.id);
    await setClock('2026-11-11T10:30:00');
    const later = await fx().file(
      w.worker,
      { homeId: w.homeA.id, type: 'help', topic: 'safety', content: GOOD_CONTENT, anonymous: true },
      key,
    );
    expect(later.status).toBe(201);
    expect(later.body.id).not.toBe(first.body.id);
  });
});

describe('notifications when WeChat is down', () => {
  it('keeps the message in the outbox and sends it on a later pass, without failing the action', async () => {
    const f = fx();
    const w = await f.world();
    await setClock('2026-11-16T10:00:00');
    const g = (await file(w.worker, w.homeA.id, { subscribe: true })).body;
    await wx().allowMessage(w.worker.openid, FAKE_TEMPLATE_ID);
    await wx().fail('subscribe_send', -1);
    expect((await f.act(w.chairA, g.id, { action: 'accept' })).status).toBe(200);
    // Openids are sealed in the delivery tables: the message is found by the grievance its page names.
    const mine = 'SELECT attempts FROM notification_outbox WHERE page LIKE ?';
    const page = [`%id=${g.id}`];
    const db = await openDb(target.url, target.dataDir);
    try {
      const waiting = await eventually(
        () => db.query<any>(mine, page),
        (r) => r.length === 1 && Number(r[0].attempts) === 1,
      );
      expect(waiting.map((r) => Number(r.attempts))).toEqual([1]);
      expect(await wx().messages(w.worker.openid)).toHaveLength(0);

      await setClock('2026-11-16T10:05:00');
      await sweep();
      const sent = await eventually(
        () => wx().messages(w.worker.openid),
        (m) => m.length === 1,
      );
      expect(sent.map((m) => m.data.phrase1.value)).toEqual(['办理中']);
      expect(await db.query(mine, page)).toHaveLength(0);
    } finally {
      await db.close();
    }
  });
});

describe('the public tracking look-up', () => {
  it('is rate-limited per address (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await api().get(`/api/grievances/track/${'0'.repeat(20)}`)).status);
    expect(statuses.slice(0, 3)).toEqual([404, 404, 404]);
    expect(statuses).toContain(429);
    const limited = await api().get(`/api/grievances/track/${'0'.repeat(20)}`);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Answers by code count against the same limit: a code cannot be guessed through them either.
    expect((await api().post(`/api/grievances/track/${'0'.repeat(20)}/answers`, { body: { message: '回答' } })).status).toBe(429);
  });

  it('limits the search for where to file per address too (429)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await api().get('/api/grievance-places/orgs')).status);
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses).toContain(429);
    expect((await api().get('/api/grievance-places/homes?q=%E5%B7%A5%E4%BC%9A')).status).toBe(429);
  });
});

describe('the test clock', () => {
  // Test hooks exist only with NODE_ENV=test: under any other NODE_ENV (development is the default) a
  // test variable stops the boot, naming it.
  it.each([
    ['production', 'TEST_CLOCK'],
    ['development', 'TEST_CLOCK'],
    [undefined, 'TEST_CLOCK'],
    ['production', 'TEST_DISABLE_LOCKS'],
    [undefined, 'TEST_DISABLE_LOCKS'],
  ])(
    'is refused at boot with NODE_ENV=%s and %s set',
    async (nodeEnv, variable) => {
      const dir = mkdtempSync(join(tmpdir(), 'pingjia-test-vars-'));
      try {
        // Asynchronous: a spawnSync blocked this process — and the suite's stand-in WeChat in it — for the
        // whole boot, and at load 17 the boot outlived its 20 s timeout (status null).
        const child = spawn(process.execPath, [SERVER_MAIN], {
          env: {
            PATH: process.env.PATH,
            DATA_DIR: dir,
            PORT: '0',
            ...(nodeEnv ? { NODE_ENV: nodeEnv } : {}),
            [variable]: 'true',
            JWT_SECRET: 'x'.repeat(40),
            RATER_KEY_SECRET: 'y'.repeat(40),
            PUBLIC_URL: 'https://pingjia.example.cn',
          },
          stdio: ['ignore', 'ignore', 'pipe'],
        });
        let stderr = '';
        child.stderr!.on('data', (d) => (stderr += d));
        const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
        const status = await new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
        clearTimeout(timer);
        expect(status).toBe(78);
        expect(stderr).toContain(`${variable}: is for tests only`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    120_000,
  );

  it('does not exist unless TEST_CLOCK=true', async () => {
    // A server start takes over 30 s at load 20 on MariaDB: wait for it as long as the suite's own does.
    const plain = await startServer({}, 90_000);
    try {
      expect((await client(plain.url).post('/api/__test/clock', { body: { advanceMs: 1000 } })).status).toBe(404);
      expect((await client(plain.url).post('/api/__test/grievances/sweep')).status).toBe(404);
    } finally {
      await plain.stop();
    }
  }, 150_000);
});

// Issue 19 item 5, deadlines with teeth: escalation climbs level by level, each level with a limit of its
// own, the handler told in the app each time; a resolved grievance the worker never rates closes itself.
describe('deadlines with teeth', () => {
  const notices = async (who: { token: string }) => (await api().get('/api/notifications', { token: who.token })).body;

  it('climbs two levels (county, then city), each with a new limit, and tells each handler', async () => {
    const f = fx();
    const w = await f.world();
    // city → county → home; admins at the county and the city.
    const county = await api().post('/api/orgs', {
      token: w.root.token,
      body: { parentId: w.city.id, name: uniq('诉求县'), level: 'county' },
    });
    expect(county.status).toBe(201);
    const home = await api().post('/api/homes', {
      token: w.root.token,
      body: { orgId: county.body.id, name: uniq('丙厂工会'), kind: 'enterprise', memberCount: 50, membershipMode: 'open' },
    });
    const [chair, countyAdmin] = await Promise.all([f.person(), f.person()]);
    await grantRole(target, chair.id, 'chair', home.body.id);
    await grantRole(target, countyAdmin.id, 'federation_admin', county.body.id);

    await setClock('2026-11-02T10:00:00');
    const g = (await file(w.worker, home.body.id)).body;
    expect((await f.act(chair, g.id, { action: 'accept' })).status).toBe(200);
    // 13 working days from Monday 11-2: due at the end of Thursday 11-19.
    expect(g.dueAt).toBe(china('2026-11-20T00:00:00'));

    // Past the chair's limit: reminded, and up to the county at once, with 5 working days (11-23 … 11-27).
    await setClock('2026-11-20T09:00:00');
    await sweep();
    let seen = await view(countyAdmin, g.id);
    expect(seen).toMatchObject({ handler: 'upper', canAct: true, overdue: false, dueAt: china('2026-11-28T00:00:00') });
    expect((await notices(chair)).items.map((n: any) => [n.kind, n.grievanceId])).toEqual([
      ['reminded', g.id],
      ['new', g.id],
    ]);
    const countyNotices = await notices(countyAdmin);
    expect(countyNotices.items.map((n: any) => [n.kind, n.grievanceId, n.read])).toEqual([['escalated', g.id, false]]);
    expect(countyNotices.unread).toBe(1);
    expect(countyNotices.items[0].text).toContain(home.body.name);
    expect(JSON.stringify(countyNotices)).not.toContain(GOOD_CONTENT);

    // Past the county's limit: reminded; it stays for the county's 3 working days of grace (11-30, 12-1, 12-2).
    await setClock('2026-11-28T09:00:00');
    await sweep();
    await setClock('2026-12-02T23:00:00');
    await sweep();
    seen = await view(countyAdmin, g.id);
    expect(seen).toMatchObject({ overdue: true, canAct: true, dueAt: china('2026-11-28T00:00:00') });
    expect((await notices(countyAdmin)).items.map((n: any) => n.kind)).toEqual(['reminded', 'escalated']);

    // Grace over: up to the city, with 5 working days from Thursday 12-3 (12-4, 7, 8, 9, 10).
    await setClock('2026-12-03T09:00:00');
    await sweep();
    await sweep(); // a second pass moves it no further
    seen = await view(w.cityAdmin, g.id);
    expect(seen).toMatchObject({ overdue: false, canAct: true, escalated: true, dueAt: china('2026-12-11T00:00:00') });
    expect((await view(countyAdmin, g.id)).canAct).toBe(false);
    expect(seen.timeline.map((e: any) => [e.kind, e.actorRole])).toEqual([
      ['submitted', 'reporter'],
      ['accepted', 'chair'],
      ['reminded', 'system'],
      ['escalated', 'system'],
      ['reminded', 'system'],
      ['escalated', 'system'],
    ]);
    expect((await notices(w.cityAdmin)).items.filter((n: any) => n.grievanceId === g.id).map((n: any) => n.kind)).toEqual(['escalated']);
    // Read: the county admin's list keeps them, none unread.
    expect((await api().post('/api/notifications/read', { token: countyAdmin.token })).status).toBe(204);
    expect(await notices(countyAdmin)).toMatchObject({ unread: 0, items: [{ read: true }, { read: true }] });
    // Nobody else's notices: the worker has none.
    expect((await notices(w.worker)).items).toEqual([]);
  });

  it('closes a resolved grievance after 7 working days without feedback, and tells the worker', async () => {
    const f = fx();
    const w = await f.world();
    await setClock('2026-12-14T10:00:00');
    const g = (await file(w.worker, w.homeA.id)).body;
    await f.act(w.chairA, g.id, { action: 'accept' });
    // The worker allowed one progress message (wx.requestSubscribeMessage), used by the close.
    expect((await api().post(`/api/grievances/${g.id}/subscriptions`, { token: w.worker.token })).status).toBe(204);
    await wx().allowMessage(w.worker.openid, FAKE_TEMPLATE_ID);
    expect((await f.act(w.chairA, g.id, { action: 'resolve', message: '已协调企业补发' })).status).toBe(200);
    // The worker allowed one more: the resolve used the first.
    expect((await api().post(`/api/grievances/${g.id}/subscriptions`, { token: w.worker.token })).status).toBe(204);
    await wx().allowMessage(w.worker.openid, FAKE_TEMPLATE_ID);

    // Resolved Monday 12-14; 7 working days: 12-15 … 12-23. Still open at the end of 12-22.
    await setClock('2026-12-23T20:00:00');
    await sweep();
    expect((await view(w.worker, g.id)).status).toBe('resolved');
    await setClock('2026-12-24T08:00:00');
    await sweep();
    const closed = await view(w.worker, g.id);
    expect(closed.status).toBe('closed');
    expect(closed.feedback).toBeNull();
    expect(closed.timeline.at(-1)).toMatchObject({ kind: 'closed', actorRole: 'system' });
    // Told: a status message with no content of the grievance in it.
    const sent = await eventually(
      () => wx().messages(w.worker.openid),
      (m) => m.some((x) => x.data.phrase1?.value === '已关闭'),
    );
    expect(JSON.stringify(sent)).not.toContain('补发');
    // Too late to rate now; closed grievances are not closed twice.
    expect((await f.feedback(w.worker, g.id, { verdict: 'satisfied' })).status).toBe(409);
    await sweep();
    expect((await view(w.worker, g.id)).timeline.filter((e: any) => e.kind === 'closed')).toHaveLength(1);
  });

  it('counts new, due-soon and overdue grievances the caller handles, for the start page', async () => {
    const f = fx();
    const w = await f.world();
    await setClock('2026-12-28T10:00:00');
    await file(w.worker, w.homeA.id);
    const enquiry = (await file(w.worker, w.homeA.id, { type: 'enquiry' })).body;
    await f.act(w.chairA, enquiry.id, { action: 'accept' });
    const counts = async (who?: { token: string }) => (await api().get('/api/grievances/counts', who ? { token: who.token } : {})).body;
    // Monday 12-28: the new one must be accepted by the end of 12-29 (due soon); the enquiry answered by 12-31.
    expect(await counts(w.chairA)).toEqual({ new: 1, dueSoon: 1, overdue: 0 });
    // Wednesday 12-30: the new one is late; the enquiry is due within two days.
    await setClock('2026-12-30T10:00:00');
    expect(await counts(w.chairA)).toEqual({ new: 1, dueSoon: 1, overdue: 1 });
    // Another home's chair and the worker handle none of them.
    expect(await counts(w.chairB)).toEqual({ new: 0, dueSoon: 0, overdue: 0 });
    expect(await counts(w.worker)).toEqual({ new: 0, dueSoon: 0, overdue: 0 });
    expect((await api().get('/api/grievances/counts')).status).toBe(401);
  });
});
