import { CRITERION_KEYS } from '@pingjia/shared';
import { launchBrowser, Page, watchErrors } from '../support/browser';
import { STAFF } from './global-setup';

// The URLs a new user is told to open, read from the server's own start-up banner.
function bannerUrl(label: string): string {
  const m = new RegExp(`${label}:\\s+(\\S+)`).exec(process.env.PINGJIA_BANNER ?? '');
  if (!m) throw new Error(`banner has no "${label}" line:\n${process.env.PINGJIA_BANNER}`);
  return m[1].replace(/^http:\/\/localhost:\d+/, process.env.PINGJIA_URL!);
}

async function text(page: Page, selector: string): Promise<string> {
  const el = page.locator(selector);
  await el.waitFor({ state: 'visible', timeout: 20_000 });
  return (await el.innerText()).trim();
}

describe('a member rates the demo home from its QR link; the dashboard count goes up', () => {
  let close: () => Promise<void>;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    const b = await launchBrowser();
    close = b.close;
    page = await b.browser.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => close?.());

  let before = -1;

  it('shows the staff dashboard with the current count after logging in', async () => {
    await page.goto(bannerUrl('Home dashboard'));
    await page.locator('#login-username input').fill(STAFF.username);
    await page.locator('#login-password input').fill(STAFF.password);
    await page.locator('#login-submit').click();
    before = Number(await text(page, '#dash-ratings'));
    expect(before).toBeGreaterThanOrEqual(0);
  });

  it('opens the home by its scene and shows the home and campaign', async () => {
    await page.goto(bannerUrl('Rate a demo home'));
    expect(await text(page, '#home-name')).toContain('职工之家');
    expect(await text(page, '#campaign-name')).toContain('评家');
  });

  it('rates all five criteria, gives a verdict and a comment, and submits', async () => {
    await page.locator('#start-rating').click();
    const submit = page.locator('#submit-rating');
    await submit.waitFor({ state: 'visible' });
    for (const key of CRITERION_KEYS) await page.locator(`#star-${key}-4`).click();
    await page.locator('#verdict-satisfied').click();
    await page.locator('#comment textarea').fill('希望多组织技能培训');
    await submit.click();
    expect(await text(page, '#thanks')).toContain('感谢');
  });

  it('sees the count on the dashboard go up by one', async () => {
    await page.goto(bannerUrl('Home dashboard'));
    // The staff session is kept on the device: no second login.
    await page.waitForFunction((b) => Number(document.querySelector('#dash-ratings')?.textContent?.trim()) === b + 1, before, { timeout: 20_000 });
    expect(Number(await text(page, '#dash-ratings'))).toBe(before + 1);
  });

  it('logged no errors in the page', () => {
    expect(errors).toEqual([]);
  });
});
