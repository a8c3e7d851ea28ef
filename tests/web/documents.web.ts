// Issue 18 items 5-6 in a real browser: the rectification overview (整改跟踪) with send-back (退回) and
// sign-off, the chair seeing why a plan came back, the whole poster shown on a phone, and the print run
// and the dossier downloading as PDFs.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, Page, watchErrors } from '../support/browser';
import { pdfText } from '../support/pdf';
import { api, staffToken, text, uniq } from './fixtures';
import { STAFF } from './global-setup';
import { confirmedMove } from '../support/campaigns';

const url = (path: string) => `${process.env.PINGJIA_URL}${path}`;
const REASON = '方案没有写明完成时间和责任人';

async function logIn(page: Page, username: string, password: string) {
  await page.locator('#login-username input').fill(username);
  await page.locator('#login-password input').fill(password);
  await page.locator('#login-submit').click();
}

async function ok<T = any>(res: Promise<{ status: number; body: T; text: string }>, status = [200, 201]) {
  const r = await res;
  if (!status.includes(r.status)) throw new Error(`${r.status} ${r.text}`);
  return r.body;
}

describe('rectification overview, posters and dossier (H5)', () => {
  const downloads = mkdtempSync(join(tmpdir(), 'pingjia-docs-'));
  let adminToken: string;
  let cityId: string;
  let campaignId: string;
  const homes: Record<'a' | 'b' | 'c', { id: string; name: string }> = {} as never;
  const chairs: Record<'a' | 'b', { username: string; password: string; token: string }> = {} as never;
  let admin: { page: Page; close: () => Promise<void>; errors: string[] };
  let chair: { page: Page; close: () => Promise<void>; errors: string[] };

  beforeAll(async () => {
    const staff = await staffToken();
    adminToken = staff.token;
    const city = await ok(
      api().post('/api/orgs', { token: adminToken, body: { parentId: staff.provinceId, name: uniq('整改市'), level: 'city' } }),
    );
    cityId = city.id;
    for (const [key, name] of [
      ['a', '甲厂工会职工之家'],
      ['b', '乙厂工会职工之家'],
      ['c', '丙厂工会职工之家'],
    ] as const) {
      const body = { orgId: cityId, name: uniq(name), kind: 'enterprise', memberCount: 10, membershipMode: 'open' };
      homes[key] = await ok(api().post('/api/homes', { token: adminToken, body }));
    }
    const now = Date.now();
    const c = await ok(
      api().post('/api/campaigns', {
        token: adminToken,
        body: {
          orgId: cityId,
          name: uniq('整改评家'),
          opensAt: new Date(now - 3600e3).toISOString(),
          closesAt: new Date(now + 30 * 86400e3).toISOString(),
        },
      }),
    );
    campaignId = c.id;
    await ok(api().post(`/api/campaigns/${campaignId}/open`, { token: adminToken }));
    await ok(confirmedMove(api(), adminToken, campaignId, 'close'));
    for (const key of ['a', 'b'] as const) {
      const invite = await ok(api().post(`/api/homes/${homes[key].id}/invites`, { token: adminToken, body: { role: 'chair' } }));
      const account = { username: uniq(`chair_${key}_`), password: 'chair-password-2026' };
      const accepted = await ok(api().post(`/api/invites/${invite.code}/accept`, { body: account }));
      chairs[key] = { ...account, token: accepted.token };
    }
    const rect = (key: 'a' | 'b') => `/api/campaigns/${campaignId}/homes/${homes[key].id}/rectification`;
    await ok(api().post(rect('a'), { token: chairs.a.token, body: { plan: '甲：每季度召开职代会' } }));
    await ok(api().post(rect('a'), { token: chairs.a.token, body: { progress: '甲：第一季度已召开' } }));
    await ok(api().post(rect('b'), { token: chairs.b.token, body: { plan: '乙：以后再说' } }));

    const open = async (width: number, height: number) => {
      const b = await launchBrowser();
      const page = await b.browser.newPage();
      await page.setViewportSize({ width, height });
      return { page, close: b.close, errors: watchErrors(page) };
    };
    admin = await open(1280, 900);
    chair = await open(390, 844);
  });
  afterAll(async () => {
    await admin?.close();
    await chair?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  const indexOf = async (page: Page, name: string) => {
    const item = page.locator('[id^="rects-item-"]', { hasText: name }).first();
    await item.waitFor({ state: 'visible' });
    return (await item.getAttribute('id'))!.slice('rects-item-'.length);
  };

  it('lists the homes by state, sends one plan back with a reason and signs another off, after a confirmation', async () => {
    const { page } = admin;
    await page.goto(url(`/oversight/pages/rectifications/index?orgId=${cityId}&campaignId=${campaignId}`));
    await logIn(page, STAFF.username, STAFF.password);
    expect(await text(page, '#rects-campaign')).toMatch(/整改方案应于 \d{4}-\d{2}-\d{2} 前提交/);
    expect(await text(page, '#rects-filter-awaiting_sign_off')).toBe('待验收（1）');
    expect(await text(page, '#rects-filter-in_progress')).toBe('整改中（1）');
    expect(await text(page, '#rects-filter-missing')).toBe('未提交（1）');
    // What needs the federation first comes first: awaiting sign-off, missing, in progress.
    expect(await text(page, '#rects-name-0')).toBe(homes.a.name);
    expect(await text(page, '#rects-name-1')).toBe(homes.c.name);
    expect(await text(page, '#rects-name-2')).toBe(homes.b.name);

    // 退回 乙: the confirmation needs a reason.
    const b = await indexOf(page, homes.b.name);
    await page.locator(`#rects-sendback-${b}`).click();
    expect(await page.locator(`#rects-sendback-confirm-${b}`).getAttribute('aria-disabled')).toBe('true');
    await page.locator(`#rects-reason-input-${b} textarea`).fill(REASON);
    await page.locator(`#rects-sendback-confirm-${b}`).click();
    expect(await text(page, '#rects-notice')).toBe(`已退回${homes.b.name}的整改方案`);
    await page.waitForFunction(() => document.querySelector('#rects-filter-sent_back')?.textContent === '已退回（1）');
    const b2 = await indexOf(page, homes.b.name);
    expect(await text(page, `#rects-state-${b2}`)).toContain('已退回');
    expect(await text(page, `#rects-reason-${b2}`)).toContain(REASON);

    // 验收 甲, after saying what it means.
    const a = await indexOf(page, homes.a.name);
    await page.locator(`#rects-signoff-${a}`).click();
    expect(await text(page, `#rects-signoff-note-${a}`)).toContain('不能再修改');
    await page.locator(`#rects-signoff-confirm-${a}`).click();
    expect(await text(page, '#rects-notice')).toBe(`已验收${homes.a.name}的整改`);
    await page.waitForFunction(() => document.querySelector('#rects-filter-signed_off')?.textContent === '已验收（1）');
    expect(await text(page, `#rects-state-${await indexOf(page, homes.a.name)}`)).toMatch(/^已验收/);

    // The filter shows one state only.
    await page.locator('#rects-filter-sent_back').click();
    await page.waitForFunction(() => document.querySelectorAll('[id^="rects-item-"]').length === 1);
    expect(await text(page, '#rects-name-0')).toBe(homes.b.name);
    expect(admin.errors).toEqual([]);
  });

  it("shows the chair of the returned plan why, and the poster whole on a phone's screen", async () => {
    const { page } = chair;
    await page.goto(url(`/oversight/pages/rectification/index?homeId=${homes.b.id}&campaignId=${campaignId}`));
    await logIn(page, chairs.b.username, chairs.b.password);
    expect(await text(page, '#rect-status')).toMatch(/上级工会已于 \d{4}-\d{2}-\d{2} 退回整改方案/);
    expect(await text(page, '#rect-sentback-reason')).toBe(`退回理由：${REASON}`);

    await page.locator('#chair-nav-poster').click();
    await page.waitForFunction(() => {
      const img = document.querySelector('#poster-image img') as HTMLImageElement | null;
      return !!img && img.complete && img.naturalWidth > 200;
    });
    // The whole poster is shown: the image box is as tall as the picture at its width (it was cut to 240 px).
    const box = await page.evaluate(() => {
      const host = document.querySelector('#poster-image') as HTMLElement;
      const img = host.querySelector('img') as HTMLImageElement;
      const h = host.getBoundingClientRect();
      const i = img.getBoundingClientRect();
      return { hostHeight: h.height, imgHeight: i.height, imgWidth: i.width, ratio: img.naturalHeight / img.naturalWidth };
    });
    expect(box.imgHeight).toBeCloseTo(box.imgWidth * box.ratio, 0);
    expect(box.hostHeight).toBeGreaterThanOrEqual(box.imgHeight - 1);
    expect(chair.errors).toEqual([]);
  });

  it('downloads the print run and the dossier as PDFs', async () => {
    const { page } = admin;
    await page.goto(url(`/oversight/pages/federation/index?orgId=${cityId}&campaignId=${campaignId}`));
    const [run] = await Promise.all([page.waitForEvent('download'), page.locator('#fed-posters').click()]);
    const runFile = join(downloads, 'posters.pdf');
    await run.saveAs(runFile);
    const runText = (await pdfText(readFileSync(runFile))).replace(/\s+/g, '');
    for (const h of Object.values(homes)) expect(runText).toContain(h.name);
    expect(await text(page, '#fed-notice')).toContain('已开始下载');

    await page.goto(url(`/oversight/pages/chair/index?homeId=${homes.a.id}&campaignId=${campaignId}`));
    const [dossier] = await Promise.all([page.waitForEvent('download'), page.locator('#chair-dossier').click()]);
    const dossierFile = join(downloads, 'dossier.pdf');
    await dossier.saveAs(dossierFile);
    const dossierText = (await pdfText(readFileSync(dossierFile))).replace(/\s+/g, '');
    expect(dossierText).toContain(homes.a.name);
    expect(dossierText).toContain('状态：已验收');
    expect(admin.errors).toEqual([]);
  });
});
