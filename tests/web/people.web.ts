// People at every level in the browser (issue 17 items 4-5): the province's admin invites a city admin,
// who invites a county admin, who invites a home's chair, each accepting in the app after seeing what the
// invite is for; a chair changes its password and gets a reset link from above; the level above uploads
// a roster (a bad one is answered row by row) and the chair is refused. The acceptance is photographed
// for docs/screenshots/invite-accept.png (scripts/screenshots.sh).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, Page, watchErrors } from '../support/browser';
import { api, SCREENSHOTS, staffToken, text, uniq } from './fixtures';
import { STAFF } from './global-setup';

const url = (path: string) => `${process.env.PINGJIA_URL}${path}`;
const CODE = /^[2-9A-HJKMNP-TW-Z]{4}-[2-9A-HJKMNP-TW-Z]{4}$/;
const PASSWORD = 'people-password-2026';

interface Browser {
  page: Page;
  close: () => Promise<void>;
  errors: string[];
}

async function browser(expected: Parameters<typeof watchErrors>[1] = []): Promise<Browser> {
  const b = await launchBrowser();
  const page = await b.browser.newPage();
  return { page, close: b.close, errors: watchErrors(page, expected) };
}

/** Signs in on the staff page's form and waits until the page behind it shows (the session is kept). */
async function logIn(page: Page, username: string, password: string) {
  await page.locator('#login-username input').fill(username);
  await page.locator('#login-password input').fill(password);
  await page.locator('#login-submit').click();
  await page.locator('#ov-logout').waitFor({ timeout: 30_000 });
}

/** The index in a list of items (`prefix-<i>`) of the one showing `name`. */
async function indexOf(page: Page, prefix: string, name: string): Promise<string> {
  const item = page.locator(`[id^="${prefix}-"]`, { hasText: name }).first();
  await item.waitFor({ state: 'visible' });
  return (await item.getAttribute('id'))!.slice(prefix.length + 1);
}

/** On the manage page of `orgId`: invites the staff of the child named `name`; the code and link shown. */
async function inviteFromManage(page: Page, orgId: string, name: string): Promise<{ code: string; link: string }> {
  await page.goto(url(`/oversight/pages/manage/index?orgId=${orgId}`));
  const i = await indexOf(page, 'manage-item', name);
  await page.locator(`#manage-invite-${i}`).click();
  const code = await text(page, `#manage-invite-code-${i}`);
  expect(code).toMatch(CODE);
  // the code to scan is a real image
  await page.waitForFunction(
    (id) => ((document.querySelector(`#${id} img`) as HTMLImageElement | null)?.naturalWidth ?? 0) > 100,
    `manage-invite-qr-${i}`,
  );
  return { code, link: await text(page, `#manage-invite-link-${i}`) };
}

/** Accepts on the accept page (opened with `query`), after checking what it says; returns the new account. */
async function accept(page: Page, query: string, expectOrg: string, expectRole: string, typed?: string) {
  await page.goto(url(`/oversight/pages/accept/index${query}`));
  if (typed) {
    await page.locator('#accept-code input').fill(typed);
    await page.locator('#accept-look').click();
  }
  expect(await text(page, '#accept-org')).toBe(expectOrg);
  expect(await text(page, '#accept-role')).toBe(expectRole);
  expect(await text(page, '#accept-expiry')).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
  const username = uniq('p_');
  await page.locator('#accept-username input').fill(username);
  await page.locator('#accept-password input').fill(PASSWORD);
  await page.locator('#accept-password2 input').fill(PASSWORD);
  await page.locator('#accept-submit').click();
  return username;
}

