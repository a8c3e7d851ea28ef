// axe-core on every page of the H5 app: each route the app declares (miniapp/src/app.config.ts) opens
// on data of its own, waits for the element that shows it loaded (not its spinner), and must have no
// serious or critical accessibility violation. A route added to the app without an entry here fails.
// A screenshot of each goes to the results folder (SCREENSHOTS_DIR/pages/).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, Page } from '../support/browser';
import { appRoutes, closedCycleCity, rateQuery, resetCodeFor } from '../support/every-page';
import { api, cityWithCampaign, expectAccessible, memberToken, SCREENSHOTS, staffToken } from './fixtures';
import { STAFF } from './global-setup';

const url = (path: string) => `${process.env.PINGJIA_URL}/${path}`;
const must = (what: string, res: { status: number; text: string; body: any }, status: number) => {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${res.text}`);
  return res.body;
};

interface Ctx {
  open: Awaited<ReturnType<typeof cityWithCampaign>>;
  cityId: string;
  home: { id: string; name: string };
  closed: { id: string };
  inviteCode: string;
  resetCode: string;
}

/** Per route: the query to open it with, and the element that shows it loaded with its data. */
const PAGES: Record<string, { query: (c: Ctx, page: Page) => string | Promise<string>; ready: string }> = {
  'pages/home/index': { query: (c) => `scene=${c.open.home.sceneToken}`, ready: '#home-grievance' },
  'pages/rate/index': { query: (c) => target(c), ready: '#rate-intro' },
  'pages/thanks/index': { query: (c) => `${target(c)}&changed=0`, ready: '#thanks' },
  // Redirects to the chair page (the stack stays one page deep) with its query.
  'pages/dashboard/index': { query: (c) => `homeId=${c.home.id}&campaignId=${c.closed.id}`, ready: '#chair-ratings' },
  'pages/membership/index': { query: (c) => target(c), ready: '#membership-title' },
  'pages/mine/index': { query: () => '', ready: '#mine-note' },
  'pages/grievance/index': { query: async (c, page) => `id=${await grievanceOf(page, c.open.home.id)}`, ready: '#grievance-status' },
  'pages/grievance/new/index': {
    query: (c) => `homeId=${c.open.home.id}&homeName=${encodeURIComponent(c.open.home.name)}`,
    ready: '#grievance-intro',
  },
  'pages/grievance/done/index': { query: () => '', ready: '#grievance-done-gone' },
  'pages/grievance/mine/index': { query: () => '', ready: '#grievance-mine-note' },
  'pages/grievance/track/index': { query: () => '', ready: '#track-code-label' },
  'pages/grievance/queue/index': { query: () => '', ready: '#queue-total, #queue-empty' },
  // One org and no home: the staff page goes on to that org's overview (its login form is checked in beforeAll).
  'oversight/pages/staff/index': { query: () => '', ready: '#staff-org-0, #fed-homes' },
  'oversight/pages/accept/index': { query: (c) => `code=${c.inviteCode}`, ready: '#accept-username' },
  'oversight/pages/chair/index': { query: (c) => `homeId=${c.home.id}&campaignId=${c.closed.id}`, ready: '#chair-comments-count' },
  'oversight/pages/comments/index': {
    query: (c) => `homeId=${c.home.id}&campaignId=${c.closed.id}`,
    ready: '#comments-list, #comments-empty',
  },
  'oversight/pages/poster/index': { query: (c) => `homeId=${c.home.id}&campaignId=${c.closed.id}`, ready: '#poster-image' },
  'oversight/pages/rectification/index': {
    query: (c) => `homeId=${c.home.id}&campaignId=${c.closed.id}`,
    ready: '#rect-status, #rect-plan',
  },
  'oversight/pages/federation/index': { query: (c) => `orgId=${c.cityId}&campaignId=${c.closed.id}`, ready: '#fed-homes' },
  'oversight/pages/league/index': { query: (c) => `orgId=${c.cityId}&campaignId=${c.closed.id}`, ready: '#league-table' },
  'oversight/pages/campaigns/index': { query: (c) => `orgId=${c.cityId}`, ready: '#campaign-0' },
  'oversight/pages/manage/index': { query: (c) => `orgId=${c.cityId}`, ready: '#manage-item-0' },
  'oversight/pages/held/index': { query: (c) => `orgId=${c.cityId}`, ready: '#held-0' },
  'oversight/pages/audit/index': { query: (c) => `orgId=${c.cityId}`, ready: '#audit-table' },
  'oversight/pages/rectifications/index': { query: (c) => `orgId=${c.cityId}&campaignId=${c.closed.id}`, ready: '#rects-item-0' },
  'oversight/pages/import/index': { query: (c) => `orgId=${c.cityId}`, ready: '#import-pick' },
  'oversight/pages/settings/index': { query: (c) => `orgId=${c.cityId}`, ready: '#calendar-import' },
  'oversight/pages/roster/index': { query: (c) => `homeId=${c.home.id}`, ready: '#roster-counts' },
  'oversight/pages/account/index': { query: () => '', ready: '#account-current' },
  'oversight/pages/reset/index': { query: (c) => `code=${c.resetCode}`, ready: '#reset-user' },
};

/** A grievance filed by the member this browser is signed in as (the pages before signed it in). */
async function grievanceOf(page: Page, homeId: string): Promise<string> {
  const token = JSON.parse((await page.evaluate(() => localStorage.getItem('pingjia.token'))) ?? '{}').data as string;
  const body = { homeId, type: 'complaint', topic: 'wages', content: '车间连续三个月拖欠加班工资，请工会帮助协调。', anonymous: true };
  return must('grievance', await api().post('/api/grievances', { token, body }), 201).id;
}

const target = (c: Ctx) => rateQuery(c.open.home, c.open.campaign);

/** An open city of its own (the member pages) and a closed one (the oversight pages), with an invite. */
async function setUp(): Promise<Ctx> {
  const open = await cityWithCampaign();
  const { token, provinceId } = await staffToken();
  const { city, home, closed, inviteCode } = await closedCycleCity(api(), token, provinceId, memberToken);
  const resetCode = await resetCodeFor(api(), token, home.id);
  return { open, cityId: city.id, home, closed, inviteCode, resetCode };
}

describe('every H5 page, loaded, passes axe', () => {
  let ctx: Ctx;
  let page: Page;
  let close: () => Promise<void>;
  const shots = join(SCREENSHOTS, 'pages');

  beforeAll(async () => {
    ctx = await setUp();
    const b = await launchBrowser();
    close = b.close;
    page = await b.browser.newPage();
    mkdirSync(shots, { recursive: true });
    // Staff sign in once on the staff page; the session carries over to the other pages.
    await page.goto(url('oversight/pages/staff/index'));
    await page.locator('#login-submit').waitFor({ timeout: 60_000 });
    await expectAccessible(page);
    await page.screenshot({ path: join(shots, 'oversight_pages_staff_index-login.png'), fullPage: true });
    await page.locator('#login-username input').fill(STAFF.username);
    await page.locator('#login-password input').fill(STAFF.password);
    await page.locator('#login-submit').click();
    await page.locator('#staff-org-0, #fed-homes').first().waitFor({ timeout: 60_000 });
  }, 120_000);
  afterAll(() => close?.());

  it('has an entry here for every route the app declares', () => {
    expect(Object.keys(PAGES).sort()).toEqual([...appRoutes()].sort());
  });

  for (const [route, spec] of Object.entries(PAGES)) {
    it(`${route}`, async () => {
      const q = await spec.query(ctx, page);
      await page.goto(url(`${route}${q ? `?${q}` : ''}`));
      await page.locator(spec.ready).first().waitFor({ state: 'visible', timeout: 20_000 });
      await expectAccessible(page);
      await page.screenshot({ path: join(shots, `${route.replace(/\//g, '_')}.png`), fullPage: true });
    });
  }
});
