// Bulk import in a real browser (issue 17 item 3): a federation admin opens 批量导入 for a city, downloads
// the template, picks a file with bad rows through the browser's file input and reads the dry run's
// report (counts, the refused rows with line, column and reason, the Excel report), then picks a clean
// file, confirms the counts and sees the import finish. The report's screenshot goes to the results
// folder; `bash scripts/screenshots.sh` copies it to docs/screenshots/import-report.png.
import ExcelJS from 'exceljs';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { launchBrowser, Page, watchErrors } from '../support/browser';
import { api, expectAccessible, SCREENSHOTS, staffToken, text, uniq } from './fixtures';
import { STAFF } from './global-setup';

const url = (path: string) => `${process.env.PINGJIA_URL}${path}`;
const HEADER = ['上级工会编码', '名称', '类型', '行业', '所有制', '会员人数', '职工人数', '评议方式', '外部编码'];
const csv = (rows: string[][]) => Buffer.from([HEADER, ...rows].map((r) => r.join(',')).join('\n'));

describe('批量导入 page (H5)', () => {
  const t = randomBytes(3).toString('hex').toUpperCase();
  const downloads = mkdtempSync(join(tmpdir(), 'pingjia-import-'));
  let page: Page;
  let close: () => Promise<void>;
  let errors: string[];
  let cityId = '';
  let adminToken = '';

  /** Clicks the pick button and hands the browser's file chooser this file. */
  async function pickFile(name: string, mimeType: string, buffer: Buffer) {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('#import-pick').click()]);
    await chooser.setFiles({ name, mimeType, buffer });
  }

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    let provinceId: string;
    ({ token: adminToken, provinceId } = await staffToken());
    const city = await api().post('/api/orgs', {
      token: adminToken,
      body: { parentId: provinceId, name: uniq('导入测试市'), level: 'city' },
    });
    expect(city.status).toBe(201);
    cityId = city.body.id;
    const b = await launchBrowser();
    page = await b.browser.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    close = b.close;
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await close?.();
    rmSync(downloads, { recursive: true, force: true });
  });

  it('downloads the template with the Chinese headers', async () => {
    await page.goto(url(`/oversight/pages/import/index?orgId=${cityId}`));
    await page.locator('#login-username input').fill(STAFF.username);
    await page.locator('#login-password input').fill(STAFF.password);
    await page.locator('#login-submit').click();
    await page.locator('#import-pick').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#import-template').click()]);
    const file = join(downloads, 'template.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(HEADER);
  });

  it('checks a file with bad rows: counts, the refused rows with their reasons, and the Excel report', async () => {
    await pickFile(
      'bad.csv',
      'text/csv',
      csv([
        ['', '甲区总工会', '县（区）总工会', '', '', '', '', '', `${t}-K1`],
        [`${t}-K1`, '甲厂工会职工之家', '企业职工之家', '制造业', '国有', '120', '', '', `${t}-H1`],
        [`${t}-NOPE`, '乙厂工会职工之家', '企业职工之家', '', '', '50', '', '', `${t}-H2`],
        [`${t}-K1`, '丙厂工会职工之家', '企业职工之家', '', '', '五十', '', '', `${t}-H3`],
        [`${t}-K1`, '=1+1', '企业职工之家', '', '', '50', '', '', `${t}-H4`],
      ]),
    );
    await page.locator('#import-report').waitFor({ timeout: 60_000 });
    expect(await text(page, '#import-count-create')).toContain('2');
    expect(await text(page, '#import-count-refused')).toContain('3');
    expect(await text(page, '#import-refused-notice')).toContain('有 3 行被拒绝');
    const table = await text(page, '#import-refused');
    expect(table).toContain(`找不到上级工会编码「${t}-NOPE」`);
    expect(table).toContain('「五十」不是有效的人数');
    expect(table).toContain('可能被表格软件当作公式执行');
    // All or nothing: with refused rows there is no import button.
    expect(await page.locator('#import-apply').count()).toBe(0);
    await expectAccessible(page);
    // Taro's H5 page scrolls inside .taro_page: the viewport grows to the page's height for the whole report.
    const height = await page.evaluate(() => document.querySelector('.taro_page.taro_page_show')?.scrollHeight ?? 900);
    await page.setViewportSize({ width: 1280, height: Math.max(900, height) });
    await page.locator('#import-refused').waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'import-report.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#import-report-download').click()]);
    const file = join(downloads, 'report.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const lines: string[] = [];
    wb.worksheets[0].eachRow((r) => lines.push((r.values as unknown[]).slice(1).join('|')));
    expect(lines[0]).toBe('行号|结果|对象|外部编码|名称|列|说明');
    expect(lines.filter((l) => l.split('|')[1] === '拒绝')).toHaveLength(3);
    expect(lines.some((l) => l.includes(`|'=1+1|`))).toBe(true);
  });

  it('imports a clean file after a confirmation naming the counts', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('导入');
    sheet.addRow(HEADER);
    sheet.addRow(['', '乙区总工会', '县（区）总工会', '', '', '', '', '', `${t}-K2`]);
    sheet.addRow([`${t}-K2`, '丁厂工会职工之家', '企业职工之家', '制造业', '民营', 80, 100, '开放', `${t}-H5`]);
    await pickFile(
      'clean.xlsx',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      Buffer.from(await book.xlsx.writeBuffer()),
    );
    await page.locator('#import-apply').waitFor({ timeout: 60_000 });
    expect(await text(page, '#import-count-refused')).toContain('0');
    await page.locator('#import-apply').click();
    expect(await text(page, '#import-confirm-text')).toContain('将新建 2 个、更新 0 个单位');
    await page.locator('#import-confirm-yes').click();
    expect(await text(page, '#import-done', 60_000)).toBe('导入完成：新建工会 1 个、职工之家 1 个，更新工会 0 个、职工之家 0 个。');
    const children = await api().get(`/api/orgs/${cityId}/children`, { token: adminToken });
    expect(children.body.items.map((c: { name: string }) => c.name)).toContain('乙区总工会');
    expect(errors).toEqual([]);
  });
});
