// Cycles open and close on time by themselves (issue 18 item 1): the job reads what is due from the
// database, so a cycle due while the server was down moves at the next start, and with several server
// processes on one database each move happens once. Servers of this suite's own (SQLite file, or a
// MariaDB database of its own with TEST_DATABASE_URL), each with a test clock moved past the cycle's
// times and the schedule's timer at 200 ms; the test waits for states, never for fixed times.
import { openDb } from '../support/db';
import { client } from '../support/http';
import { RunningServer, startServer } from '../support/server';
import { ADMIN } from './global-setup';
import { ownServerEnv, sharedDatabaseSuite } from './own-server';
import { eventually } from './grievances.fixtures';

const HOUR = 3600e3;
const DAY = 24 * HOUR;
type Api = ReturnType<typeof client>;

const suite = sharedDatabaseSuite('schedule');

/** A server on this suite's database (started one after another, so only the first seeds it). */
async function start(): Promise<{ server: RunningServer; api: Api }> {
  const server = await startServer(
    { ...ownServerEnv(suite.target, suite.wechat), CAMPAIGN_SCHEDULE_INTERVAL_MS: '200', TEST_CLOCK: 'true' },
    90_000,
  );
  suite.running.push(server);
  return { server, api: client(server.url) };
}

async function stop(server: RunningServer, signal: NodeJS.Signals): Promise<void> {
  await server.stop(signal);
  suite.running.splice(suite.running.indexOf(server), 1);
}

/** Every server's clock to this moment at once (running on from there), so their timers race for what is due. */
async function setClock(apis: Api[], at: number): Promise<void> {
  const moved = await Promise.all(apis.map((api) => api.post('/api/__test/clock', { body: { to: new Date(at).toISOString() } })));
  expect(moved.map((r) => r.status)).toEqual(apis.map(() => 200));
}

async function login(api: Api) {
  const res = await api.post('/api/auth/password', { body: ADMIN });
  expect(res.status).toBe(200);
  return {
    token: res.body.token as string,
    provinceId: res.body.user.roles.find((r: { role: string }) => r.role === 'federation_admin').orgId,
  };
}

/** A city with `homes` homes of 20 members and a cycle over it scheduled from `opensAt` to `closesAt`. */
async function scheduledCity(api: Api, token: string, provinceId: string, opensAt: number, closesAt: number, homes = 2) {
  const tag = Math.random().toString(36).slice(2, 8);
  const city = await api.post('/api/orgs', { token, body: { parentId: provinceId, name: `定时市${tag}`, level: 'city' } });
  expect(city.status).toBe(201);
  for (let i = 0; i < homes; i++) {
    const h = await api.post('/api/homes', {
      token,
      body: { orgId: city.body.id, name: `定时之家${tag}${i}`, kind: 'enterprise', memberCount: 20, membershipMode: 'open' },
    });
    expect(h.status).toBe(201);
  }
  const c = await api.post('/api/campaigns', {
    token,
    body: {
      orgId: city.body.id,
      name: `定时评家${tag}`,
      opensAt: new Date(opensAt).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
    },
  });
  expect(c.status).toBe(201);
  const s = await api.post(`/api/campaigns/${c.body.id}/schedule`, { token });
  expect([s.status, s.body.status]).toEqual([200, 'scheduled']);
  return { cityId: city.body.id as string, campaignId: c.body.id as string };
}

const statusOf = async (api: Api, token: string, id: string) => (await api.get(`/api/campaigns/${id}`, { token })).body.status as string;

async function waitForStatus(api: Api, token: string, id: string, status: string): Promise<void> {
  expect(
    await eventually(
      () => statusOf(api, token, id),
      (s) => s === status,
      60_000,
    ),
  ).toBe(status);
}

async function frozenHomes(campaignId: string): Promise<number> {
  const db = await openDb(suite.target.url, suite.target.dataDir);
  try {
    const [row] = await db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM campaign_homes WHERE campaign_id = ?', [campaignId]);
    return Number(row.n);
  } finally {
    await db.close();
  }
}

describe('the campaign schedule', () => {
  it('opens a scheduled cycle and closes it at their times across restarts (one a SIGKILL), freezing its homes once', async () => {
    let { server, api } = await start();
    const { token, provinceId } = await login(api);
    const now = Date.now();
    const { campaignId } = await scheduledCity(api, token, provinceId, now + 2 * HOUR, now + 2 * DAY);

    // Down before the opening time, killed without a chance to clean up; started again after it.
    await stop(server, 'SIGKILL');
    ({ server, api } = await start());
    expect(await statusOf(api, token, campaignId)).toBe('scheduled');
    await setClock([api], now + 3 * HOUR);
    await waitForStatus(api, token, campaignId, 'open');
    expect(await frozenHomes(campaignId)).toBe(2);
    const opened = (await api.get(`/api/__test/campaigns/transitions`)).body.moves;
    expect(opened).toEqual([{ campaignId, to: 'open', by: 'schedule' }]);

    // Down again over the closing time (a clean stop this time): the next start closes it.
    await stop(server, 'SIGTERM');
    ({ api } = await start());
    expect(await statusOf(api, token, campaignId)).toBe('open');
    await setClock([api], now + 3 * DAY);
    await waitForStatus(api, token, campaignId, 'closed');
    expect(await frozenHomes(campaignId)).toBe(2);
  }, 300_000);

  it('moves each cycle once when two server processes share the database', async () => {
    const a = await start();
    const b = await start();
    const { token, provinceId } = await login(a.api);
    const now = Date.now();
    // a month ahead of the first test's clocks, and several cycles due at the same moment
    const base = now + 30 * DAY;
    const cycles = [];
    for (let i = 0; i < 4; i++) cycles.push(await scheduledCity(a.api, token, provinceId, base + HOUR, base + 2 * DAY, 1));

    await setClock([a.api, b.api], base + 2 * HOUR);
    for (const c of cycles) await waitForStatus(b.api, token, c.campaignId, 'open');
    await setClock([a.api, b.api], base + 3 * DAY);
    for (const c of cycles) await waitForStatus(a.api, token, c.campaignId, 'closed');

    const moves = [
      ...(await a.api.get('/api/__test/campaigns/transitions')).body.moves,
      ...(await b.api.get('/api/__test/campaigns/transitions')).body.moves,
    ];
    for (const c of cycles) {
      const mine = moves.filter((m: { campaignId: string }) => m.campaignId === c.campaignId).map((m: { to: string }) => m.to);
      expect(mine.sort()).toEqual(['closed', 'open']);
      expect(await frozenHomes(c.campaignId)).toBe(1);
    }
    await stop(a.server, 'SIGTERM');
    await stop(b.server, 'SIGTERM');
  }, 300_000);
});
