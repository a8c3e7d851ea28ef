// DASHBOARD_CACHE_SECONDS (on in production): a dashboard answer is reused for a while, but who may see
// it is checked on every request, and a home's answer for its chair never comes from an upper level's.
import { randomBytes } from 'node:crypto';
import { adminOn } from './fixtures';
import { OwnServer, startOwnServer } from './own-server';

const TTL_S = 6;
let own: OwnServer;

beforeAll(async () => {
  own = await startOwnServer('dashboard-cache', { DASHBOARD_CACHE_SECONDS: String(TTL_S) });
}, 120_000);
afterAll(() => own?.close());

const login = () => adminOn(own.api);

async function member(server: OwnServer = own) {
  const res = await server.api.post('/api/auth/dev', { body: { openid: `c_${randomBytes(6).toString('hex')}` } });
  expect(res.status).toBe(200);
  return res.body.token as string;
}

async function file(token: string, homeId: string, topic: string, server: OwnServer = own) {
  const res = await server.api.post('/api/grievances', {
    token,
    body: { homeId, type: 'complaint', topic, content: '单位连续两个月拖欠加班工资，希望工会协调解决', anonymous: true },
  });
  expect(res.status).toBe(201);
}

describe('dashboard cache', () => {
  it('reuses home and federation answers until they expire, checking access on every request', async () => {
    const { token, provinceId } = await login();
    const org = () => own.api.get(`/api/orgs/${provinceId}/dashboard`, { token });
    const first = await org();
    expect(first.status).toBe(200);
    const homeId = first.body.league.items[0].id as string;
    const home = () => own.api.get(`/api/homes/${homeId}/dashboard`, { token });
    const before = await home();
    expect(before.status).toBe(200);
    const orgTotal = first.body.grievances.total as number;
    const homeTotal = before.body.grievances.total as number;

    const worker = await member();
    await file(worker, homeId, 'wages');
    // Within the time to live: the same answers.
    expect((await home()).body.grievances.total).toBe(homeTotal);
    expect((await org()).body.grievances.total).toBe(orgTotal);
    // A caller without access gets 404, not the cached answer.
    expect((await own.api.get(`/api/homes/${homeId}/dashboard`, { token: worker })).status).toBe(404);
    expect((await own.api.get(`/api/orgs/${provinceId}/dashboard`, { token: worker })).status).toBe(404);
    // Another sort or page of the league is another answer, but the subtree's figures are computed once
    // for all of them within the time to live (org-dashboard.service.ts).
    const byName = await own.api.get(`/api/orgs/${provinceId}/dashboard?sort=name`, { token });
    expect(byName.status).toBe(200);
    expect(byName.body.league.sort).toBe('name');
    expect(byName.body.grievances.total).toBe(orgTotal);

    await new Promise((r) => setTimeout(r, TTL_S * 1000 + 500));
    expect((await home()).body.grievances.total).toBe(homeTotal + 1);
    // The federation's subtree is answered as it was while its successor is computed (stale while refresh, below).
    await waitFor(async () => (await org()).body.grievances.total === orgTotal + 1);
  });

  it('keeps a chair apart from the level above: grievances about the union count only for the latter', async () => {
    const { token, provinceId } = await login();
    const homeId = (await own.api.get(`/api/orgs/${provinceId}/dashboard?sort=name&order=desc`, { token })).body.league.items[0]
      .id as string;
    const invite = await own.api.post(`/api/homes/${homeId}/invites`, { token, body: { role: 'chair' } });
    expect(invite.status).toBe(201);
    const accepted = await own.api.post(`/api/invites/${invite.body.code}/accept`, {
      body: { username: `chair_${randomBytes(3).toString('hex')}`, password: 'chair-password-123' },
    });
    expect(accepted.status).toBe(200);
    const chair = accepted.body.token as string;

    await file(await member(), homeId, 'union');
    await new Promise((r) => setTimeout(r, TTL_S * 1000 + 500));
    // The upper level reads first and fills its entry; the chair's answer is computed on its own.
    const upper = await own.api.get(`/api/homes/${homeId}/dashboard`, { token });
    const own_ = await own.api.get(`/api/homes/${homeId}/dashboard`, { token: chair });
    expect(own_.status).toBe(200);
    expect(upper.body.grievances.total).toBe(own_.body.grievances.total + 1);
  });

  it('refuses a removed chair at once and, signed in again within the time to live, decides access afresh (404)', async () => {
    const { token, provinceId } = await login();
    const homeId = (await own.api.get(`/api/orgs/${provinceId}/dashboard?sort=name`, { token })).body.league.items[1].id as string;
    const username = `chair_${randomBytes(3).toString('hex')}`;
    const invite = await own.api.post(`/api/homes/${homeId}/invites`, { token, body: { role: 'chair' } });
    expect(invite.status).toBe(201);
    const accepted = await own.api.post(`/api/invites/${invite.body.code}/accept`, { body: { username, password: 'chair-password-123' } });
    expect(accepted.status).toBe(200);
    const chair = accepted.body.token as string;
    // The chair's access decision and the answer are now kept for the time to live.
    expect((await own.api.get(`/api/homes/${homeId}/dashboard`, { token: chair })).status).toBe(200);
    const grants = await own.api.get(`/api/homes/${homeId}/grants`, { token });
    const grant = grants.body.items.find((g: { user: { username: string } }) => g.user.username === username);
    expect((await own.api.del(`/api/homes/${homeId}/grants/${grant.id}`, { token })).status).toBe(204);
    const refused = await own.api.get(`/api/homes/${homeId}/dashboard`, { token: chair });
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('TOKEN_INVALID');
    const again = await own.api.post('/api/auth/password', { body: { username, password: 'chair-password-123' } });
    expect(again.status).toBe(200);
    expect((await own.api.get(`/api/homes/${homeId}/dashboard`, { token: again.body.token })).status).toBe(404);
    // The level above still reads it (control: the answer itself is there).
    expect((await own.api.get(`/api/homes/${homeId}/dashboard`, { token })).status).toBe(200);
  });
});

