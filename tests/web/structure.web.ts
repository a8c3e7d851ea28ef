// Issue 17 items 2, 6, 7 in a real browser: a federation admin double-clicks 创建下级工会 (one union is
// made), edits a home's member count, moves it to another city with the move picker, deactivates one
// and merges a duplicate, each after a confirmation naming what happens; then reads the audit log by
// name, filters it and downloads it. A screenshot of the open structure editor goes to the results
// folder (structure-editor.png; `bash scripts/screenshots.sh` copies it into docs/screenshots/).
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserPage, api, expectAccessible, SCREENSHOTS, staffToken, text, uniq } from './fixtures';
import { STAFF } from './global-setup';
import type { Page } from '../support/browser';

const url = (path: string) => `${process.env.PINGJIA_URL}${path}`;

async function post(token: string, path: string, body: unknown) {
  const res = await api().post(path, { token, body });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${res.text}`);
  return res.body;
}

/** The index in the manage list (`manage-item-<i>`) of the item titled `name`. */
async function indexOf(page: Page, name: string): Promise<string> {
  const item = page.locator('[id^="manage-item-"]', { has: page.locator('.title', { hasText: name }) }).first();
  await item.waitFor({ state: 'visible' });
  return (await item.getAttribute('id'))!.slice('manage-item-'.length);
}

/** Waits until the element shows exactly this text (a notice replaces the one before it). */
const shows = (page: Page, selector: string, expected: string) => page.locator(selector, { hasText: expected }).waitFor();

const childrenOf = async (token: string, orgId: string) =>
  (await api().get(`/api/orgs/${orgId}/children`, { token })).body.items as Array<{
    id: string;
    name: string;
    orgId?: string;
    memberCount?: number;
    active: boolean;
  }>;

describe('structure editor and audit log (H5)', () => {
  let token: string;
  let cityA: { id: string; name: string };
  let cityB: { id: string; name: string };
  const homes: Record<'moved' | 'kept' | 'dup' | 'retired', { id: string; name: string }> = {} as never;
  let page: Page;
  let errors: string[];
  let close: () => Promise<void>;
  const downloads = mkdtempSync(join(tmpdir(), 'pingjia-audit-'));

  beforeAll(async () => {
    const staff = await staffToken();
    token = staff.token;
    cityA = await post(token, '/api/orgs', { parentId: staff.provinceId, name: uniq('编辑市'), level: 'city' });
    cityB = await post(token, '/api/orgs', { parentId: staff.provinceId, name: uniq('目标市'), level: 'city' });
    for (const key of ['moved', 'kept', 'dup', 'retired'] as const)
      homes[key] = await post(token, '/api/homes', {
        orgId: cityA.id,
        name: uniq(`${key}厂工会`),
        kind: 'enterprise',
        memberCount: 1200,
        membershipMode: 'open',
      });
    ({ page, errors, close } = await browserPage());
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url(`/oversight/pages/manage/index?orgId=${cityA.id}`));
    await page.locator('#login-username input').fill(STAFF.username);
    await page.locator('#login-password input').fill(STAFF.password);
    await page.locator('#login-submit').click();
    await indexOf(page, homes.moved.name);
  });

  afterAll(async () => {
    await close?.();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('creates one union when 创建下级工会 is double-clicked', async () => {
    const name = uniq('双击区');
    await page.locator('#org-name input').fill(name);
    await page.locator('#org-level-county').click();
    await page.locator('#org-create').dblclick();
    await shows(page, '#org-notice', `已创建「${name}」`);
    await indexOf(page, name);
    expect((await childrenOf(token, cityA.id)).filter((c) => c.name === name)).toHaveLength(1);
  });

  it('edits a home’s member count (1200 → 120)', async () => {
    const i = await indexOf(page, homes.moved.name);
    await page.locator(`#manage-adjust-${i}`).click();
    await page.locator(`#manage-edit-${i}-members input`).fill('120');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'structure-editor.png'), fullPage: true });
    await expectAccessible(page);
    await page.locator(`#manage-edit-${i}-save`).click();
    await shows(page, '#manage-structure-notice', `「${homes.moved.name}」已保存，修改已记入操作日志`);
    expect((await childrenOf(token, cityA.id)).find((c) => c.id === homes.moved.id)?.memberCount).toBe(120);
  });

  it('moves the home to another city with the picker, after a confirmation naming both', async () => {
    const i = await indexOf(page, homes.moved.name);
    await page.locator(`#manage-adjust-${i}`).click();
    await page.locator(`#manage-edit-${i}-move`).click();
    // The picker starts at the city's parent (the province) and goes down into the other city.
    await page.locator(`[id^="manage-edit-${i}-picker-org-"]`, { hasText: cityB.name }).click();
    // The picker loads the city's lower unions before it shows its name: wait for that, not for the old one.
    await shows(page, `#manage-edit-${i}-picker-at`, `移到：${cityB.name}`);
    await page.locator(`#manage-edit-${i}-picker-here`).click();
    expect(await text(page, `#manage-edit-${i}-consequence-move`)).toContain(`「${homes.moved.name}」将移到「${cityB.name}」下`);
    await page.locator(`#manage-edit-${i}-confirm-move-yes`).click();
    await shows(page, '#manage-structure-notice', `「${homes.moved.name}」已移到「${cityB.name}」下`);
    await page.locator('.title', { hasText: homes.moved.name }).waitFor({ state: 'detached' });
    expect((await childrenOf(token, cityB.id)).map((c) => c.id)).toContain(homes.moved.id);
  });

  it('deactivates a home after saying what deactivation means', async () => {
    const i = await indexOf(page, homes.retired.name);
    await page.locator(`#manage-adjust-${i}`).click();
    await page.locator(`#manage-edit-${i}-active`).click();
    expect(await text(page, `#manage-edit-${i}-consequence-active`)).toContain('历史评议结果和记录都保留');
    await page.locator(`#manage-edit-${i}-confirm-active-yes`).click();
    await shows(page, '#manage-structure-notice', `「${homes.retired.name}」已停用`);
    await page.locator(`#manage-item-${i} .ov-sub`, { hasText: '已停用' }).waitFor();
    expect((await childrenOf(token, cityA.id)).find((c) => c.id === homes.retired.id)?.active).toBe(false);
  });

  it('merges a duplicate home into its twin', async () => {
    const i = await indexOf(page, homes.dup.name);
    await page.locator(`#manage-adjust-${i}`).click();
    await page.locator(`#manage-edit-${i}-twin-${homes.kept.id}`).click();
    expect(await text(page, `#manage-edit-${i}-consequence-merge`)).toContain(`「${homes.dup.name}」将并入「${homes.kept.name}」`);
    await page.locator(`#manage-edit-${i}-confirm-merge-yes`).click();
    await shows(page, '#manage-structure-notice', `「${homes.dup.name}」已合并`);
    await page.locator('.title', { hasText: homes.dup.name }).waitFor({ state: 'detached' });
    expect((await childrenOf(token, cityA.id)).map((c) => c.id)).not.toContain(homes.dup.id);
  });

  it('shows the audit log by name, filters it by action, and downloads it', async () => {
    await page.goto(url(`/oversight/pages/audit/index?orgId=${cityA.id}`));
    const table = page.locator('#audit-table');
    await table.getByText(`职工之家：${homes.moved.name}`).first().waitFor();
    const all = await table.innerText();
    expect(all).toContain('修改职工之家信息');
    expect(all).toContain('会员人数 1200 → 120');
    expect(all).toMatch(/\S+（上级工会管理员）\t/);
    expect(all).toContain('合并重复职工之家');
    await page.locator('#audit-action-home\\.deactivate').click();
    await page.waitForFunction(
      () =>
        (document.querySelector('#audit-table')?.textContent ?? '').includes('停用职工之家') &&
        !(document.querySelector('#audit-table')?.textContent ?? '').includes('合并重复职工之家'),
    );
    expect(await table.innerText()).toContain(homes.retired.name);
    await expectAccessible(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#audit-export').click()]);
    expect(download.suggestedFilename()).toBe('操作日志.xlsx');
    const file = join(downloads, 'audit.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const rows = wb.worksheets[0].getSheetValues().flat().map(String).join(' ');
    expect(rows).toContain('停用职工之家');
    expect(rows).toContain(homes.retired.name);
    expect(rows).not.toContain('合并重复职工之家');
    expect(errors).toEqual([]);
  });
});
