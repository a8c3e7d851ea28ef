// Helpers for the browser suites: URLs from the server's banner, waiting for text, accessibility checks,
// and API set-up (members, homes, rosters) over real HTTP against the same server the browser uses.
import { AxeBuilder } from '@axe-core/playwright';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { CRITERION_KEYS, type CriterionKey } from '@pingjia/shared';
import { launchBrowser, watchErrors, type ExpectedAnswer, type Page } from '../support/browser';
import { client } from '../support/http';
import { openCycle } from '../support/campaigns';
import { must } from '../support/must';
import { ROOT } from '../support/server';
import { STAFF } from './global-setup';

export const api = () => client(process.env.PINGJIA_URL!);
export { must };

export const uniq = (label: string) => `${label}${randomBytes(3).toString('hex')}`;

/** The URLs a new user is told to open, read from the server's own start-up banner. */
export function bannerUrl(label: string): string {
  const m = new RegExp(`${label}:\\s+(\\S+)`).exec(process.env.PINGJIA_BANNER ?? '');
  if (!m) throw new Error(`banner has no "${label}" line:\n${process.env.PINGJIA_BANNER}`);
  return m[1].replace(/^http:\/\/localhost:\d+/, process.env.PINGJIA_URL!);
}

/** Where the web tests write screenshots: the results folder, never the tracked docs/screenshots/. */
export const SCREENSHOTS = resolve(ROOT, process.env.SCREENSHOTS_DIR ?? '.tmp/screenshots');

export const homeUrl = (scene: string) => `${process.env.PINGJIA_URL}/pages/home/index?scene=${encodeURIComponent(scene)}`;

export async function text(page: Page, selector: string, timeout = 20_000): Promise<string> {
  const el = page.locator(selector);
  await el.waitFor({ state: 'visible', timeout });
  return (await el.innerText()).trim();
}

/** axe-core over the whole page: no serious or critical violation (and it did check something). */
// The colours of styles/variables.less, as the browser computes them.
export const ERROR_COLOUR = 'rgb(179, 38, 30)'; // @color-error
export const SUCCESS_COLOUR = 'rgb(35, 120, 4)'; // @color-success
/** Fastify's own body for an unhandled error: what a member once saw raw. */
export const FRAMEWORK_500 = { statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' };
export const colourOf = (page: Page, selector: string) => page.locator(selector).evaluate((el) => getComputedStyle(el).color);
export const classOf = async (page: Page, selector: string) => (await page.locator(selector).getAttribute('class')) ?? '';

/**
 * Whether the message stands next to its field: in the same block, after the field, with no other form
 * field between them (a message in one box under the whole form fails this).
 */
export async function nextToField(page: Page, field: string, message: string): Promise<boolean> {
  await page.locator(message).waitFor();
  return page.evaluate(
    ([f, m]) => {
      const fieldEl = document.querySelector(f);
      let at = document.querySelector(m)?.previousElementSibling ?? null;
      while (at && at !== fieldEl) {
        if (at.matches('input, textarea, taro-input-core, taro-textarea-core') || at.querySelector('input, textarea')) return false;
        at = at.previousElementSibling;
      }
      return at !== null;
    },
    [field, message],
  );
}

export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')} (${(n.failureSummary ?? '').replace(/\s+/g, ' ')})`).join(', ')}`,
    );
  expect(bad).toEqual([]);
  expect(result.passes.length).toBeGreaterThan(0);
}

/** Taps one score per criterion on the open rating form. */
export async function scoreAll(page: Page, scores: Partial<Record<CriterionKey, number>> | number): Promise<void> {
  for (const key of CRITERION_KEYS) {
    const n = typeof scores === 'number' ? scores : scores[key];
    if (n) await page.locator(`#star-${key}-${n}`).click();
  }
}

/** Whether a star is the selected one, as assistive technology reads it. */
export const checked = async (page: Page, selector: string) => (await page.locator(selector).getAttribute('aria-checked')) === 'true';

/** Clicks submit and returns the status of the PUT it sends (agreeing to the H5 privacy notice if it shows). */
export async function submitRating(page: Page): Promise<number> {
  const put = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/my-rating$/.test(new URL(r.url()).pathname));
  await page.locator('#submit-rating').click();
  const notice = page.locator('#privacy-agree');
  if (await notice.isVisible({ timeout: 1000 }).catch(() => false)) await notice.click();
  return (await put).status();
}

export async function staffToken(): Promise<{ token: string; provinceId: string }> {
  const res = await api().post('/api/auth/password', { body: STAFF });
  if (res.status !== 200) throw new Error(`staff login failed: ${res.status} ${res.text}`);
  return { token: res.body.token, provinceId: res.body.user.roles.find((r: any) => r.role === 'federation_admin').orgId };
}

/** A member of its own (dev login with a fresh device id), as a second phone would be. */
export async function memberToken(): Promise<string> {
  const res = await api().post('/api/auth/dev', { body: { openid: uniq('web_member_') } });
  if (res.status !== 200) throw new Error(`member login failed: ${res.status} ${res.text}`);
  return res.body.token;
}

