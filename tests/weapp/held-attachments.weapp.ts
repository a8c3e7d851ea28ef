// Issue 19: attachments WeChat's media check cannot clear wait for the level above the home (内容审核).
// In the weapp build, in WeChat's simulator: the city admin sees the held files — the place and the file
// only — releases one (a double tap decides once) and rejects the other only after confirming. A server
// of its own (the media check on, which the suites' shared server leaves off) and its own stand-in WeChat.
import { startFakeWechat, type FakeWechat } from '../fakes/wechat-server';
import { makeHeldFiles, type HeldFiles } from '../support/held-files';
import { jsonClient } from './node-http';
import { demoEnv, startServer, wechatEnv, type RunningServer } from '../support/server';
import { weapp, type Weapp } from './harness';

const ADMIN = { username: 'held-weapp-admin', password: 'held-weapp-admin-password-1' };

describe('held attachments in the staff pages (weapp build, WeChat simulator)', () => {
  let wechat: FakeWechat;
  let server: RunningServer;
  let h: Weapp;
  let held: HeldFiles;

  beforeAll(async () => {
    wechat = await startFakeWechat();
    server = await startServer({
      ...demoEnv(ADMIN),
      ...wechatEnv(wechat),
      WECHAT_MEDIA_CHECK: 'true',
      WECHAT_PUSH_TOKEN: 'heldWeappPushToken1',
    });
    // This file's app talks to this server (the harness reads these once, when the app is loaded).
    process.env.PINGJIA_URL = server.url;
    process.env.FAKE_WECHAT_URL = wechat.url;
    h = weapp();
    held = await makeHeldFiles(server.url, ADMIN, Math.random().toString(36).slice(2, 8));
  });
  afterAll(async () => {
    await server?.stop();
    await wechat?.close();
  });

  it('lets the city admin release one held file and reject the other after confirming; a double tap decides once', async () => {
    await h.reLaunch(`/oversight/pages/held/index?orgId=${held.city.id}`);
    await h.waitForId('login-submit');
    await h.type('login-username', ADMIN.username);
    await h.type('login-password', ADMIN.password);
    await h.tap('login-submit');
    await h.waitForId('held-file-1', { timeoutMs: 30_000 });
    const names = [0, 1].map((i) => h.text(`held-file-name-${i}`));
    // The place and the file only: nothing of the grievance's text, nor its tracking code.
    for (const n of names) expect(n).toContain(held.home.name);
    const section = h.text('held-files');
    expect(section).not.toContain('拖欠');
    expect(section).not.toContain(held.grievance.trackingCode);
    const image = names.findIndex((n) => n.includes('图片'));
    const pdf = names.findIndex((n) => n.includes('PDF'));
    expect([image, pdf].sort()).toEqual([0, 1]);

    // Reject asks first; 先不了 changes nothing.
    await h.tap(`held-file-reject-${pdf}`);
    await h.waitForId(`held-file-confirm-box-${pdf}`);
    expect(h.text(`held-file-confirm-box-${pdf}`)).toContain('驳回后文件将被删除');
    await h.tap(`held-file-cancel-${pdf}`);
    await h.waitFor(() => !h.find(`held-file-confirm-box-${pdf}`), { message: 'the confirmation closed' });
    expect(await held.statusOf(held.pdfId)).toBe('held');

    // Two taps before the page redraws: one release request (a second would be a 409, shown as an error).
    await Promise.all([h.tap(`held-file-release-${image}`), h.tap(`held-file-release-${image}`)]);
    await h.waitFor(() => h.find('held-files-notice')?.textContent?.includes('附件已放行'), { message: 'the release confirmed' });
    expect(await held.statusOf(held.imageId)).toBe('approved');
    const releases = h.env.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/release'));
    expect(releases.map((r) => r.status)).toEqual([204]);
    await h.waitFor(() => !h.find('held-file-1'), { message: 'the released file gone from the list' });

    // The PDF is now the only one: reject it after confirming.
    await h.tap('held-file-reject-0');
    await h.waitForId('held-file-confirm-0');
    await h.tap('held-file-confirm-0');
    await h.waitForId('held-files-empty');
    expect(h.text('held-files-notice')).toBe('附件已驳回，文件已删除');
    expect(await held.statusOf(held.pdfId)).toBe('rejected');

    const log = await jsonClient(server.url).get(`/api/orgs/${held.city.id}/audit?pageSize=50`, { token: held.adminToken });
    const decisions = (log.body.items as any[]).filter((e) => e.action.startsWith('attachment.')).map((e) => [e.action, e.target.id]);
    expect(decisions.sort()).toEqual(
      [
        ['attachment.release', held.imageId],
        ['attachment.reject', held.pdfId],
      ].sort(),
    );
  });
});
