// DASHBOARD_CACHE_SECONDS (on in production): a dashboard answer is reused for a while, but who may see
// it is checked on every request, and a home's answer for its chair never comes from an upper level's.
import { LEAGUE_SORT_KEYS } from '@pingjia/shared';
import { randomBytes } from 'node:crypto';
import { openRawWriter } from '../support/db';
import { confirmedMove, openCycle } from '../support/campaigns';
import { adminOn, GOOD_SCORES, ratingPath } from './fixtures';
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

// A closed cycle's part of the tree (org-dashboard.service.ts): its figures do not change after the close,
// so it is kept for FINAL_SPANS (20) spans, not refreshed every span, while the part's grievance sums are.
// What could still change it is dropped at once when this server makes the change (a home edited or
// imported: TreeChanges); an edit this server did not make (another instance's, here a write straight into
// the database) is seen once the 20 spans are out.
describe('dashboard cache: a closed cycle’s part of the tree', () => {
  const SPAN_S = 60;
  const FINAL_SPANS = 20;
  let clocked: OwnServer;
  beforeAll(async () => {
    clocked = await startOwnServer('dashboard-cache-final', { DASHBOARD_CACHE_SECONDS: String(SPAN_S), TEST_CLOCK: 'true' });
  }, 120_000);
  afterAll(() => clocked?.close());

  /** A city of its own with one home, and a cycle over it in which five members rated, closed and published. */
  async function publishedCity(
    token: string,
    provinceId: string,
    tag: string,
    homeName: string,
    addHome: (cityId: string) => Promise<string>,
  ) {
    const city = await clocked.api.post('/api/orgs', { token, body: { parentId: provinceId, name: `封存市${tag}`, level: 'city' } });
    expect(city.status).toBe(201);
    const homeId = await addHome(city.body.id);
    const cycle = await openCycle(clocked.api, token, city.body.id, `封存周期${tag}`);
    for (let i = 0; i < 5; i++) {
      const rated = await clocked.api.put(ratingPath(cycle.id, homeId), {
        token: await member(clocked),
        body: { scores: GOOD_SCORES, verdict: 'satisfied' },
      });
      expect(rated.status).toBe(201);
    }
    for (const step of ['close', 'publish'] as const) expect((await confirmedMove(clocked.api, token, cycle.id, step)).status).toBe(200);
    // Each read another sort or page size: an answer of its own, made from the part as it is kept at that moment.
    let n = 0;
    const view = async () => {
      n++;
      const sort = LEAGUE_SORT_KEYS[Math.floor(n / 100) % LEAGUE_SORT_KEYS.length];
      const res = await clocked.api.get(
        `/api/orgs/${city.body.id}/dashboard?campaignId=${cycle.id}&sort=${sort}&pageSize=${1 + (n % 100)}`,
        {
          token,
        },
      );
      expect(res.status).toBe(200);
      expect(res.body.league.items.map((i: { name: string }) => i.name)).toHaveLength(1);
      return {
        name: res.body.league.items[0].name as string,
        ratings: res.body.totals.ratings as number,
        grievances: res.body.grievances.total as number,
      };
    };
    expect(await view()).toEqual({ name: homeName, ratings: 5, grievances: 0 });
    return { homeId, cityId: city.body.id as string, view };
  }

  it('keeps its figures for 20 spans, refreshes its grievance sums every span, and drops it when a home is edited here', async () => {
    const { token, provinceId } = await adminOn(clocked.api);
    const tag = randomBytes(3).toString('hex');
    const { homeId, view } = await publishedCity(token, provinceId, tag, `原名厂工会${tag}`, async (orgId) => {
      const created = await clocked.api.post('/api/homes', {
        token,
        body: { orgId, name: `原名厂工会${tag}`, kind: 'enterprise', memberCount: 20, membershipMode: 'open' },
      });
      expect(created.status).toBe(201);
      return created.body.id as string;
    });
    const advance = async (s: number) =>
      expect((await clocked.api.post('/api/__test/clock', { body: { advanceMs: s * 1000 } })).status).toBe(200);

    // A grievance, and a rename this server does not know of.
    await file(await member(clocked), homeId, 'wages', clocked);
    const db = await openRawWriter(clocked.target.url, clocked.target.dataDir);
    try {
      await db.query('UPDATE homes SET name = ? WHERE id = ?', [`库中改名厂工会${tag}`, homeId]);
    } finally {
      await db.close();
    }
    await advance(SPAN_S + 1);
    // The grievance sums are refreshed after a span...
    await waitFor(async () => (await view()).grievances === 1);
    await new Promise((r) => setTimeout(r, 500));
    // ...the cycle's figures are not.
    expect(await view()).toEqual({ name: `原名厂工会${tag}`, ratings: 5, grievances: 1 });

    // Past the 20 spans the part is read again: the rename is seen.
    await advance(FINAL_SPANS * SPAN_S);
    await waitFor(async () => (await view()).name === `库中改名厂工会${tag}`);

    // Edited through this server: seen at once.
    const renamed = await clocked.api.put(`/api/homes/${homeId}`, { token, body: { name: `新名厂工会${tag}` } });
    expect(renamed.status).toBe(200);
    expect(await view()).toEqual({ name: `新名厂工会${tag}`, ratings: 5, grievances: 1 });
  });

  it('drops it when an import renames one of its homes', async () => {
    const { token, provinceId } = await adminOn(clocked.api);
    const tag = randomBytes(3).toString('hex');
    const code = `FIN-${tag}`;
    const header = '上级工会编码,名称,类型,行业,所有制,会员人数,职工人数,评议方式,外部编码';
    const imported = async (orgId: string, name: string) => {
      const raw = `${header}\n,${name},企业职工之家,,,20,,开放,${code}`;
      const checked = await clocked.api.post(`/api/orgs/${orgId}/imports`, { token, raw, headers: { 'content-type': 'text/csv' } });
      expect(checked.status).toBe(202);
      const job = async (states: string[]) => {
        let res;
        do {
          await new Promise((r) => setTimeout(r, 100));
          res = await clocked.api.get(`/api/imports/${checked.body.id}`, { token });
          expect(res.status).toBe(200);
        } while (!states.includes(res.body.status));
        return res.body;
      };
      expect((await job(['checked', 'failed'])).status).toBe('checked');
      expect((await clocked.api.post(`/api/imports/${checked.body.id}/apply`, { token })).status).toBe(202);
      expect((await job(['applied', 'failed'])).status).toBe('applied');
    };
    const { cityId, view } = await publishedCity(token, provinceId, tag, `导入厂工会${tag}`, async (orgId) => {
      await imported(orgId, `导入厂工会${tag}`);
      const homes = await clocked.api.get(`/api/orgs/${orgId}/children`, { token });
      expect(homes.status).toBe(200);
      return homes.body.items.find((i: { name: string }) => i.name === `导入厂工会${tag}`).id as string;
    });
    await imported(cityId, `改名厂工会${tag}`);
    expect((await view()).name).toBe(`改名厂工会${tag}`);
  });
});

async function waitFor(done: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error('not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}