describe('people at every level, in the browser', () => {
  let provinceId = '';
  let rootToken = '';
  const cityName = uniq('人员测试市总工会');
  const countyName = uniq('人员测试县总工会');
  const homeName = uniq('人员测试职工之家');
  const rosterName = uniq('人员测试名册之家');
  const ids = { city: '', county: '', home: '', roster: '' };
  let root: Browser;
  let cityAdmin: Browser;
  let countyAdmin: Browser;
  let chair: Browser;
  let chairName = '';
  const files = mkdtempSync(join(tmpdir(), 'pingjia-roster-'));

  beforeAll(async () => {
    ({ token: rootToken, provinceId } = await staffToken());
    mkdirSync(SCREENSHOTS, { recursive: true });
    const post = async (path: string, body: unknown) => {
      const res = await api().post(path, { token: rootToken, body });
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
      return res.body.id as string;
    };
    ids.city = await post('/api/orgs', { parentId: provinceId, name: cityName, level: 'city' });
    ids.county = await post('/api/orgs', { parentId: ids.city, name: countyName, level: 'county' });
    const home = { kind: 'enterprise', memberCount: 30, orgId: ids.county };
    ids.home = await post('/api/homes', { ...home, name: homeName, membershipMode: 'open' });
    ids.roster = await post('/api/homes', { ...home, name: rosterName, membershipMode: 'roster' });
    root = await browser();
    cityAdmin = await browser();
    // a bad roster is refused (400) as part of the flow
    countyAdmin = await browser([{ status: 400, path: /\/roster$/ }]);
    // a used code looked up again is refused (409) as part of the flow
    chair = await browser([{ status: 409, path: /^\/api\/invites\/[^/]+$/ }]);
  }, 120_000);
  afterAll(async () => {
    for (const b of [root, cityAdmin, countyAdmin, chair]) await b?.close();
    rmSync(files, { recursive: true, force: true });
  });

  it('the start page leads staff to the login and to accepting an invite', async () => {
    const { page } = root;
    await page.goto(url('/'));
    await page.locator('#staff-login-link').click();
    await page.locator('#login-submit').waitFor();
    await page.goto(url('/'));
    await page.locator('#staff-accept-link').click();
    await page.locator('#accept-code').waitFor();
  });

  it("the province's admin invites a city admin, who opens the link, sees the city, role and inviter, and confirms", async () => {
    await root.page.goto(url(`/oversight/pages/manage/index?orgId=${provinceId}`));
    await logIn(root.page, STAFF.username, STAFF.password);
    const { code, link } = await inviteFromManage(root.page, provinceId, cityName);
    expect(link).toBe(`${process.env.PINGJIA_URL}/oversight/pages/accept/index?code=${code.replace('-', '')}`);
    const { page } = cityAdmin;
    await page.goto(link);
    expect(await text(page, '#accept-org')).toBe(cityName);
    const province = await api().get(`/api/orgs/${provinceId}`, { token: rootToken });
    expect(await text(page, '#accept-inviter')).toContain(province.body.name);
    await page.screenshot({ path: join(SCREENSHOTS, 'invite-accept.png'), fullPage: true });
    await accept(page, `?code=${code.replace('-', '')}`, cityName, '工会管理员');
    await page.locator('#fed-homes').waitFor({ timeout: 30_000 });
    expect(cityAdmin.errors).toEqual([]);
  });

  it('the city admin invites a county admin, who types the code in lower case', async () => {
    const { code } = await inviteFromManage(cityAdmin.page, ids.city, countyName);
    await accept(countyAdmin.page, '', countyName, '工会管理员', code.toLowerCase());
    await countyAdmin.page.locator('#fed-homes').waitFor({ timeout: 30_000 });
  });

  it('the county admin invites the chair of a home, who lands on its page', async () => {
    const { code } = await inviteFromManage(countyAdmin.page, ids.county, homeName);
    chairName = await accept(chair.page, `?code=${code}`, homeName, '职工之家工会主席');
    expect(await text(chair.page, '#chair-home')).toBe(homeName);
    // a used code is refused on the accept page, before any form
    await chair.page.goto(url('/oversight/pages/accept/index'));
    await chair.page.locator('#accept-code input').fill(code);
    await chair.page.locator('#accept-look').click();
    expect(await text(chair.page, '#accept-error')).toContain('已被使用');
  });

  it('the chair changes its password; the county admin sends a reset link and the chair sets a new one', async () => {
    const { page } = chair;
    await page.goto(url(`/oversight/pages/chair/index?homeId=${ids.home}`));
    await page.locator('#ov-account').click();
    await page.locator('#account-current input').fill(PASSWORD);
    await page.locator('#account-new input').fill('changed-password-2026');
    await page.locator('#account-again input').fill('changed-password-2026');
    await page.locator('#account-save').click();
    expect(await text(page, '#account-notice')).toContain('密码已修改');
    expect((await api().post('/api/auth/password', { body: { username: chairName, password: 'changed-password-2026' } })).status).toBe(200);

    const admin = countyAdmin.page;
    await admin.goto(url(`/oversight/pages/manage/index?orgId=${ids.county}`));
    const i = await indexOf(admin, 'manage-item', homeName);
    await admin.locator(`#manage-chairs-${i}`).click();
    const j = await indexOf(admin, `manage-chair-name-${i}`, chairName);
    await admin.locator(`#manage-chair-reset-${i}-${j}`).click();
    const link = await text(admin, `#manage-chair-reset-link-${i}-${j}`);
    expect(link).toMatch(/\/oversight\/pages\/reset\/index\?code=[A-Za-z0-9_-]{32}$/);

    await page.goto(link);
    expect(await text(page, '#reset-user')).toContain(chairName);
    await page.locator('#reset-password input').fill('reset-password-2026');
    await page.locator('#reset-again input').fill('reset-password-2026');
    await page.locator('#reset-save').click();
    // signed in at once: the staff page goes on to the one home
    expect(await text(page, '#chair-home')).toBe(homeName);
    expect((await api().post('/api/auth/password', { body: { username: chairName, password: 'reset-password-2026' } })).status).toBe(200);
    expect((await api().post('/api/auth/password', { body: { username: chairName, password: 'changed-password-2026' } })).status).toBe(401);
  });

  it('the county admin uploads the roster of a home below (a bad file is answered row by row); its chair is refused', async () => {
    const { page } = countyAdmin;
    await page.goto(url(`/oversight/pages/manage/index?orgId=${ids.county}`));
    const i = await indexOf(page, 'manage-item', rosterName);
    await page.locator(`#manage-roster-${i}`).click();
    expect(await text(page, '#roster-counts')).toContain('名册共 0 人');

    const bad = join(files, 'bad.csv');
    writeFileSync(bad, '姓名,会员编号,手机号\n张三,GH001,13800000001\n李四,,13800000002\n王五,GH003,12345\n');
    let chooser = page.waitForEvent('filechooser');
    await page.locator('#roster-upload').click();
    await (await chooser).setFiles(bad);
    expect(await text(page, '#roster-row-3')).toContain('姓名和会员编号不能为空');
    expect(await text(page, '#roster-row-4')).toContain('手机号格式不正确');
    expect(await text(page, '#roster-counts')).toContain('名册共 0 人');

    const good = join(files, 'good.csv');
    writeFileSync(good, '姓名,会员编号,手机号\n张三,GH001,13800000001\n李四,GH002,\n王五,GH003,13800000003\n');
    chooser = page.waitForEvent('filechooser');
    await page.locator('#roster-upload').click();
    await (await chooser).setFiles(good);
    expect(await text(page, '#roster-notice')).toContain('名册已更新：共 3 人，新增 3 人');
    await page.waitForFunction(() => document.querySelector('#roster-counts')?.textContent?.includes('名册共 3 人'));
    expect(await page.locator('#roster-rows').count()).toBe(0);

    // replacing asks first
    await page.locator('#roster-upload').click();
    await page.locator('#roster-confirm-box').waitFor();
    await page.locator('#roster-cancel').click();

    // the roster home's chair: counts only, no upload, and the API refuses it
    const invite = await api().post(`/api/homes/${ids.roster}/invites`, { token: rootToken, body: { role: 'chair' } });
    const rcName = uniq('rc_');
    const rosterChair = await api().post(`/api/invites/${invite.body.code}/accept`, { body: { username: rcName, password: PASSWORD } });
    const b = await browser();
    try {
      await b.page.goto(url('/oversight/pages/staff/index'));
      await logIn(b.page, rcName, PASSWORD);
      expect(await text(b.page, '#chair-roster-size')).toContain('名册共 3 人');
      expect(await text(b.page, '#chair-roster-note')).toContain('由上级工会维护');
      await b.page.goto(url(`/oversight/pages/roster/index?homeId=${ids.roster}`));
      expect(await text(b.page, '#roster-refused')).toContain('不能上传或修改名册');
      expect(await b.page.locator('#roster-upload, #reset-submit').count()).toBe(0);
      const refused = await api().post(`/api/homes/${ids.roster}/roster`, {
        token: rosterChair.body.token,
        raw: '姓名,会员编号\n假会员,X001\n',
        headers: { 'content-type': 'text/csv' },
      });
      expect(refused.status).toBe(403);
      expect(b.errors).toEqual([]);
    } finally {
      await b.close();
    }
    expect(countyAdmin.errors).toEqual([]);
  });
});
