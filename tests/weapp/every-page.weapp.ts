// Every page of the weapp build (main package, oversight and grievance subpackages) opened in WeChat's
// simulator on data of its own from the real server, until the element that shows its data (not its
// spinner) is there, with what it must say. A staff member signs in with a password on the staff page
// first; the session carries over. A route added to app.config.ts without an entry here fails the suite,
// and any console.error (an exception in a page's render or lifecycle) fails the test of that page.
// The H5 twin is tests/web/every-page.web.ts; both take the routes and the data from tests/support/every-page.
import { appRoutes, CLOSED_COMMENTS, closedCycleCity, rateQuery, resetCodeFor } from '../support/every-page';
import { ADMIN } from './global-setup';
import { weapp } from './harness';
import { adminLogin, api, otherMemberToken, ownCityWithCampaign } from './server-api';

const MEMBER_TOKEN_KEY = 'pingjia.token';
const GRIEVANCE = `每页测试诉求${Date.now().toString(36)}：车间连续三个月拖欠加班工资，请工会帮助协调。`;

interface Ctx {
  open: Awaited<ReturnType<typeof ownCityWithCampaign>>;
  closed: Awaited<ReturnType<typeof closedCycleCity>>;
  resetCode: string;
}

interface Spec {
  /** the query to open it with (as WeChat hands it over: URL-encoded) */
  query: (c: Ctx) => string | Promise<string>;
  /** any of these ids shows it loaded with its data */
  ready: string[];
  /** element id → text it must contain, once ready */
  shows?: (c: Ctx) => Record<string, string>;
  /** input id → the value it must hold */
  values?: (c: Ctx) => Record<string, string>;
}

const closedQuery = (c: Ctx) => `homeId=${c.closed.home.id}&campaignId=${c.closed.closed.id}`;

const PAGES: Record<string, Spec> = {
  'pages/home/index': {
    query: (c) => `scene=${encodeURIComponent(c.open.home.sceneToken)}`,
    ready: ['home-grievance'],
    shows: (c) => ({ 'home-name': c.open.home.name, 'campaign-name': c.open.campaign.name }),
  },
  'pages/rate/index': { query: (c) => target(c), ready: ['rate-intro'], shows: () => ({ 'submit-rating': '提交' }) },
  'pages/thanks/index': { query: (c) => `${target(c)}&changed=0`, ready: ['thanks'], shows: (c) => ({ 'thanks-home': c.open.home.name }) },
  // Redirects to the chair page with its query.
  'pages/dashboard/index': {
    query: closedQuery,
    ready: ['chair-ratings'],
    shows: (c) => ({ 'chair-ratings': '11', 'chair-home': c.closed.home.name }),
  },
  'pages/membership/index': { query: (c) => target(c), ready: ['membership-title'] },
  'pages/mine/index': { query: () => '', ready: ['mine-note'] },
  'pages/grievance/index': {
    query: async (c) => `id=${await grievanceOf(c.open.home.id)}`,
    ready: ['grievance-status'],
    shows: (c) => ({ 'grievance-content': GRIEVANCE, 'grievance-home': c.open.home.name }),
  },
  'pages/grievance/new/index': {
    query: (c) => `homeId=${c.open.home.id}&homeName=${encodeURIComponent(c.open.home.name)}`,
    ready: ['grievance-intro'],
    shows: (c) => ({ 'grievance-home': c.open.home.name }),
  },
  'pages/grievance/done/index': { query: () => '', ready: ['grievance-done-gone'] },
  // The member filed one grievance above: their list shows it.
  'pages/grievance/mine/index': {
    query: () => '',
    ready: ['mine-grievance-0'],
    shows: () => ({ 'mine-grievance-text-0': GRIEVANCE.slice(0, 12) }),
  },
  'pages/grievance/track/index': { query: () => '', ready: ['track-code-label'] },
  'pages/grievance/queue/index': { query: () => '', ready: ['queue-total', 'queue-empty'] },
  // One org and no home: the staff page goes on to that org's overview.
  'oversight/pages/staff/index': { query: () => '', ready: ['staff-org-0', 'fed-homes'] },
  // The code from the invite link is looked up at once: the page says what it is for; weapp binds the
  // WeChat account (no username form) once confirmed.
  'oversight/pages/accept/index': {
    query: (c) => `code=${c.closed.inviteCode}`,
    ready: ['accept-submit'],
    shows: (c) => ({ 'accept-org': c.closed.home.name, 'accept-role': '职工之家工会主席', 'accept-parent': c.closed.city.name }),
  },
  // The chart page: the simulator lays nothing out, so the charts skip drawing; the figures and tables beside them must be right.
  'oversight/pages/chair/index': {
    query: closedQuery,
    ready: ['chair-comments-count'],
    shows: (c) => ({
      'chair-home': c.closed.home.name,
      'chair-campaign': c.closed.closed.name,
      'chair-ratings': '11',
      'chair-members': '20',
      'chair-participation': '55.0%',
      'chair-satisfaction': '100.0%',
      'chair-comments-count': '10',
      // 4, 5, 4, 3, 5 from each of the 11 raters
      'chair-criteria-table': '5.00',
    }),
  },
  'oversight/pages/comments/index': {
    query: closedQuery,
    ready: ['comments-list', 'comments-empty'],
    shows: () => ({ 'comments-list': CLOSED_COMMENTS[0] }),
  },
  'oversight/pages/poster/index': { query: closedQuery, ready: ['poster-image'], shows: (c) => ({ 'poster-home': c.closed.home.name }) },
  'oversight/pages/rectification/index': { query: closedQuery, ready: ['rect-status', 'rect-plan'] },
  'oversight/pages/federation/index': {
    query: (c) => `orgId=${c.closed.city.id}&campaignId=${c.closed.closed.id}`,
    ready: ['fed-homes'],
    shows: () => ({ 'fed-homes': '1', 'fed-ratings': '11' }),
  },
  // The table page.
  'oversight/pages/league/index': {
    query: (c) => `orgId=${c.closed.city.id}&campaignId=${c.closed.closed.id}`,
    ready: ['league-table'],
    shows: (c) => ({ 'league-table': c.closed.home.name }),
  },
  'oversight/pages/campaigns/index': {
    query: (c) => `orgId=${c.closed.city.id}`,
    ready: ['campaign-0'],
    shows: (c) => ({ 'campaign-0': c.closed.closed.name }),
  },
  'oversight/pages/manage/index': {
    query: (c) => `orgId=${c.closed.city.id}`,
    ready: ['manage-item-0'],
    shows: (c) => ({ 'manage-item-0': c.closed.home.name }),
  },
  'oversight/pages/held/index': {
    query: (c) => `orgId=${c.closed.city.id}`,
    ready: ['held-0'],
    shows: () => ({ 'held-text-0': CLOSED_COMMENTS[10] }),
  },
  'oversight/pages/audit/index': { query: (c) => `orgId=${c.closed.city.id}`, ready: ['audit-table'] },
  'oversight/pages/rectifications/index': {
    query: (c) => `orgId=${c.closed.city.id}&campaignId=${c.closed.closed.id}`,
    ready: ['rects-item-0'],
    shows: (c) => ({ 'rects-name-0': c.closed.home.name }),
  },
  'oversight/pages/import/index': { query: (c) => `orgId=${c.closed.city.id}`, ready: ['import-pick'] },
  // A city's admin reads the province's settings (only the province's admins change them).
  'oversight/pages/settings/index': {
    query: (c) => `orgId=${c.closed.city.id}`,
    ready: ['settings-form', 'calendar-import'],
    shows: () => ({ 'settings-form': '的设置' }),
  },
  'oversight/pages/roster/index': {
    query: (c) => `homeId=${c.closed.home.id}`,
    ready: ['roster-counts'],
    shows: (c) => ({ 'roster-home': c.closed.home.name, 'roster-counts': '名册共 0 人' }),
  },
  'oversight/pages/account/index': { query: () => '', ready: ['account-current'] },
  'oversight/pages/reset/index': { query: (c) => `code=${c.resetCode}`, ready: ['reset-user'], shows: () => ({ 'reset-user': 'reset_' }) },
};