export async function sceneLookup(scene: string): Promise<{ home: { id: string }; campaign: { id: string; closesAt: string } }> {
  const res = await api().get(`/api/homes/scene/${encodeURIComponent(scene)}`);
  if (res.status !== 200 || !res.body.campaign) throw new Error(`scene ${scene}: ${res.status} ${res.text}`);
  return res.body;
}

/** A new home in the demo province (covered by its open campaign); roster homes get this roster. */
export async function newHome(mode: 'open' | 'roster', rosterCsv?: string): Promise<{ id: string; name: string; sceneToken: string }> {
  const { token, provinceId } = await staffToken();
  const home = await api().post('/api/homes', {
    token,
    body: { orgId: provinceId, name: uniq('浏览器测试职工之家'), kind: 'enterprise', memberCount: 20, membershipMode: mode },
  });
  if (home.status !== 201) throw new Error(`home: ${home.status} ${home.text}`);
  if (rosterCsv) {
    const roster = await api().post(`/api/homes/${home.body.id}/roster`, {
      token,
      raw: rosterCsv,
      headers: { 'content-type': 'text/csv' },
    });
    if (roster.status !== 201) throw new Error(`roster: ${roster.status} ${roster.text}`);
  }
  return home.body;
}

/** A city of its own under the demo province with one open home and its own open cycle (scene lookups pick it). */
export async function cityWithCampaign(): Promise<{
  token: string;
  home: { id: string; name: string; sceneToken: string };
  campaign: { id: string; name: string; closesAt: string };
}> {
  const { token, provinceId } = await staffToken();
  const city = await api().post('/api/orgs', { token, body: { parentId: provinceId, name: uniq('浏览器测试市'), level: 'city' } });
  if (city.status !== 201) throw new Error(`city: ${city.status} ${city.text}`);
  const home = await api().post('/api/homes', {
    token,
    body: { orgId: city.body.id, name: uniq('浏览器测试职工之家'), kind: 'enterprise', memberCount: 10, membershipMode: 'open' },
  });
  if (home.status !== 201) throw new Error(`home: ${home.status} ${home.text}`);
  const campaign = await openCycle(api(), token, city.body.id, uniq('浏览器测试评家'));
  return { token, home: home.body, campaign };
}

type Api = () => ReturnType<typeof client>;

/** On a suite's own server (`server`): its demo admin signed in, and a new city of its own under the province. */
export async function adminWithCity(
  server: Api,
  admin: { username: string; password: string },
  cityName: string,
): Promise<{ token: string; provinceId: string; city: { id: string } }> {
  const login = await must('admin login', server().post('/api/auth/password', { body: admin }));
  const provinceId = login.user.roles.find((r: any) => r.role === 'federation_admin').orgId;
  const city = await must(
    'city',
    server().post('/api/orgs', { token: login.token, body: { parentId: provinceId, name: uniq(cityName), level: 'city' } }),
    201,
  );
  return { token: login.token, provinceId, city };
}

/** A new open enterprise home under `orgId` on a suite's own server. */
export async function openHomeOn(
  server: Api,
  token: string,
  orgId: string,
  name: string,
  memberCount: number,
): Promise<{ id: string; name: string; sceneToken: string }> {
  return must(
    'home',
    server().post('/api/homes', { token, body: { orgId, name, kind: 'enterprise', memberCount, membershipMode: 'open' } }),
    201,
  );
}

/** A browser of its own with one page, and the errors that page logs (watchErrors, with these answers expected). */
export async function browserPage(expected?: ExpectedAnswer[]): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const b = await launchBrowser();
  const page = await b.browser.newPage();
  return { page, errors: watchErrors(page, expected), close: b.close };
}

/** Rows in sight above and below the chosen one in Taro's H5 date picker (each 34 px high). */
const PICKER_ROW_PX = 34;

/**
 * Picks a day with the H5 date picker (Taro Picker mode="date") opened from the field `field`: drags each
 * column asked (year, month, day) `steps` rows on, as a finger would, then taps 确定. The picker opens on
 * the field's day.
 */
export async function pickDate(page: Page, field: string, steps: { year?: number; month?: number; day?: number } = {}): Promise<void> {
  await page.locator(field).click();
  // Taro moves each picker's overlay to the end of the page: the sheet in sight is the one just opened.
  const overlay = page.locator('.weui-picker:visible');
  await overlay.waitFor({ state: 'visible' });
  // The sheet slides up: touched before it stands still, a drag could land on the mask beside it (which cancels).
  await overlay.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)));
  for (const [column, n] of [steps.year, steps.month, steps.day].entries()) {
    if (!n) continue;
    const group = overlay.locator('.weui-picker__group').nth(column);
    const content = group.locator('.weui-picker__content');
    const before = await content.getAttribute('style');
    const box = (await group.locator('.weui-picker__indicator').boundingBox())!;
    // A finger's drag upwards by n rows (as on a phone; the mask over the column takes it): the column
    // settles on the row n below the chosen one, wherever the sliding sheet is at that moment.
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x, y - n * PICKER_ROW_PX, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(([el, was]) => (el as HTMLElement).getAttribute('style') !== was, [
      await content.elementHandle(),
      before,
    ] as const);
  }
  await overlay.locator('.weui-picker__action', { hasText: '确定' }).click();
  await page.locator('.weui-picker:visible').waitFor({ state: 'detached' });
}
