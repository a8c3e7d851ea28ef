// Province settings and the holiday calendar in the browser (issue 18 items 3-4): a province admin sees
// the federation dashboard's warning that next year's holiday arrangement is missing, changes a setting
// (refused below the privacy floor, with the message next to the field; a confirmation naming what
// changes), and imports the arrangement from an uploaded file. It changes its province's settings and
// calendar and moves the clock, so it runs a server and database of its own.
import { mkdirSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { client } from '../support/http';
import { launchBrowser, Page, watchErrors } from '../support/browser';
import { H5_BUILD, RunningServer, startServer } from '../support/server';
import { expectAccessible, SCREENSHOTS, text } from './fixtures';

const ADMIN = { username: 'settings-admin', password: 'settings-admin-password-1' };
let server: RunningServer;
let page: Page;
let errors: string[];
let closeBrowser: () => Promise<void>;
let token = '';
let provinceId = '';
const files = mkdtempSync(join(tmpdir(), 'pingjia-holidays-'));

const api = () => client(server.url);
const url = (path: string) => `${server.url}${path}`;

beforeAll(async () => {
  server = await startServer({
    H5_DIR: H5_BUILD,
    SEED_DEMO: 'true',
    DEMO_ADMIN_USERNAME: ADMIN.username,
    DEMO_ADMIN_PASSWORD: ADMIN.password,
    TEST_CLOCK: 'true',
  });
  // 5 December 2026: 2027 has no holiday list, and it is past 1 November.
  expect((await api().post('/api/__test/clock', { body: { to: '2026-12-05T02:00:00.000Z' } })).status).toBe(200);
  const login = await api().post('/api/auth/password', { body: ADMIN });
  token = login.body.token;
  provinceId = login.body.user.roles.find((r: any) => r.role === 'federation_admin').orgId;
  const b = await launchBrowser();
  page = await b.browser.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  // The refused save (400) is expected; nothing else may fail.
  errors = watchErrors(page, [{ status: 400, path: /\/settings$/ }]);
  closeBrowser = b.close;
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
  rmSync(files, { recursive: true, force: true });
});

describe('province settings and the holiday calendar (H5)', () => {
  it('shows the missing-2027 warning on the federation dashboard and leads to the settings page', async () => {
    await page.goto(url(`/oversight/pages/federation/index?orgId=${provinceId}`));
    await page.locator('#login-username input').fill(ADMIN.username);
    await page.locator('#login-password input').fill(ADMIN.password);
    await page.locator('#login-submit').click();
    expect(await text(page, '#fed-calendar-warning')).toContain('2027 年的法定节假日安排尚未导入');
    await page.locator('#fed-calendar-open').click();
    expect(await text(page, '#calendar-warning')).toContain('2027');
    expect(await text(page, '#calendar-year-2027')).toContain('未导入');
    await expectAccessible(page);
  });

  it('refuses fewer than 5 ratings next to the field and keeps nothing; then saves a change after a confirmation naming it', async () => {
    await page.locator('#setting-thresholds-minSlice input').fill('4');
    await page.locator('#settings-review').click();
    expect(await text(page, '#error-setting-thresholds-minSlice')).toContain('不能少于 5 人');
    expect(await page.locator('#settings-confirm').count()).toBe(0);
    expect((await api().get(`/api/orgs/${provinceId}/settings`, { token })).body.settings.thresholds.minSlice).toBe(5);

    await page.locator('#setting-thresholds-minSlice input').fill('6');
    await page.locator('#setting-thresholds-qualifiedBp input').fill('75');
    await page.locator('#settings-review').click();
    const confirm = await text(page, '#settings-confirm');
    expect(confirm).toContain('合格职工之家满意率 70% → 75%');
    expect(confirm).toContain('显示评分的最少参评人数 5 → 6');
    expect(confirm).toContain('已开始的周期不变');
    await page.screenshot({ path: join(SCREENSHOTS, 'province-settings-confirm.png'), fullPage: true });
    await page.locator('#settings-save').click();
    expect(await text(page, '#settings-notice')).toContain('设置已保存');
    const saved = (await api().get(`/api/orgs/${provinceId}/settings`, { token })).body.settings.thresholds;
    expect(saved).toMatchObject({ qualifiedBp: 7500, minSlice: 6 });
    const log = await api().get(`/api/orgs/${provinceId}/audit?pageSize=20`, { token });
    expect(log.body.items.map((e: any) => e.action)).toContain('settings.update');
  });

  it('imports the 2027 arrangement from an uploaded file after refusing a day outside the year; the warnings go', async () => {
    await page.locator('#calendar-text textarea').fill('2026-12-31,放假,元旦');
    await page.locator('#calendar-check').click();
    expect(await text(page, '#error-calendar-text')).toContain('不在 2027 年');
    expect(await page.locator('#calendar-confirm').count()).toBe(0);

    // A made-up arrangement for the test: New Year's Day off, Saturday 9 January a make-up working day.
    const csv = join(files, '2027.csv');
    writeFileSync(csv, '日期,类型,备注\n2027-01-01,放假,元旦\n2027-01-09,上班,调休\n');
    const chooser = page.waitForEvent('filechooser');
    await page.locator('#calendar-upload').click();
    await (await chooser).setFiles(csv);
    await page.locator('#calendar-check').click();
    expect(await text(page, '#calendar-confirm')).toContain('放假 1 天，调休上班 1 天');
    await page.locator('#calendar-save').click();
    expect(await text(page, '#calendar-notice')).toContain('2027 年放假安排已导入');
    expect(await text(page, '#calendar-year-2027')).toContain('已导入');
    await page.locator('#calendar-warning').waitFor({ state: 'detached' });
    await page.screenshot({ path: join(SCREENSHOTS, 'province-settings-calendar.png'), fullPage: true });

    const years = await api().get(`/api/orgs/${provinceId}/calendar/years`, { token });
    expect(years.body).toMatchObject({ missingYear: null });
    const log = await api().get(`/api/orgs/${provinceId}/audit?pageSize=20`, { token });
    expect(log.body.items.map((e: any) => e.action)).toContain('calendar.import');

    await page.goto(url(`/oversight/pages/federation/index?orgId=${provinceId}`));
    await page.locator('#fed-homes').waitFor();
    expect(await page.locator('#fed-calendar-warning').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
