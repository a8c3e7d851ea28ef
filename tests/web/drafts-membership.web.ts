import { launchBrowser, Page, watchErrors } from '../support/browser';
import { checked, expectAccessible, homeUrl, newHome, scoreAll, submitRating, text } from './fixtures';

async function freshPage(expected?: Parameters<typeof watchErrors>[1]) {
  const b = await launchBrowser();
  const page = await b.browser.newPage();
  return { page, context: b.browser, close: b.close, errors: watchErrors(page, expected) };
}

describe('the rating form never loses what the member entered', () => {
  let s: Awaited<ReturnType<typeof freshPage>>;
  let page: Page;
  let home: { name: string; sceneToken: string };

  beforeAll(async () => {
    home = await newHome('open');
    s = await freshPage();
    page = s.page;
  });
  afterAll(async () => s?.close());

  it('restores the draft when the member leaves the form and comes back', async () => {
    await page.goto(homeUrl(home.sceneToken));
    expect(await text(page, '#home-name')).toBe(home.name);
    await page.locator('#start-rating').click();
    await page.locator('#star-organization-2').click();
    await page.locator('#star-rights-5').click();
    await page.locator('#comment textarea').fill('食堂可以再改进');

    await page.goBack();
    // The home page reloads when shown again and keeps its old answer on screen until the new one arrives.
    await page.waitForFunction(() => document.querySelector('#start-rating')?.textContent?.trim() === '继续评议', null, {
      timeout: 15_000,
    });
    expect(await text(page, '#start-rating')).toBe('继续评议');
    await page.locator('#start-rating').click();
    await page.locator('#draft-restored').waitFor();
    expect(await checked(page, '#star-organization-2')).toBe(true);
    expect(await checked(page, '#star-rights-5')).toBe(true);
    expect(await page.locator('#comment textarea').inputValue()).toBe('食堂可以再改进');
  });

  it('keeps a rating submitted offline, says so, and sends it when the network is back', async () => {
    await scoreAll(page, { work: 3, role: 4, trust: 5 });
    await page.locator('#verdict-basically_satisfied').click();
    await s.context.setOffline(true);
    await page.locator('#submit-rating').click();
    // First rating on this device: our privacy notice comes before anything is sent.
    await page.locator('#privacy-agree').click();
    expect(await text(page, '#draft-saved')).toContain('网络恢复后会自动发送');
    expect(await page.locator('#thanks').count()).toBe(0);

    const sent = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/my-rating$/.test(new URL(r.url()).pathname));
    await s.context.setOffline(false);
    expect((await sent).status()).toBe(201);
    expect(await text(page, '#thanks')).toContain('感谢');
  });

  it('shows the sent rating under 我的评议, fetched from the server', async () => {
    await page.locator('#thanks-mine').click();
    expect(await text(page, '#mine-home-0')).toBe(home.name);
    await page.waitForFunction(() => /维权到位 5 分/.test(document.querySelector('#mine-state-0')?.textContent ?? ''), null, {
      timeout: 20_000,
    });
    expect(await text(page, '#mine-state-0')).toContain('组织健全 2 分');
    expect(await page.locator('#mine-draft-0').count()).toBe(0);
  });

  it('logged no errors in the page', () => {
    expect(s.errors).toEqual([]);
  });
});

describe('a refused rating keeps the form and says what to fix', () => {
  let s: Awaited<ReturnType<typeof freshPage>>;
  let page: Page;
  let home: { sceneToken: string };

  beforeAll(async () => {
    home = await newHome('open');
    // The server's 400 for a field is provoked in flight: the form itself never sends a bad score.
    s = await freshPage([/\/my-rating$/, { status: 400, path: /\/my-rating$/ }]);
    page = s.page;
  });
  afterAll(async () => s?.close());

  it('shows the field error next to its criterion and keeps the draft across a reload', async () => {
    await page.goto(homeUrl(home.sceneToken));
    await page.locator('#start-rating').click();
    await scoreAll(page, 2);
    await page.locator('#verdict-dissatisfied').click();
    await page.route('**/my-rating', (route) =>
      route.request().method() === 'PUT'
        ? route.fulfill({
            status: 400,
            json: {
              code: 'VALIDATION_FAILED',
              message: '提交的内容有误，请检查后重试',
              fields: { 'scores.rights': '评分须为 1 到 5 的整数' },
            },
          })
        : route.continue(),
    );
    expect(await submitRating(page)).toBe(400);
    expect(await text(page, '#error-rights')).toBe('评分须为 1 到 5 的整数');

    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.reload();
    await page.locator('#draft-restored').waitFor({ timeout: 20_000 });
    expect(await checked(page, '#star-rights-2')).toBe(true);
    expect(await checked(page, '#verdict-dissatisfied')).toBe(true);
    expect(await text(page, '#submit-error')).toContain('有误');
    expect(await submitRating(page)).toBe(201);
    expect(await text(page, '#thanks')).toContain('感谢');
  });

  it('logged no errors in the page', () => {
    expect(s.errors).toEqual([]);
  });
});

describe('a roster home asks an unverified member to verify, and keeps the form meanwhile', () => {
  let s: Awaited<ReturnType<typeof freshPage>>;
  let page: Page;
  let home: { id: string; name: string; sceneToken: string };

  beforeAll(async () => {
    home = await newHome('roster', '姓名,会员编号\n张三,GH001\n李四,GH002\n');
    // Refused answers that this flow provokes on purpose.
    s = await freshPage([/\/my-rating$/, { status: 403, path: /\/my-rating$/ }, { status: 404, path: /\/membership$/ }]);
    page = s.page;
  });
  afterAll(async () => s?.close());

  it('shows a verify button instead of the rating button on the home page', async () => {
    await page.goto(homeUrl(home.sceneToken));
    expect(await text(page, '#membership-note')).toContain('名册');
    expect(await page.locator('#start-rating').count()).toBe(0);
  });

  it('sends a member who reaches the form unverified to verification when the server says so (403)', async () => {
    await page.locator('#verify-membership').click();
    await page.locator('#membership-title').waitFor();
    // A link kept from before: the rating form itself, without the home page's check.
    await page.goto(page.url().replace('/pages/membership/index', '/pages/rate/index'));
    await scoreAll(page, 5);
    await page.locator('#verdict-satisfied').click();
    expect(await submitRating(page)).toBe(403);
    expect(await text(page, '#membership-title')).toBe('验证会员身份');
    await expectAccessible(page);
  });

  it('says clearly when the roster has no such member', async () => {
    await page.locator('#member-name input').fill('王五');
    await page.locator('#member-no input').fill('GH009');
    await page.locator('#verify-submit').click();
    expect(await text(page, '#verify-error')).toContain('没有找到');
  });

  it('verifies, returns to the form with every score kept, and the rating is accepted', async () => {
    await page.locator('#member-name input').fill('李四');
    await page.locator('#member-no input').fill('GH002');
    await page.locator('#verify-submit').click();
    await page.locator('#draft-restored').waitFor({ timeout: 20_000 });
    expect(await checked(page, '#star-trust-5')).toBe(true);
    expect(await checked(page, '#verdict-satisfied')).toBe(true);
    expect(await submitRating(page)).toBe(201);
    expect(await text(page, '#thanks')).toContain('感谢');
  });

  it('logged no errors in the page', () => {
    expect(s.errors).toEqual([]);
  });
});