/** A grievance filed (over the API) by the member the app is signed in as (the pages before signed it in). */
async function grievanceOf(homeId: string): Promise<string> {
  const token = weapp().storageGet(MEMBER_TOKEN_KEY);
  if (typeof token !== 'string') throw new Error('the app has no member session yet');
  const body = { homeId, type: 'complaint', topic: 'wages', content: GRIEVANCE, anonymous: true };
  const res = await api().post('/api/grievances', { token, body });
  if (res.status !== 201) throw new Error(`grievance: ${res.status} ${res.text}`);
  return res.body.id;
}

const target = (c: Ctx) => rateQuery(c.open.home, c.open.campaign);

describe('every weapp page, opened in the simulator, shows its data (weapp build, WeChat simulator)', () => {
  const h = weapp();
  let ctx: Ctx;

  beforeAll(async () => {
    const { token, provinceId } = await adminLogin();
    const closed = await closedCycleCity(api(), token, provinceId, otherMemberToken);
    ctx = { open: await ownCityWithCampaign(token, provinceId), closed, resetCode: await resetCodeFor(api(), token, closed.home.id) };
  }, 120_000);

  it('has an entry here for every route the app declares', () => {
    expect(Object.keys(PAGES).sort()).toEqual([...appRoutes()].sort());
  });

  it('a staff member signs in with a password on the staff page', async () => {
    await h.launch({ path: 'oversight/pages/staff/index' });
    await h.waitForId('login-submit');
    await h.type('login-username', ADMIN.username);
    await h.type('login-password', ADMIN.password);
    await h.tap('login-submit');
    await h.waitFor(() => h.find('staff-org-0') || h.find('fed-homes'), { message: "the staff member's orgs" });
    expect(h.env.requests.filter((r) => r.path === '/api/auth/password').map((r) => r.status)).toEqual([200]);
  });

  for (const [route, spec] of Object.entries(PAGES)) {
    it(route, async () => {
      const q = await spec.query(ctx);
      await h.reLaunch(`/${route}${q ? `?${q}` : ''}`);
      await h.waitFor(() => spec.ready.some((id) => h.find(id)), {
        message: `${route}: one of #${spec.ready.join(', #')}`,
        timeoutMs: 20_000,
      });
      for (const [id, text] of Object.entries(spec.shows?.(ctx) ?? {})) {
        await h.waitFor(() => h.find(id)?.textContent?.includes(text), { message: `${route}: #${id} to show "${text}"` });
      }
      for (const [id, value] of Object.entries(spec.values?.(ctx) ?? {})) {
        await h.waitFor(() => h.attr(id, 'value') === value, { message: `${route}: #${id} to hold "${value}"` });
      }
    });
  }
});
