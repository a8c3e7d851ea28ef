// Issue 19: attachments WeChat's media check cannot clear wait for the level above the home. In the H5
// staff pages (内容审核) a city admin sees them — the file and the place only — opens one, releases it,
// and rejects another only after confirming; a double click decides once. A server of its own, with the
// stand-in WeChat and the media check on: a PDF, and a photo sent by tracking code (no account to check
// it as), go straight to the admin.
import { startFakeWechat, type FakeWechat } from '../fakes/wechat-server';
import { launchBrowser, watchErrors } from '../support/browser';
import { makeHeldFiles } from '../support/held-files';
import { client } from '../support/http';
import { demoEnv, H5_BUILD, startServer, wechatEnv, type RunningServer } from '../support/server';
import { expectAccessible, must, text, uniq } from './fixtures';

const ADMIN = { username: 'held-admin', password: 'held-admin-password-1' };

let wechat: FakeWechat;
let server: RunningServer;
const api = () => client(server.url);

describe('held attachments in the staff pages (H5)', () => {
  beforeAll(async () => {
    wechat = await startFakeWechat();
    server = await startServer({
      H5_DIR: H5_BUILD,
      ...demoEnv(ADMIN),
      ...wechatEnv(wechat),
      WECHAT_MEDIA_CHECK: 'true',
      WECHAT_PUSH_TOKEN: 'heldWebPushToken01',
    });
  });
  afterAll(async () => {
    await server?.stop();
    await wechat?.close();
  });

  it('lets the city admin open, release and (after confirming) reject held files; a double click decides once', async () => {
    const { adminToken, city, home, grievance: g, imageId, pdfId, statusOf } = await makeHeldFiles(server.url, ADMIN, uniq(''));
    const b = await launchBrowser();
    try {
      const page = await b.browser.newPage();
      const errors = watchErrors(page);
      await page.goto(`${server.url}/oversight/pages/held/index?orgId=${city.id}`);
      await page.locator('#login-username input').fill(ADMIN.username);
      await page.locator('#login-password input').fill(ADMIN.password);
      await page.locator('#login-submit').click();
      await page.locator('#held-file-1').waitFor({ timeout: 30_000 });
      expect(await page.locator('[id^="held-file-name-"]').count()).toBe(2);
      const names = await page.locator('[id^="held-file-name-"]').allInnerTexts();
      // The place and the file only: nothing of the grievance's text, nor its tracking code.
      for (const n of names) expect(n).toContain(home.name);
      const section = await page.locator('#held-files').innerText();
      expect(section).not.toContain('拖欠');
      expect(section).not.toContain(g.trackingCode);
      const image = names.findIndex((n) => n.includes('图片'));
      const pdf = names.findIndex((n) => n.includes('PDF'));
      expect([image, pdf].sort()).toEqual([0, 1]);

      // The photo opens in the page.
      await page.locator(`#held-file-open-${image}`).click();
      await page.locator(`#held-file-preview-${image} img`).waitFor({ timeout: 20_000 });
      expect(await page.locator(`#held-file-preview-${image} img`).evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(64);
      await expectAccessible(page);

      // Reject asks first; cancelling changes nothing.
      await page.locator(`#held-file-reject-${pdf}`).click();
      expect(await text(page, `#held-file-confirm-box-${pdf}`)).toContain('驳回后文件将被删除');
      await page.locator(`#held-file-cancel-${pdf}`).click();
      await page.locator(`#held-file-confirm-box-${pdf}`).waitFor({ state: 'detached' });
      expect(await statusOf(pdfId)).toBe('held');

      // Release with a double click: one decision (a second request would be a 409, an error here).
      await page.locator(`#held-file-release-${image}`).dblclick();
      expect(await text(page, '#held-files-notice')).toBe('附件已放行，处理人员现在可以查看');
      expect(await statusOf(imageId)).toBe('approved');
      await page.locator('#held-file-1').waitFor({ state: 'detached' });

      // The PDF is now the only one: reject it after confirming.
      await page.locator('#held-file-reject-0').click();
      await page.locator('#held-file-confirm-0').click();
      expect(await text(page, '#held-files-empty')).toBe('没有待审核的附件');
      expect(await text(page, '#held-files-notice')).toBe('附件已驳回，文件已删除');
      expect(await statusOf(pdfId)).toBe('rejected');

      const log = await must('audit', api().get(`/api/orgs/${city.id}/audit?pageSize=50`, { token: adminToken }));
      const decisions = log.items.filter((e: any) => e.action.startsWith('attachment.')).map((e: any) => [e.action, e.target.id]);
      expect(decisions.sort()).toEqual(
        [
          ['attachment.release', imageId],
          ['attachment.reject', pdfId],
        ].sort(),
      );
      expect(errors).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
