// The campaign lifecycle in the browser (issue 18 item 1): the province's admin creates a city's cycle
// with the date picker, is told under the field what is missing, schedules, edits, opens, extends,
// closes and publishes it — closing and publishing only after a confirmation that names the cycle, its
// owner and how many homes it covers — and cancels a draft. The city's own admin sees the province's
// cycle with its owner and no button it cannot use.
import { launchBrowser, Page, watchErrors } from '../support/browser';
import { api, pickDate, staffToken, text, uniq } from './fixtures';
import { STAFF } from './global-setup';

const url = (path: string) => `${process.env.PINGJIA_URL}${path}`;

async function logIn(page: Page, username: string, password: string) {
  await page.locator('#login-username input').fill(username);
  await page.locator('#login-password input').fill(password);
  await page.locator('#login-submit').click();
}

/** The index of the list item (campaign-<i>) showing `name`. */
async function itemOf(page: Page, name: string): Promise<string> {
  const item = page.locator('[id^="campaign-"]', { hasText: name }).first();
  await item.waitFor({ state: 'visible' });
  return (await item.getAttribute('id'))!.slice('campaign-'.length);
}

const statusIs = (page: Page, i: string, label: string) =>
  page.waitForFunction(([n, l]) => document.querySelector(`#campaign-status-${n}`)?.textContent?.startsWith(l), [i, label] as const);

