// The chair's dashboard page of the weapp build (oversight/pages/chair, reached through the old
// pages/dashboard link, which hands its query on): staff login on the page, figures from the server
// (the open cycle's as the server chooses to show them, then the final ones, which the test knows),
// refresh, and the server's refusals (expired token, unknown home) shown as states, not crashes.
import { randomUUID } from 'node:crypto';
import { CRITERION_KEYS, daysLeftText, openFiguresNote, type Scores, type Verdict } from '@pingjia/shared';
import { weapp } from './harness';
import { ADMIN } from './global-setup';
import { adminLogin, closeCampaign, homeDashboard, ownCityWithCampaign, rateAsNewMember } from './server-api';
import { allCriteria, scoresOf } from '../support/scores';

const STAFF_TOKEN_KEY = 'pingjia.staffToken';
const CHAIR_PAGE = 'oversight/pages/chair/index';

const RATINGS: Array<{ scores: Scores; verdict: Verdict }> = [
  { scores: allCriteria({ organization: 5, rights: 4, work: 4, role: 3, trust: 5 }), verdict: 'satisfied' },
  { scores: allCriteria({ organization: 4, rights: 4, work: 3, role: 3, trust: 4 }), verdict: 'satisfied' },
  { scores: allCriteria({ organization: 3, rights: 2, work: 4, role: 4, trust: 3 }), verdict: 'basically_satisfied' },
  { scores: allCriteria({ organization: 5, rights: 5, work: 5, role: 4, trust: 5 }), verdict: 'satisfied' },
  { scores: allCriteria({ organization: 2, rights: 1, work: 2, role: 2, trust: 1 }), verdict: 'dissatisfied' },
];
const LATE = { scores: scoresOf(1), verdict: 'dissatisfied' as const };

/** Each criterion's mean as the page should print it, computed from the ratings the test sent. */
const means = (ratings: Array<{ scores: Scores }>) =>
  Object.fromEntries(CRITERION_KEYS.map((k) => [k, (ratings.reduce((s, r) => s + r.scores[k], 0) / ratings.length).toFixed(2)]));
const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

describe("the chair's dashboard page (weapp build, WeChat simulator)", () => {
  const h = weapp();
  let admin: string;
  let home: { id: string; name: string; memberCount: number };
  let campaign: { id: string; name: string };

  beforeAll(async () => {
    const { token, provinceId } = await adminLogin();
    admin = token;
    // A home and campaign of this suite's own, so the figures are exactly the ratings sent here.
    ({ home, campaign } = await ownCityWithCampaign(token, provinceId));
    for (const r of RATINGS) await rateAsNewMember(campaign.id, home.id, r);
  });

  async function logIn(password = ADMIN.password) {
    await h.waitForId('login-submit');
    await h.type('login-username', ADMIN.username);
    await h.type('login-password', password);
    await h.tap('login-submit');
  }

  /**
   * The page shows these figures, worked out here from the ratings the test sent — never read from the
   * API the page itself calls, which would agree with the page whatever both got wrong. Only the days
   * left (a date, not a figure) come from the server.
   */
  async function expectPage(want: { ratings: number; open: boolean; satisfaction?: number; means?: Record<string, string> }) {
    await h.waitFor(() => h.find('chair-ratings')?.textContent === String(want.ratings), { message: `chair-ratings ${want.ratings}` });
    expect(h.text('chair-home')).toBe(home.name);
    expect(h.text('chair-campaign')).toContain(campaign.name);
    expect(h.text('chair-members')).toBe(String(home.memberCount));
    expect(h.text('chair-participation')).toBe(percent(want.ratings / home.memberCount));
    // Valid from 30 % of the members.
    expect(h.text('chair-valid')).toContain(want.ratings / home.memberCount >= 0.3 ? '本轮评议有效' : '才有效');
    if (want.open) {
      // Open: participation (rounded down to 5), the days left and why; no withheld cards at all.
      const server = await homeDashboard(admin, home.id, campaign.id);
      expect(h.text('chair-days-left')).toContain(daysLeftText(server.openCycle.daysLeft));
      expect(h.text('chair-open-note')).toBe(openFiguresNote());
      for (const id of ['chair-withheld', 'chair-satisfaction', 'chair-satisfaction-withheld', 'chair-criteria-withheld'])
        expect([id, h.find(id)]).toEqual([id, null]);
      return;
    }
    expect(h.find('chair-open')).toBeNull();
    expect(h.find('chair-withheld')).toBeNull();
    expect(h.text('chair-satisfaction')).toBe(percent(want.satisfaction!));
    for (const k of CRITERION_KEYS) expect(h.text(`chair-mean-${k}`)).toBe(want.means![k]);
  }

  it('asks staff to log in, then shows the figures the server gives for the open cycle', async () => {
    await h.launch({ path: 'pages/dashboard/index', query: { homeId: home.id, campaignId: campaign.id } });
    // The old path redirects (the stack stays one page deep) with its query.
    await h.waitForRoute(CHAIR_PAGE);
    expect(h.pages).toHaveLength(1);
    expect(h.navigations.at(-1)!.api).toBe('redirectTo');
    expect(h.current.query).toEqual({ homeId: home.id, campaignId: campaign.id });
    expect(h.find('chair-ratings')).toBeNull();
    await logIn();
    await h.waitForId('chair-ratings');
    // While a cycle is open only participation shows, rounded down to a multiple of 5: 5 sent show 5.
    await expectPage({ ratings: Math.floor(RATINGS.length / 5) * 5, open: true });
  });

  it('refresh after one more rating and the close: the final figures, exactly those of the ratings sent', async () => {
    await rateAsNewMember(campaign.id, home.id, LATE);
    await closeCampaign(admin, campaign.id);
    await h.tap('chair-refresh');
    const all = [...RATINGS, LATE];
    // Satisfied or basically satisfied, of all ratings sent.
    const content = all.filter((r) => r.verdict !== 'dissatisfied').length / all.length;
    await expectPage({ ratings: all.length, open: false, satisfaction: content, means: means(all) });
  });

  it('a token the server refuses brings back the login form with a notice; a wrong password is told apart', async () => {
    h.env.storage.set(STAFF_TOKEN_KEY, JSON.stringify('not-a-valid-token'));
    await h.tap('chair-refresh');
    await h.waitForId('login-submit');
    expect(h.pageText()).toContain('登录已失效，请重新登录');
    expect(h.storageGet(STAFF_TOKEN_KEY)).toBeUndefined();

    await logIn('wrong-password-123');
    await h.waitForId('login-error');
    expect(h.text('login-error')).toBe('用户名或密码不正确');

    await logIn();
    await h.waitForId('chair-ratings');
    expect(h.text('chair-ratings')).toBe(String(RATINGS.length + 1));
  });

  it('a home the server does not know: the page shows the error state with a retry, not a crash', async () => {
    await h.reLaunch(`/pages/dashboard/index?homeId=${randomUUID()}`);
    await h.waitForRoute(CHAIR_PAGE);
    await h.waitForId('retry');
    expect(h.pageText()).toContain('未找到，或您没有权限查看');
    expect(h.find('chair-ratings')).toBeNull();
    const last = h.env.requests.at(-1)!;
    expect(last.path).toMatch(/^\/api\/homes\/[0-9a-f-]{36}\/dashboard$/);
    expect(last.status).toBe(404);
  });
});
