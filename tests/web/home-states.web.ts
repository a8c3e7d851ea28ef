import type { Route } from 'playwright-core';
import { launchBrowser, Page, watchErrors } from '../support/browser';
import { bannerUrl, expectAccessible, homeUrl, text } from './fixtures';

// The home page's states other than "ready to rate". The scene lookup is the real server's answer,
// changed in flight where a state cannot be made on the shared demo data (a closed campaign, an outage).
describe('the home page says clearly what a member can do', () => {
  let close: () => Promise<void>;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const b = await launchBrowser();
    close = b.close;
    page = await b.browser.newPage();
    errors = watchErrors(page, [/\/my-rating$/, /\/api\/homes\/scene\/[^/]+$/]);
  });
  afterAll(async () => close?.());
  afterEach(async () => page.unrouteAll({ behavior: 'ignoreErrors' }));

  const lookup = '**/api/homes/scene/**';
  const withCampaign = (change: (campaign: any) => any) => async (route: Route) => {
    const res = await route.fetch();
    const body = await res.json();
    await route.fulfill({ response: res, json: { ...body, campaign: change(body.campaign) } });
  };

  it('asks for the QR code when opened without a scene, and links to 我的评议', async () => {
    await page.goto(`${process.env.PINGJIA_URL}/pages/home/index`);
    expect(await text(page, '#home-status')).toContain('二维码');
    await page.locator('#my-ratings-link').click();
    expect(await text(page, '#mine-empty')).toContain('还没有评议记录');
  });

  it('says the home was not found for an unknown scene', async () => {
    await page.goto(homeUrl('NoSuchScene123'));
    expect(await text(page, '#home-status')).toContain('未找到该职工之家');
    expect(await page.locator('#start-rating').count()).toBe(0);
  });

  it('shows an error with a retry when the lookup gets no answer, and loads on retry', async () => {
    let failures = 1;
    await page.route(lookup, (route) => (failures-- > 0 ? route.abort('internetdisconnected') : route.continue()));
    await page.goto(bannerUrl('Rate a demo home'));
    expect(await text(page, '#home-status')).toContain('网络');
    await page.locator('#retry').click();
    expect(await text(page, '#home-name')).toContain('职工之家');
  });

  it('shows a closed campaign with its closing date and no rating button', async () => {
    const closed = new Date(Date.now() - 86400e3).toISOString();
    await page.route(
      lookup,
      withCampaign((c) => ({ ...c, closesAt: closed })),
    );
    await page.goto(bannerUrl('Rate a demo home'));
    expect(await text(page, '#home-status')).toContain('已于');
    expect(await text(page, '#home-status')).toContain('截止');
    expect(await page.locator('#start-rating').count()).toBe(0);
    await expectAccessible(page);
  });

  it('says there is no campaign running when none is open', async () => {
    await page.route(
      lookup,
      withCampaign(() => null),
    );
    await page.goto(bannerUrl('Rate a demo home'));
    expect(await text(page, '#home-status')).toContain('没有进行中的评议');
    expect(await page.locator('#start-rating').count()).toBe(0);
  });

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});

describe('the start-up banner leads a new user to the federation view', () => {
  it('opens the demo province after the staff login the banner prints', async () => {
    const b = await launchBrowser();
    try {
      const page = await b.browser.newPage();
      const errors = watchErrors(page);
      const login = /Staff login:\s+(\S+) \/ (\S+)/.exec(process.env.PINGJIA_BANNER ?? '');
      expect(login).not.toBeNull();
      await page.goto(bannerUrl('Federation view'));
      await page.locator('#login-username input').fill(login![1]);
      await page.locator('#login-password input').fill(login![2]);
      await page.locator('#login-submit').click();
      expect(await text(page, '#fed-org')).toBe('示范省总工会');
      expect(errors).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
