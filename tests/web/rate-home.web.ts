import { CRITERION_KEYS, formatChinaDate } from '@pingjia/shared';
import { launchBrowser, Page, watchErrors } from '../support/browser';
import { api, bannerUrl, checked, expectAccessible, memberToken, sceneLookup, scoreAll, submitRating, text } from './fixtures';
import { STAFF } from './global-setup';

const sceneOf = (url: string) => new URL(url).searchParams.get('scene')!;
const OTHERS = 4;

async function dashboardFigures(page: Page): Promise<{ ratings: number; organization: number }> {
  await page.goto(bannerUrl('Home dashboard'));
  const ratings = Number(await text(page, '#dash-ratings'));
  const organization = Number(await text(page, '#dash-mean-organization'));
  return { ratings, organization };
}

describe('a member rates the demo home from its QR link, changes the rating, and the dashboard follows', () => {
  let close: () => Promise<void>;
  let page: Page;
  let errors: string[];
  let closesAt = '';

  beforeAll(async () => {
    // Four other members rate first (organization 3), so the dashboard shows means (5 ratings or more).
    const { campaign, home } = await sceneLookup(sceneOf(bannerUrl('Rate a demo home')));
    closesAt = campaign.closesAt;
    for (let i = 0; i < OTHERS; i++) {
      const res = await api().put(`/api/campaigns/${campaign.id}/homes/${home.id}/my-rating`, {
        token: await memberToken(),
        body: { scores: { organization: 3, rights: 3, work: 3, role: 3, trust: 3 }, verdict: 'basically_satisfied' },
      });
      expect(res.status).toBe(201);
    }
    const b = await launchBrowser();
    close = b.close;
    page = await b.browser.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => close?.());

  let before = -1;
  let firstMean = NaN;

  it('shows the staff dashboard with the current count after logging in', async () => {
    await page.goto(bannerUrl('Home dashboard'));
    await page.locator('#login-username input').fill(STAFF.username);
    await page.locator('#login-password input').fill(STAFF.password);
    await page.locator('#login-submit').click();
    before = Number(await text(page, '#dash-ratings'));
    expect(before).toBeGreaterThanOrEqual(OTHERS);
  });

  it('opens the home by its scene and shows the home and campaign, with no accessibility problem', async () => {
    await page.goto(bannerUrl('Rate a demo home'));
    expect(await text(page, '#home-name')).toContain('职工之家');
    expect(await text(page, '#campaign-name')).toContain('评家');
    expect(await text(page, '#start-rating')).toBe('开始评议');
    await expectAccessible(page);
  });

  it('rates all five criteria, gives a verdict, a comment and a group, and submits (201)', async () => {
    await page.locator('#start-rating').click();
    await page.locator('#submit-rating').waitFor({ state: 'visible' });
    await expectAccessible(page);
    await scoreAll(page, 4);
    await page.locator('#verdict-satisfied').click();
    await page.locator('#comment textarea').fill('希望多组织技能培训');
    expect(await text(page, '#comment-count')).toBe('9/500');
    await page.locator('#group-frontline').click();
    expect(await checked(page, '#group-frontline')).toBe(true);
    // Again with everything chosen: selected stars and options, and the submit button enabled.
    await expectAccessible(page);
    expect(await submitRating(page)).toBe(201);
    expect(await text(page, '#thanks')).toContain('感谢');
    // Changeable until the close date, in China's calendar.
    expect(await text(page, '#thanks-note')).toContain(formatChinaDate(closesAt));
    await expectAccessible(page);
  });

  it('sees the count on the dashboard go up by one', async () => {
    const after = await dashboardFigures(page);
    expect(after.ratings).toBe(before + 1);
    firstMean = after.organization;
    // The four others gave 3, this member 4, plus whatever other suites added: strictly between 3 and 5.
    expect(firstMean).toBeGreaterThan(3);
  });

  it('opens the form again prefilled, says it is a change, and a changed score is saved (200)', async () => {
    await page.goto(bannerUrl('Rate a demo home'));
    expect(await text(page, '#already-rated')).toContain('可以修改');
    expect(await text(page, '#start-rating')).toBe('修改评议');
    await page.locator('#start-rating').click();
    expect(await text(page, '#rate-intro')).toContain('修改');
    for (const key of CRITERION_KEYS) expect(await checked(page, `#star-${key}-4`)).toBe(true);
    expect(await checked(page, '#verdict-satisfied')).toBe(true);
    expect(await page.locator('#comment textarea').inputValue()).toBe('希望多组织技能培训');
    expect(await checked(page, '#group-frontline')).toBe(true);

    await page.locator('#star-organization-1').click();
    expect(await checked(page, '#star-organization-1')).toBe(true);
    expect(await submitRating(page)).toBe(200);
    expect(await text(page, '#thanks')).toContain('修改已保存');
    // The privacy notice was agreed to before the first rating: it is not asked again on this device.
    expect(await page.locator('#privacy-notice').count()).toBe(0);
  });

  it('lists the rating under 我的评议 with its current scores', async () => {
    await page.locator('#thanks-mine').click();
    expect(await text(page, '#mine-home-0')).toContain('职工之家');
    await page.waitForFunction(() => /组织健全 1 分/.test(document.querySelector('#mine-state-0')?.textContent ?? ''), null, { timeout: 20_000 });
    expect(await text(page, '#mine-state-0')).toContain('总体评价：满意');
    await expectAccessible(page);
  });

  it('sees the change on the dashboard: same count, the organization mean moves down by 3 / ratings', async () => {
    const after = await dashboardFigures(page);
    expect(after.ratings).toBe(before + 1);
    // Means are shown to two decimals: allow one unit of rounding on each side.
    expect(Math.abs(after.organization - (firstMean - 3 / after.ratings))).toBeLessThanOrEqual(0.011);
    expect(after.organization).toBeLessThan(firstMean);
  });

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