// A move or merge of the tree takes dashboards away from the admins above the old place: their token
// versions move on in the same transaction (structure.service.ts), so the access decisions cached under
// their tokens stop at once. A cache span far longer than the test: without the bump the old decision
// would still answer 200 here.
describe('dashboard cache after a move or merge of the tree', () => {
  let tree: OwnServer;
  beforeAll(async () => {
    tree = await startOwnServer('dashboard-cache-tree', { DASHBOARD_CACHE_SECONDS: '600' });
  }, 120_000);
  afterAll(() => tree?.close());

  async function setUp() {
    const { token, provinceId } = await adminOn(tree.api);
    const tag = randomBytes(3).toString('hex');
    const org = async (parentId: string, name: string, level: string) => {
      const o = await tree.api.post('/api/orgs', { token, body: { parentId, name: `${name}${tag}`, level } });
      expect(o.status).toBe(201);
      return o.body.id as string;
    };
    const home = async (orgId: string, name: string) => {
      const h = await tree.api.post('/api/homes', {
        token,
        body: { orgId, name: `${name}${tag}`, kind: 'enterprise', memberCount: 100, membershipMode: 'open' },
      });
      expect(h.status).toBe(201);
      return h.body.id as string;
    };
    const cityA = await org(provinceId, '甲市', 'city');
    const cityB = await org(provinceId, '乙市', 'city');
    // An admin of city A only.
    const username = `a_admin_${tag}`;
    const invite = await tree.api.post(`/api/orgs/${cityA}/invites`, { token, body: { role: 'federation_admin' } });
    expect(invite.status).toBe(201);
    const accepted = await tree.api.post(`/api/invites/${invite.body.code}/accept`, {
      body: { username, password: 'a-admin-password-123' },
    });
    expect(accepted.status).toBe(200);
    const signIn = async () => {
      const again = await tree.api.post('/api/auth/password', { body: { username, password: 'a-admin-password-123' } });
      expect(again.status).toBe(200);
      return again.body.token as string;
    };
    return { token, org, home, cityA, cityB, admin: accepted.body.token as string, signIn };
  }

  type View = (token: string) => Promise<{ status: number; body: { code?: string } }>;
  /** The old token is refused at once; signed in again, the home is not theirs (404); the level above still reads it. */
  async function refusedAtOnce(view: View, admin: string, signIn: () => Promise<string>, above: string): Promise<string> {
    const refused = await view(admin);
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('TOKEN_INVALID');
    const again = await signIn();
    expect((await view(again)).status).toBe(404);
    expect((await view(above)).status).toBe(200);
    return again;
  }

  it("refuses city A's admin a home moved to city B at once, not after the cache span", async () => {
    const { token, home, cityA, cityB, admin, signIn } = await setUp();
    const homeId = await home(cityA, '搬迁厂工会');
    const view = (t: string) => tree.api.get(`/api/homes/${homeId}/dashboard`, { token: t });
    expect((await view(admin)).status).toBe(200);
    expect((await tree.api.post(`/api/homes/${homeId}/move`, { token, body: { parentId: cityB } })).status).toBe(200);
    const again = await refusedAtOnce(view, admin, signIn, token);
    // Their own city is still theirs.
    expect((await tree.api.get(`/api/orgs/${cityA}/dashboard`, { token: again })).status).toBe(200);
  });

  it("drops city A's kept league when a home moves to city B: no answer of it lists the home there any more", async () => {
    const { token, home, cityA, cityB, signIn } = await setUp();
    const homeId = await home(cityA, '迁出厂工会');
    const stayId = await home(cityA, '留下厂工会');
    const league = async (orgId: string, t: string, pageSize: number) => {
      const res = await tree.api.get(`/api/orgs/${orgId}/dashboard?sort=name&pageSize=${pageSize}`, { token: t });
      expect(res.status).toBe(200);
      return (res.body.league.items as { id: string }[]).map((i) => i.id);
    };
    // City A's answer and its subtree are now kept for the span (600 s).
    expect((await league(cityA, token, 20)).sort()).toEqual([homeId, stayId].sort());
    expect(await league(cityB, token, 20)).toEqual([]);
    expect((await tree.api.post(`/api/homes/${homeId}/move`, { token, body: { parentId: cityB } })).status).toBe(200);
    // The same answer, another answer over the same subtree, and city A's admin signed in again: the home is gone.
    expect(await league(cityA, token, 20)).toEqual([stayId]);
    expect(await league(cityA, token, 21)).toEqual([stayId]);
    expect(await league(cityA, await signIn(), 20)).toEqual([stayId]);
    expect(await league(cityB, token, 21)).toEqual([homeId]);
  });

  it("refuses city A's admin the homes of a county merged into one under city B at once", async () => {
    const { token, org, home, cityA, cityB, admin, signIn } = await setUp();
    const dup = await org(cityA, '重复县', 'county');
    const kept = await org(cityB, '保留县', 'county');
    const homeId = await home(dup, '并入厂工会');
    const view = (t: string) => tree.api.get(`/api/homes/${homeId}/dashboard`, { token: t });
    expect((await view(admin)).status).toBe(200);
    expect((await tree.api.get(`/api/orgs/${dup}/dashboard`, { token: admin })).status).toBe(200);
    expect((await tree.api.post(`/api/orgs/${dup}/merge`, { token, body: { intoId: kept } })).status).toBe(200);
    const again = await refusedAtOnce(view, admin, signIn, token);
    expect((await tree.api.get(`/api/orgs/${dup}/dashboard`, { token: again })).status).toBe(404);
  });
});

