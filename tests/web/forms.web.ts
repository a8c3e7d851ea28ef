// Issue 19 item 7 on the older forms (the form kit: components/Form): the staff login and the invite page
// say what is wrong next to the field it is about, and a failure the server did not word (a framework's
// English 500) reaches staff in Chinese, in the error style.
import type { Page } from '../support/browser';
import {
  api,
  browserPage,
  classOf,
  colourOf,
  ERROR_COLOUR,
  expectAccessible,
  FRAMEWORK_500,
  newHome,
  nextToField,
  staffToken,
  text,
} from './fixtures';
import { STAFF } from './global-setup';

const url = (path: string) => `${process.env.PINGJIA_URL}${path}`;

describe('older forms: field messages and error styles (H5)', () => {
  let close: () => Promise<void>;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ page, errors, close } = await browserPage([
      { status: 500, path: /^\/api\/auth\/password$/ },
      { status: 409, path: /^\/api\/invites\/[^/]+\/accept$/ },
    ]));
  });
  afterAll(async () => {
    await close?.();
  });

  it('the staff login says what is missing next to each field', async () => {
    await page.goto(url('/oversight/pages/staff/index'));
    await page.locator('#login-submit').click();
    expect(await text(page, '#error-login-username')).toBe('请输入用户名');
    expect(await text(page, '#error-login-password')).toBe('请输入密码');
    expect(await nextToField(page, '#login-username', '#error-login-username')).toBe(true);
    expect(await nextToField(page, '#login-password', '#error-login-password')).toBe(true);

    await page.locator('#login-username input').fill(STAFF.username);
    await page.locator('#login-submit').click();
    await page.locator('#error-login-username').waitFor({ state: 'detached' });
    expect(await text(page, '#error-login-password')).toBe('请输入密码');
  });

  it('a 500 with an English body on staff login is shown in Chinese, in the error style', async () => {
    await page.route('**/api/auth/password', (route) =>
      route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify(FRAMEWORK_500) }),
    );
    await page.locator('#login-username input').fill(STAFF.username);
    await page.locator('#login-password input').fill(STAFF.password);
    await page.locator('#login-submit').click();
    const shown = await text(page, '#login-error');
    expect(shown).toBe('服务暂时不可用，请稍后再试');
    expect(await classOf(page, '#login-error')).toContain('callout--error');
    expect(await colourOf(page, '#login-error')).toBe(ERROR_COLOUR);
    expect(await page.locator('#login-error').getAttribute('role')).toBe('alert');
    await expectAccessible(page);
    await page.unroute('**/api/auth/password');
  });

  it("accepting an invite with a username already taken: the server's refusal stands next to the username", async () => {
    const { token } = await staffToken();
    const home = await newHome('open');
    const invite = await api().post(`/api/homes/${home.id}/invites`, { token, body: { role: 'chair' } });
    expect(invite.status).toBe(201);

    await page.goto(url(`/oversight/pages/accept/index?code=${invite.body.code}`));
    expect(await text(page, '#accept-org')).toBe(home.name);
    // what the page checks itself, each under its field
    await page.locator('#accept-username input').fill('x');
    await page.locator('#accept-password input').fill('short');
    await page.locator('#accept-submit').click();
    expect(await text(page, '#error-accept-username')).toContain('3–64');
    expect(await text(page, '#error-accept-password')).toContain('至少 10 位');
    expect(await nextToField(page, '#accept-password', '#error-accept-password')).toBe(true);

    // what only the server knows: the demo admin's username is taken
    await page.locator('#accept-username input').fill(STAFF.username);
    await page.locator('#accept-password input').fill('chair-password-2026');
    await page.locator('#accept-password2 input').fill('chair-password-2026');
    await page.locator('#accept-submit').click();
    await page.waitForFunction(() => document.querySelector('#error-accept-username')?.textContent?.includes('已被使用'));
    expect(await text(page, '#error-accept-username')).toBe('该用户名已被使用，请换一个');
    expect(await nextToField(page, '#accept-username', '#error-accept-username')).toBe(true);
    expect(await page.locator('#error-accept-password').count()).toBe(0);
    expect(await classOf(page, '#accept-error')).toContain('callout--error');
    await expectAccessible(page);
  });

  it('logged no errors beyond the answers the tests asked for', () => {
    expect(errors).toEqual([]);
  });
});
