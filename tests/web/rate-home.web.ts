import { CRITERION_KEYS, formatChinaDate, ratingPrivacyNote } from '@pingjia/shared';
import { launchBrowser, Page, watchErrors } from '../support/browser';
import { api, checked, cityWithCampaign, expectAccessible, homeUrl, memberToken, scoreAll, submitRating, text } from './fixtures';
import { STAFF } from './global-setup';
import { scoresOf } from '../support/scores';
import { confirmedMove } from '../support/campaigns';

const OTHERS = 4;

// A home and cycle of this suite's own, so the figures are known exactly: four other members give
// organization 3, this member 4 and then changes it to 1. The chair's dashboard is read after the close,
// when it shows the final totals (while a cycle is open it may show figures a window late, by design).
describe('a member rates a home from its QR link, changes the rating, and the dashboard shows the change', () => {
  let close: () => Promise<void>;
  let page: Page;
  let errors: string[];
  let ctx: Awaited<ReturnType<typeof cityWithCampaign>>;

  beforeAll(async () => {
    ctx = await cityWithCampaign();
    for (let i = 0; i < OTHERS; i++) {
      const res = await api().put(`/api/campaigns/${ctx.campaign.id}/homes/${ctx.home.id}/my-rating`, {
        token: await memberToken(),
        body: { scores: scoresOf(3), verdict: 'basically_satisfied' },
      });
      expect(res.status).toBe(201);
    }
    const b = await launchBrowser();
    close = b.close;
    page = await b.browser.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => close?.());

  it('opens the home by its scene and shows the home and campaign, with no accessibility problem', async () => {
    await page.goto(homeUrl(ctx.home.sceneToken));
    expect(await text(page, '#home-name')).toBe(ctx.home.name);
    expect(await text(page, '#campaign-name')).toBe(ctx.campaign.name);
    expect(await text(page, '#start-rating')).toBe('开始评议');
    await expectAccessible(page);
  });

  it('rates all five criteria, gives a verdict, a comment and a group, and submits (201)', async () => {
    await page.locator('#start-rating').click();
    await page.locator('#submit-rating').waitFor({ state: 'visible' });
    // Says plainly who sees what, and that results come once, after the close.
    expect(await text(page, '#rate-privacy')).toBe(ratingPrivacyNote());
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
    expect(await text(page, '#thanks-note')).toContain(formatChinaDate(ctx.campaign.closesAt));
    await expectAccessible(page);
  });

  it('opens the form again prefilled, says it is a change, and a changed score is saved (200)', async () => {
    await page.goto(homeUrl(ctx.home.sceneToken));
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
    expect(await text(page, '#mine-home-0')).toBe(ctx.home.name);
    await page.waitForFunction(() => /组织健全 1 分/.test(document.querySelector('#mine-state-0')?.textContent ?? ''), null, {
      timeout: 20_000,
    });
    expect(await text(page, '#mine-state-0')).toContain('总体评价：满意');
    await expectAccessible(page);
  });

  it("shows the change on the chair's dashboard after the close: 5 ratings, organization (4×3 + 1) / 5 = 2.60", async () => {
    expect((await confirmedMove(api(), ctx.token, ctx.campaign.id, 'close')).status).toBe(200);
    // The old dashboard link: it hands its query on to the one chair dashboard.
    await page.goto(`${process.env.PINGJIA_URL}/pages/dashboard/index?homeId=${ctx.home.id}&campaignId=${ctx.campaign.id}`);
    await page.waitForURL(/\/oversight\/pages\/chair\/index\?/);
    const query = new URL(page.url()).searchParams;
    expect([query.get('homeId'), query.get('campaignId')]).toEqual([ctx.home.id, ctx.campaign.id]);
    await page.locator('#login-username input').fill(STAFF.username);
    await page.locator('#login-password input').fill(STAFF.password);
    await page.locator('#login-submit').click();
    expect(Number(await text(page, '#chair-ratings'))).toBe(OTHERS + 1);
    // Before the change it would have been (4×3 + 4) / 5 = 3.20.
    expect(await text(page, '#chair-mean-organization')).toBe('2.60');
    expect(await text(page, '#chair-mean-rights')).toBe('3.20');
  });

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