describe('campaign lifecycle in the browser', () => {
  let page: Page;
  let close: () => Promise<void>;
  let errors: string[];
  let token = '';
  let provinceId = '';
  const city = { id: '', name: uniq('周期界面市') };
  const campaignName = uniq('界面周期');
  const draftName = uniq('界面草稿');

  beforeAll(async () => {
    ({ token, provinceId } = await staffToken());
    const c = await api().post('/api/orgs', { token, body: { parentId: provinceId, name: city.name, level: 'city' } });
    city.id = c.body.id;
    for (const n of ['甲', '乙', '丙']) {
      const h = await api().post('/api/homes', {
        token,
        body: { orgId: city.id, name: uniq(`${n}厂职工之家`), kind: 'enterprise', memberCount: 30, membershipMode: 'open' },
      });
      expect(h.status).toBe(201);
    }
    const b = await launchBrowser();
    close = b.close;
    page = await b.browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    errors = watchErrors(page, [/\/my-rating$/, { status: 400, path: /\/campaigns\/[^/]+\/schedule$/ }]);
  });
  afterAll(() => close?.());

  it('says under each field what is missing, then creates a draft from days picked with the date picker', async () => {
    await page.goto(url(`/oversight/pages/campaigns/index?orgId=${city.id}`));
    await logIn(page, STAFF.username, STAFF.password);
    await page.locator('#campaign-submit').click();
    expect(await text(page, '#error-campaign-name')).toBe('请填写评议周期名称（至少 2 个字）');
    await page.locator('#campaign-name input').fill(campaignName);
    await page.locator('#campaign-submit').click();
    expect(await text(page, '#error-campaign-opens')).toBe('请选择开始日期');

    // The picker opens on today (the first day it offers); the end a year later from the year column.
    await pickDate(page, '#campaign-opens');
    const today = await text(page, '#campaign-opens-value');
    expect(today).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
    await pickDate(page, '#campaign-closes', { year: 1 });
    const [y] = today.split('年');
    expect(await text(page, '#campaign-closes-value')).toMatch(new RegExp(`^${Number(y) + 1}年`));
    await page.locator('#campaign-submit').click();
    expect(await text(page, '#campaign-notice')).toContain(`已创建草稿「${campaignName}」`);
    const i = await itemOf(page, campaignName);
    expect(await text(page, `#campaign-status-${i}`)).toMatch(/^草稿 · /);
    expect(await text(page, `#campaign-owner-${i}`)).toBe(`组织单位：${city.name}`);

    const created = (await api().get(`/api/campaigns?orgId=${city.id}`, { token })).body.find(
      (c: { name: string }) => c.name === campaignName,
    );
    expect(created).toMatchObject({
      status: 'draft',
      opensAt: expect.stringMatching(/T16:00:00\.000Z$/),
      closesAt: expect.stringMatching(/T15:59:59\.000Z$/),
    });
  });

  it('refuses to schedule a start already past with the reason, and opens at once after a confirmation naming owner and homes', async () => {
    const i = await itemOf(page, campaignName);
    await page.locator(`#campaign-schedule-${i}`).click();
    expect(await text(page, `#campaign-notice-${i}`)).toContain('开始时间已过');
    expect(await text(page, `#campaign-status-${i}`)).toMatch(/^草稿/);

    await page.locator(`#campaign-open-${i}`).click();
    expect(await text(page, `#campaign-confirm-title-${i}`)).toBe(`立即开始：「${campaignName}」`);
    expect(await text(page, `#campaign-confirm-owner-${i}`)).toBe(`组织单位：${city.name}`);
    expect(await text(page, `#campaign-confirm-homes-${i}`)).toBe('覆盖职工之家：3 个');
    await page.locator(`#campaign-confirm-${i}`).click();
    await statusIs(page, i, '评议中');
    // no edit once open; extend and close instead
    expect(await page.locator(`#campaign-edit-${i}`).count()).toBe(0);
  });

  it('extends the close with the date picker', async () => {
    const i = await itemOf(page, campaignName);
    const before = (await api().get(`/api/campaigns?orgId=${city.id}`, { token })).body.find(
      (c: { name: string }) => c.name === campaignName,
    );
    await page.locator(`#campaign-extend-${i}`).click();
    await pickDate(page, `#campaign-extend-date-${i}`, { year: 1 });
    await page.locator(`#campaign-extend-save-${i}`).click();
    expect(await text(page, `#campaign-notice-${i}`)).toContain('已延长至');
    const after = (await api().get(`/api/campaigns/${before.id}`, { token })).body;
    expect(Date.parse(after.closesAt) - Date.parse(before.closesAt)).toBeGreaterThanOrEqual(365 * 86400e3);
  });

  it('closes and publishes only after a confirmation that names the cycle, its owner and its homes; backing out changes nothing', async () => {
    const i = await itemOf(page, campaignName);
    await page.locator(`#campaign-close-${i}`).click();
    expect(await text(page, `#campaign-confirm-title-${i}`)).toBe(`结束评议：「${campaignName}」`);
    expect(await text(page, `#campaign-confirm-owner-${i}`)).toBe(`组织单位：${city.name}`);
    expect(await text(page, `#campaign-confirm-homes-${i}`)).toBe('覆盖职工之家：3 个');
    await page.locator(`#campaign-confirm-cancel-${i}`).click();
    expect(await text(page, `#campaign-status-${i}`)).toMatch(/^评议中/);

    await page.locator(`#campaign-close-${i}`).click();
    await page.locator(`#campaign-confirm-${i}`).click();
    await statusIs(page, i, '已结束');
    await page.locator(`#campaign-publish-${i}`).click();
    expect(await text(page, `#campaign-confirm-title-${i}`)).toBe(`公布结果：「${campaignName}」`);
    expect(await text(page, `#campaign-confirm-homes-${i}`)).toBe('覆盖职工之家：3 个');
    await page.locator(`#campaign-confirm-${i}`).click();
    await statusIs(page, i, '已公布');
  });

  it('schedules a draft for next year, moves it back to draft, edits its name and cancels it', async () => {
    await page.locator('#campaign-name input').fill(draftName);
    await pickDate(page, '#campaign-opens', { year: 1 });
    await pickDate(page, '#campaign-closes', { month: 1 });
    await page.locator('#campaign-submit').click();
    const i = await itemOf(page, draftName);
    await page.locator(`#campaign-schedule-${i}`).click();
    await statusIs(page, i, '待开始');
    await page.locator(`#campaign-unschedule-${i}`).click();
    await statusIs(page, i, '草稿');

    await page.locator(`#campaign-edit-${i}`).click();
    await page.locator(`#campaign-edit-form-${i}-name input`).fill(`${draftName}改`);
    await page.locator(`#campaign-edit-form-${i}-submit`).click();
    await page.waitForFunction(([n, name]) => document.querySelector(`#campaign-${n}`)?.textContent?.includes(name), [
      i,
      `${draftName}改`,
    ] as const);

    await page.locator(`#campaign-cancel-${i}`).click();
    expect(await text(page, `#campaign-confirm-title-${i}`)).toBe(`取消草稿：「${draftName}改」`);
    await page.locator(`#campaign-confirm-${i}`).click();
    await statusIs(page, i, '已取消');
  });

  it("shows the city's admin who owns the province's cycle and no button it cannot use", async () => {
    const invite = await api().post(`/api/orgs/${city.id}/invites`, { token, body: { role: 'federation_admin' } });
    expect(invite.status).toBe(201);
    const cityAdmin = { username: uniq('city_admin_'), password: 'city-admin-password-1' };
    expect((await api().post(`/api/invites/${invite.body.code}/accept`, { body: cityAdmin })).status).toBe(200);
    const province = (await api().get(`/api/orgs/${provinceId}`, { token })).body;
    const demo = (await api().get(`/api/campaigns?orgId=${provinceId}`, { token })).body.find(
      (c: { orgId: string; status: string }) => c.orgId === provinceId && c.status === 'open',
    );

    const b = await launchBrowser();
    try {
      const cityPage = await b.browser.newPage();
      const cityErrors = watchErrors(cityPage);
      await cityPage.goto(url(`/oversight/pages/campaigns/index?orgId=${city.id}`));
      await logIn(cityPage, cityAdmin.username, cityAdmin.password);
      const i = await itemOf(cityPage, demo.name);
      expect(await text(cityPage, `#campaign-owner-${i}`)).toBe(`组织单位：${province.name}（由上级工会管理，本级只能查看）`);
      expect(await cityPage.locator(`#campaign-${i} taro-button-core`).count()).toBe(0);
      // the city's own cycle (published above) is the city admin's to see, with its owner
      const own = await itemOf(cityPage, campaignName);
      expect(await text(cityPage, `#campaign-owner-${own}`)).toBe(`组织单位：${city.name}`);
      expect(cityErrors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('logged no unexpected error', () => {
    expect(errors).toEqual([]);
  });
});
