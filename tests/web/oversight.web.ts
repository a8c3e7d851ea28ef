// Issue #5 in a real browser: a federation admin creates a city, a home in it and the city's rating
// cycle, and invites the home's chair; the chair accepts on H5 and sees the dashboard withheld; five
// members rate and the cycle closes, and the figures (and charts) appear; the city's league table shows
// the home on a desktop-wide screen, and the Excel export downloads as a real workbook. Screenshots of
// both views go to the results folder (SCREENSHOTS_DIR); `bash scripts/screenshots.sh` refreshes
// docs/screenshots/ from them.
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CRITERION_KEYS,
  TIER_LABELS,
  awardedTitle,
  commentsWithheldText,
  daysLeftText,
  formatChinaDate,
  openFiguresNote,
  type CriterionKey,
  type Verdict,
} from '@pingjia/shared';
import { launchBrowser, Page, watchErrors } from '../support/browser';
import { api, expectAccessible, memberToken, pickDate, SCREENSHOTS, staffToken, text, uniq } from './fixtures';
import { STAFF } from './global-setup';
import { allCriteria, scoresOf } from '../support/scores';

const MEMBERS = 15;
const CHAIR = { username: uniq('chair_'), password: 'chair-password-2026' };

// Five members: 4 of 5 positive (80%), organization scores 5,4,4,3,2 (mean 3.60).
const RATINGS: Array<{ scores: Record<CriterionKey, number>; verdict: Verdict }> = [
  { scores: allCriteria({ organization: 5, rights: 4, work: 4, role: 5, trust: 5 }), verdict: 'satisfied' },
  { scores: allCriteria({ organization: 4, rights: 4, work: 3, role: 4, trust: 4 }), verdict: 'satisfied' },
  { scores: allCriteria({ organization: 4, rights: 3, work: 4, role: 3, trust: 4 }), verdict: 'basically_satisfied' },
  { scores: scoresOf(3), verdict: 'basically_satisfied' },
  { scores: allCriteria({ organization: 2, rights: 1, work: 2, role: 2, trust: 1 }), verdict: 'dissatisfied' },
];
const mean = (k: CriterionKey) => (RATINGS.reduce((s, r) => s + r.scores[k], 0) / RATINGS.length).toFixed(2);
const SATISFACTION = '80.0%'; // (2 + 2) / 5
const url = (path: string) => `${process.env.PINGJIA_URL}${path}`;
const chinaDay = (offsetDays = 0) => new Date(Date.now() + 8 * 3600e3 + offsetDays * 86400e3).toISOString().slice(0, 10);
/** The same day a year later, as the picker's year column gives it (29 February has none: the picker keeps 28). */
const nextYear = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
  return `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
};

/** Taro's H5 page scrolls inside .taro_page: grow the viewport to the page's height for a whole-page picture. */
async function screenshotWholePage(page: Page, path: string) {
  const size = page.viewportSize()!;
  const height = await page.evaluate(() => document.querySelector('.taro_page.taro_page_show')?.scrollHeight ?? document.body.scrollHeight);
  await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.waitForTimeout(300);
  await page.screenshot({ path, fullPage: true });
  await page.setViewportSize(size);
}

async function rate(campaignId: string, homeId: string, ratings: typeof RATINGS) {
  for (const r of ratings) {
    const res = await api().put(`/api/campaigns/${campaignId}/homes/${homeId}/my-rating`, { token: await memberToken(), body: r });
    expect(res.status).toBe(201);
  }
}

async function logIn(page: Page, username: string, password: string) {
  await page.locator('#login-username input').fill(username);
  await page.locator('#login-password input').fill(password);
  await page.locator('#login-submit').click();
}

/** Waits until a canvas carries paint on more than `min` pixels: a drawn chart has thousands, a blank one none. */
const waitForPaint = (page: Page, selector: string, min = 2000) =>
  page.waitForFunction(
    ([sel, least]) => {
      const c = document.querySelector(sel) as HTMLCanvasElement | null;
      if (!c || !c.width || !c.height) return false;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n > least;
    },
    [selector, min] as const,
    { timeout: 10_000 },
  );

describe('oversight in the browser: a city, its cycle and a home; the chair is invited; withheld, then figures; league and export', () => {
  let provinceId = '';
  let adminToken = '';
  const cityName = uniq('界面测试市总工会');
  const homeName = uniq('界面测试职工之家');
  const campaignName = uniq('界面测试年度评家');
  let cityId = '';
  let homeId = '';
  let campaignId = '';
  let inviteCode = '';
  let admin: { page: Page; close: () => Promise<void>; errors: string[] };
  let chair: { page: Page; close: () => Promise<void>; errors: string[] };
  const downloads = mkdtempSync(join(tmpdir(), 'pingjia-export-'));

  async function browserAt(width: number, height: number) {
    const b = await launchBrowser();
    const page = await b.browser.newPage();
    await page.setViewportSize({ width, height });
    // 404 for "no rectification plan yet" is part of the flow, like "no rating yet".
    return { page, close: b.close, errors: watchErrors(page, [/\/my-rating$/, /\/rectification$/]) };
  }

  /** The index in a list of items (`prefix-<i>`) of the one showing `name`. */
  async function indexOf(page: Page, prefix: string, name: string): Promise<string> {
    const item = page.locator(`[id^="${prefix}-"]`, { hasText: name }).first();
    await item.waitFor({ state: 'visible' });
    return (await item.getAttribute('id'))!.slice(prefix.length + 1);
  }

  beforeAll(async () => {
    ({ token: adminToken, provinceId } = await staffToken());
    mkdirSync(SCREENSHOTS, { recursive: true });
    admin = await browserAt(1280, 900);
    chair = await browserAt(390, 844);
  });
  afterAll(async () => {
    await admin?.close();
    await chair?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('a federation admin logs in and creates a city under the province, then a home in the city', async () => {
    const { page } = admin;
    await page.goto(url(`/oversight/pages/manage/index?orgId=${provinceId}`));
    await logIn(page, STAFF.username, STAFF.password);
    await page.locator('#org-name input').fill(cityName);
    await page.locator('#org-level-city').click();
    await page.locator('#org-create').click();
    expect(await text(page, '#org-notice')).toContain('已创建');
    await page.locator(`#manage-open-${await indexOf(page, 'manage-item', cityName)}`).click();
    expect(await text(page, `text=${cityName}的下级`)).toBe(`${cityName}的下级`);

    await page.locator('#home-name input').fill(homeName);
    await page.locator('#home-members input').fill(String(MEMBERS));
    await page.locator('#home-create').click();
    expect(await text(page, '#home-notice')).toContain('已创建');

    const provinceChildren = await api().get(`/api/orgs/${provinceId}/children`, { token: adminToken });
    cityId = provinceChildren.body.items.find((i: { name: string }) => i.name === cityName).id;
    const cityChildren = await api().get(`/api/orgs/${cityId}/children`, { token: adminToken });
    expect(cityChildren.body.items).toEqual([
      expect.objectContaining({ type: 'home', name: homeName, memberCount: MEMBERS, membershipMode: 'open' }),
    ]);
    homeId = cityChildren.body.items[0].id;
  });

  it('invites the chair: a single-use code with its expiry', async () => {
    const { page } = admin;
    const index = await indexOf(page, 'manage-item', homeName);
    await page.locator(`#manage-invite-${index}`).click();
    inviteCode = await text(page, `#manage-invite-code-${index}`);
    expect(inviteCode).toMatch(/^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/);
    expect(await text(page, `#manage-invite-expiry-${index}`)).toMatch(/有效期至 \d{4}年\d{1,2}月\d{1,2}日/);
  });

  it("creates the city's rating cycle and opens it", async () => {
    const { page } = admin;
    await page.locator('#fed-nav-campaigns').click();
    await page.locator('#campaign-name input').fill(campaignName);
    // Days from the date picker: from today to the same day next year.
    await pickDate(page, '#campaign-opens');
    await pickDate(page, '#campaign-closes', { year: 1 });
    await page.locator('#campaign-submit').click();
    expect(await text(page, '#campaign-notice')).toContain('已创建');
    const index = await indexOf(page, 'campaign', campaignName);
    expect(await text(page, `#campaign-status-${index}`)).toContain('草稿');
    await page.locator(`#campaign-open-${index}`).click();
    await page.locator(`#campaign-confirm-${index}`).click();
    await page.waitForFunction((i) => document.querySelector(`#campaign-status-${i}`)?.textContent?.includes('评议中'), index);
    const list = await api().get(`/api/campaigns?orgId=${cityId}`, { token: adminToken });
    campaignId = list.body.find((c: { name: string }) => c.name === campaignName).id;
    expect(list.body.find((c: { id: string }) => c.id === campaignId).status).toBe('open');
  });

  it('the chair enters the code, sets a username and password, and lands on a dashboard that says the cycle is open: participation, the days left, and when and why the rest appears', async () => {
    const { page } = chair;
    await page.goto(url('/oversight/pages/accept/index'));
    await page.locator('#accept-code input').fill(inviteCode);
    await page.locator('#accept-look').click();
    expect(await text(page, '#accept-org')).toBe(homeName);
    await page.locator('#accept-username input').fill(CHAIR.username);
    await page.locator('#accept-password input').fill(CHAIR.password);
    await page.locator('#accept-password2 input').fill(CHAIR.password);
    await page.locator('#accept-submit').click();

    expect(await text(page, '#chair-home')).toBe(homeName);
    expect(await text(page, '#chair-campaign')).toContain(campaignName);
    expect(await text(page, '#chair-ratings')).toBe('0');
    expect(await text(page, '#chair-members')).toBe(String(MEMBERS));
    expect(await text(page, '#chair-valid')).toContain('还差 5 人');
    // The cycle is open: how long it runs, and that everything but participation comes once, at the close, and why.
    const closesOn = nextYear(chinaDay());
    const days = (Date.parse(closesOn) - Date.parse(chinaDay())) / 86400e3;
    expect(await text(page, '#chair-days-left')).toBe(`${daysLeftText(days)}（${formatChinaDate(`${closesOn}T12:00:00+08:00`)}截止）`);
    expect(await text(page, '#chair-open-note')).toBe(openFiguresNote());
    expect(await text(page, '#chair-open-why')).toContain('无法从前后两次的差别推算');
    expect(await text(page, '#chair-comments-withheld')).toContain(commentsWithheldText('campaign_open'));
    // No empty shells: no withheld satisfaction, criteria or group cards, nothing drawn or printed as a number.
    expect(await page.locator('#chair-withheld, #chair-satisfaction-withheld, #chair-criteria-withheld, #chair-title').count()).toBe(0);
    expect(await page.locator('#chair-satisfaction, #chair-radar, #chair-mean-organization').count()).toBe(0);

    // The invite was single-use: the same code again is refused.
    const again = await api().post(`/api/invites/${inviteCode}/accept`, {
      body: { username: uniq('other_'), password: 'other-password-1' },
    });
    expect(again.status).toBe(409);
  });

  it('five members rate (the open page shows 5 and still nothing else), the admin closes the cycle, and the figures, charts and their tables appear', async () => {
    await rate(campaignId, homeId, RATINGS);
    await chair.page.locator('#chair-refresh').click();
    await chair.page.waitForFunction(() => document.querySelector('#chair-ratings')?.textContent?.includes('5'));
    expect(await text(chair.page, '#chair-ratings')).toBe('5');
    expect(await chair.page.locator('#chair-open').count()).toBe(1);
    expect(await chair.page.locator('#chair-satisfaction, #chair-mean-organization').count()).toBe(0);
    // Two more homes of the city for the league table: one with six ratings, one with two (withheld).
    for (const [n, count] of [
      [uniq('对照甲职工之家'), 6],
      [uniq('对照乙职工之家'), 2],
    ] as const) {
      const home = await api().post('/api/homes', {
        token: adminToken,
        body: { orgId: cityId, name: n, kind: 'joint', memberCount: 20, membershipMode: 'open' },
      });
      expect(home.status).toBe(201);
      await rate(
        campaignId,
        home.body.id,
        Array.from({ length: count }, (_, i) => ({ ...RATINGS[i % 4], verdict: 'satisfied' as Verdict })),
      );
    }
    const { page: adminPage } = admin;
    const index = await indexOf(adminPage, 'campaign', campaignName);
    await adminPage.locator(`#campaign-close-${index}`).click();
    await adminPage.locator(`#campaign-confirm-${index}`).click();
    await adminPage.waitForFunction((i) => document.querySelector(`#campaign-status-${i}`)?.textContent?.includes('已结束'), index);

    const { page } = chair;
    await page.locator('#chair-refresh').click();
    expect(await text(page, '#chair-satisfaction')).toBe(SATISFACTION);
    expect(await text(page, '#chair-ratings')).toBe('5');
    expect(await page.locator('#chair-withheld, #chair-open').count()).toBe(0);
    expect(await text(page, '#chair-verdict-satisfied')).toBe('2 人');
    expect(await text(page, '#chair-verdict-dissatisfied')).toBe('1 人');
    expect(await text(page, '#chair-valid')).toContain('本轮评议有效');
    for (const k of CRITERION_KEYS) expect(await text(page, `#chair-mean-${k}`)).toBe(mean(k));
    // 5 of 15 took part (valid) and 80% are satisfied: the title the shared rules give, not a guess.
    const counts = { satisfied: 2, basicallySatisfied: 2, dissatisfied: 1 };
    expect(await text(page, '#chair-title')).toBe(TIER_LABELS[awardedTitle({ ratings: 5, members: MEMBERS, counts })]);
    expect(await text(page, '#chair-tier-gap')).toContain('还差满意率');
    // Distribution of the organization scores (5,4,4,3,2) in the table beside the charts.
    const row = page.locator('#chair-criteria-table-row-0 td');
    expect(await row.allInnerTexts()).toEqual(['组织健全', mean('organization'), '0', '1', '1', '2', '1']);
    await waitForPaint(page, '#chair-radar');
    await waitForPaint(page, '#chair-bars');
    // Five ratings are not ten: comments stay withheld.
    expect(await text(page, '#chair-comments-withheld')).toContain('样本不足，暂不显示');
  });

  it('the chair dashboard has no serious or critical accessibility violation (screenshot saved)', async () => {
    const { page } = chair;
    await expectAccessible(page);
    await screenshotWholePage(page, join(SCREENSHOTS, 'chair-dashboard.png'));
  });

  it("the city's league table on a 1280-wide screen is a real table with the home, sortable and accessible", async () => {
    const { page } = admin;
    await page.goto(url(`/oversight/pages/league/index?orgId=${cityId}&campaignId=${campaignId}`));
    const row = page.locator('#league-table tbody tr', { hasText: homeName });
    await row.waitFor({ state: 'visible' });
    const cells = await row.locator('td').allInnerTexts();
    expect(cells).toContain(SATISFACTION);
    expect(cells).toContain('5 / 15');
    expect(cells).toContain(mean('organization'));
    expect(await page.locator('#league-table tbody tr', { hasText: '对照乙' }).locator('td').allInnerTexts()).toContain(
      '样本不足，暂不显示',
    );

    // A real table across the width, not a phone column.
    const layout = await page.locator('#league-table').evaluate((t) => ({
      width: t.getBoundingClientRect().width,
      row: getComputedStyle(t.querySelector('tbody tr')!).display,
      headers: t.querySelectorAll('thead th[scope="col"]').length,
    }));
    expect(layout.row).toBe('table-row');
    expect(layout.width).toBeGreaterThan(1000);
    expect(layout.headers).toBeGreaterThanOrEqual(11);

    // Satisfaction, highest first (the default): the header says so and the rows agree; then by name.
    expect(await page.locator('#league-table th[aria-sort="descending"]').innerText()).toBe('满意率');
    const rates = (await page.locator('#league-table tbody tr td:nth-child(6)').allInnerTexts())
      .filter((t) => t.endsWith('%'))
      .map(parseFloat);
    expect(rates).toHaveLength(2);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    await page.locator('#league-sort-name').click();
    await page.waitForFunction(() => document.querySelector('#league-table th[aria-sort="ascending"]')?.textContent === '职工之家');

    await expectAccessible(page);
    await page.locator('#league-sort-satisfaction').click();
    await page.waitForFunction(() => document.querySelector('#league-table th[aria-sort="descending"]')?.textContent === '满意率');
    await screenshotWholePage(page, join(SCREENSHOTS, 'federation-league.png'));
  });

  it('downloads the Excel export, a workbook that lists the home', async () => {
    const { page } = admin;
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#league-export').click()]);
    expect(download.suggestedFilename()).toBe('职工之家评议汇总.xlsx');
    const file = join(downloads, 'league.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.length).toBeGreaterThan(0);
    const cells: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((r) => r.eachCell((c) => cells.push(String(c.value)))));
    expect(cells).toContain(homeName);
    expect(await text(page, '#league-notice')).toContain('已开始下载');
  });

  it("drills down from the league table to the home, where the admin sees the chair's figures", async () => {
    const { page } = admin;
    await page.locator('#league-table tbody tr', { hasText: homeName }).locator('[id^="league-open-"]').click();
    expect(await text(page, '#chair-home')).toBe(homeName);
    expect(await text(page, '#chair-satisfaction')).toBe(SATISFACTION);
  });

  it('the chair sees the poster, posts a rectification plan and a progress report; the admin signs it off', async () => {
    const { page } = chair;
    await page.locator('#chair-nav-poster').click();
    await page.waitForFunction(() => {
      const img = document.querySelector('#poster-image img') as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth > 200;
    });
    expect(await text(page, '#poster-save')).toBe('下载海报');

    await page.locator('#chair-nav-rectification').click();
    expect(await text(page, '#rect-status')).toContain('尚未提交整改方案');
    await page.locator('#rect-plan textarea').fill('每季度召开一次会员座谈会，公开经费使用');
    await page.locator('#rect-plan-submit').click();
    expect(await text(page, '#rect-notice')).toBe('整改方案已提交');
    expect(await text(page, '#rect-plan-text')).toBe('每季度召开一次会员座谈会，公开经费使用');
    await page.locator('#rect-progress textarea').fill('第一季度座谈会已召开');
    await page.locator('#rect-progress-submit').click();
    expect(await text(page, '#rect-update-0')).toContain('第一季度座谈会已召开');
    // Signing off is the upper level's: the chair has no such button.
    expect(await page.locator('#rect-signoff').count()).toBe(0);

    const { page: a } = admin;
    await a.locator('#chair-nav-rectification').click();
    expect(await text(a, '#rect-plan-text')).toBe('每季度召开一次会员座谈会，公开经费使用');
    await a.locator('#rect-signoff').click();
    expect(await text(a, '#rect-notice')).toBe('已验收');
    expect(await text(a, '#rect-status')).toMatch(/上级工会已于 \d{4}-\d{2}-\d{2} 验收/);
    expect(await a.locator('#rect-plan').count()).toBe(0);
  });

  it("the chair's tabs lead to the home's grievance queue (none filed here)", async () => {
    const { page } = chair;
    await page.locator('#chair-nav-grievances').click();
    expect(await text(page, '#queue-empty')).toBe('目前没有需要您处理的诉求。');
  });

  it("the city's overview, held comments and audit log show what happened", async () => {
    const { page } = admin;
    await page.goto(url(`/oversight/pages/federation/index?orgId=${cityId}&campaignId=${campaignId}`));
    expect(await text(page, '#fed-org')).toBe(cityName);
    expect(await text(page, '#fed-homes')).toBe('3 家');
    expect(await text(page, '#fed-ratings')).toBe('13 人');
    expect(await text(page, '#fed-reported')).toBe('2 家');
    // the integrity flags section of the level above (its content: tests/api/integrity.api.ts)
    expect(await page.locator('#fed-flags').count()).toBe(1);
    await page.locator('#fed-nav-held').click();
    expect(await text(page, '#held-empty')).toBe('没有待审核的留言');
    await page.locator('#fed-nav-audit').click();
    await page.locator('#audit-table tbody tr').first().waitFor({ timeout: 20_000 });
    const actions = await page.locator('#audit-table tbody td:nth-child(2)').allInnerTexts();
    expect(actions).toEqual(
      expect.arrayContaining([
        '验收整改',
        '报告整改进展',
        '提交整改方案',
        '结束评议',
        '开始评议',
        '新建评议周期',
        '发出邀请',
        '接受邀请',
        '新建职工之家',
      ]),
    );
  });

  it("the federation removes the chair (after a confirmation): the chair's open session is refused at once", async () => {
    const { page } = admin;
    await page.goto(url(`/oversight/pages/manage/index?orgId=${cityId}`));
    const item = page.locator('[id^="manage-item-"]', { hasText: homeName });
    await item.waitFor();
    const i = (await item.getAttribute('id'))!.replace('manage-item-', '');
    await page.locator(`#manage-chairs-${i}`).click();
    expect(await text(page, `#manage-chair-name-${i}-0`)).toBe(CHAIR.username);
    expect(await page.locator(`[id^="manage-chair-name-${i}-"]`).count()).toBe(1);
    await page.locator(`#manage-chair-remove-${i}-0`).click();
    // Nothing happens before the confirmation.
    expect((await api().get(`/api/homes/${homeId}/grants`, { token: adminToken })).body.items).toHaveLength(1);
    await page.locator(`#manage-chair-confirm-${i}-0`).click();
    expect(await text(page, `#manage-chairs-notice-${i}`)).toBe(`已移除 ${CHAIR.username} 的工会主席权限`);
    expect(await text(page, `#manage-chairs-empty-${i}`)).toContain('还没有工会主席');
    expect((await api().get(`/api/homes/${homeId}/grants`, { token: adminToken })).body.items).toHaveLength(0);

    // The chair's token, still in their browser, is refused: the page asks them to log in again.
    await chair.page.goto(url(`/oversight/pages/chair/index?homeId=${homeId}`));
    await chair.page.locator('#login-username input').waitFor();
    const refused = chair.errors.splice(0).filter((e) => !/^401 \/api\/homes\/[^/]+\/dashboard$/.test(e));
    expect(refused).toEqual([]);
  });

  it('logged no errors in either browser', () => {
    expect(admin.errors).toEqual([]);
    expect(chair.errors).toEqual([]);
  });
});