// Stale while refresh (org-dashboard.service.ts): once a part of the tree has been read, an expired one is
// answered at once while one successor is computed; past one more span it is computed while the caller
// waits. The server's movable clock moves the span; each read uses another page size, so it is an answer
// of its own, made from the subtree as it is kept at that moment.
describe('dashboard cache: an expired subtree is served while it is refreshed', () => {
  const SPAN_S = 600;
  let clocked: OwnServer;
  beforeAll(async () => {
    clocked = await startOwnServer('dashboard-cache-refresh', { DASHBOARD_CACHE_SECONDS: String(SPAN_S), TEST_CLOCK: 'true' });
  }, 120_000);
  afterAll(() => clocked?.close());

  it('answers the old figures once the span is out, then the refreshed ones; past a second span it waits for new ones', async () => {
    const { token, provinceId } = await adminOn(clocked.api);
    let pageSize = 0;
    const total = async () => {
      const page = await clocked.api.get(`/api/orgs/${provinceId}/dashboard?pageSize=${++pageSize}`, { token });
      expect(page.status).toBe(200);
      return page.body.grievances.total as number;
    };
    const advance = async (s: number) =>
      expect((await clocked.api.post('/api/__test/clock', { body: { advanceMs: s * 1000 } })).status).toBe(200);
    const first = await total();
    const homeId = (await clocked.api.get(`/api/orgs/${provinceId}/dashboard?sort=name`, { token })).body.league.items[0].id as string;

    await file(await member(clocked), homeId, 'wages', clocked);
    // Within the span: the kept figures.
    expect(await total()).toBe(first);
    await advance(SPAN_S + 1);
    // Out of the span: the expired figures are answered at once, and the refresh begins.
    expect(await total()).toBe(first);
    // The successor replaces them when it is done.
    await waitFor(async () => (await total()) === first + 1);

    await file(await member(clocked), homeId, 'wages', clocked);
    await advance(2 * SPAN_S + 1);
    // Past the span and one more: not served stale, computed anew while this caller waits.
    expect(await total()).toBe(first + 2);
  });
});

async function waitFor(done: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error('not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
