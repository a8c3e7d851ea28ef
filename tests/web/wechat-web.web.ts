// Issue 19 item 6, members outside the mini-program, in the H5 app against a server of its own with the
// stand-in WeChat (web authorisation set up, no dev login, as in production):
// - in WeChat's browser the page goes through WeChat web authorisation (snsapi_base) and comes back signed
//   in; a person who already rated in the mini-program (same unionid) is that member: the page offers to
//   change their rating, and sending it changes the one rating (200), never adds a second (201);
// - in any other browser the page says to open it in WeChat and shows the home's mini-program code.
import { FAKE_WEB_USER_COOKIE, startFakeWechat, type FakeWechat } from '../fakes/wechat-server';
import { launchBrowser, watchErrors } from '../support/browser';
import { client } from '../support/http';
import { demoEnv, H5_BUILD, startServer, wechatEnv, wechatWebEnv, type RunningServer } from '../support/server';
import { fakeWechat } from '../support/wechat';
import { openCycle } from '../support/campaigns';
import { adminWithCity, expectAccessible, must, openHomeOn, scoreAll, text, uniq } from './fixtures';

const ADMIN = { username: 'webauth-admin', password: 'webauth-admin-password-1' };
const WECHAT_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.47.2560(0x28002F35) NetType/WIFI Language/zh_CN';

let wechat: FakeWechat;
let server: RunningServer;
const api = () => client(server.url);

describe('members outside the mini-program (H5)', () => {
  let home: { id: string; sceneToken: string };
  let campaignId: string;
  const homeUrl = () => `${server.url}/pages/home/index?scene=${encodeURIComponent(home.sceneToken)}`;

  beforeAll(async () => {
    wechat = await startFakeWechat();
    server = await startServer({
      H5_DIR: H5_BUILD,
      ...demoEnv(ADMIN),
      AUTH_DEV_LOGIN: 'false',
      ...wechatEnv(wechat),
      ...wechatWebEnv(wechat),
    });
    const { token, city } = await adminWithCity(api, ADMIN, '网页授权市');
    home = await openHomeOn(api, token, city.id, uniq('网页授权厂工会'), 20);
    campaignId = (await openCycle(api(), token, city.id, uniq('网页授权评家'))).id;
  });
  afterAll(async () => {
    await server?.stop();
    await wechat?.close();
  });

  it('shows any other browser a page that says to open it in WeChat, with the mini-program code', async () => {
    const b = await launchBrowser();
    try {
      const page = await b.browser.newPage();
      // The code is fetched from the stand-in WeChat, which runs in this (Jest) process. It used to be asked
      // for while axe ran below: playwright decoding axe's results is synchronous work here that, on a loaded
      // machine, kept the stand-in from answering within the server's 5 s, twice (errcode -1, then a 503).
      // So the image is awaited — a real PNG, drawn — before anything else runs in this process.
      const errors = watchErrors(page);
      const code = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/miniprogram-code'), { timeout: 60_000 });
      await page.goto(homeUrl());
      const image = await code;
      // This home's mini-program code (what the endpoint serves: tests/api/wechat-web-login.api.ts).
      expect(new URL(image.url()).pathname).toBe(`/api/homes/scene/${encodeURIComponent(home.sceneToken)}/miniprogram-code`);
      expect([image.status(), image.headers()['content-type']]).toEqual([200, 'image/png']);
      expect((await image.body()).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      await page.waitForFunction(
        () => ((document.querySelector('#open-in-wechat-code img') as HTMLImageElement | null)?.naturalWidth ?? 0) > 0,
        null,
        {
          timeout: 20_000,
        },
      );
      expect(await text(page, '#open-in-wechat-title')).toBe('请在微信中打开');
      expect(await text(page, '#open-in-wechat-note')).toContain('扫描');
      expect(await page.locator('#start-rating').count()).toBe(0);
      await expectAccessible(page);
      expect(errors).toEqual([]);
    } finally {
      await b.close();
    }
  });

  it('signs a WeChat-browser visitor in through web authorisation as the mini-program member with the same unionid, who cannot rate twice', async () => {
    // The member rated in the mini-program (wx.login → jscode2session; the stand-in's unionid is u_<openid>).
    const mp = await fakeWechat(wechat.url).code();
    const inApp = await must('mini-program login', api().post('/api/auth/wechat', { body: { code: mp.code } }));
    const path = `/api/campaigns/${campaignId}/homes/${home.id}/my-rating`;
    const scores = { organization: 4, rights: 4, work: 4, role: 4, trust: 4 };
    await must('rating', api().put(path, { token: inApp.token, body: { scores, verdict: 'satisfied' } }), 201);
    // The same person opens the poster's web link in WeChat: another openid (the official account's), the same unionid.
    const key = uniq('wxuser_');
    await fakeWechat(wechat.url).webUser(key, { openid: uniq('oWeb_'), unionid: `u_${mp.openid}` });

    const b = await launchBrowser();
    try {
      await b.browser.addInitScript((ua) => Object.defineProperty(navigator, 'userAgent', { get: () => ua }), WECHAT_UA);
      await b.browser.addCookies([{ name: FAKE_WEB_USER_COOKIE, value: key, url: wechat.url }]);
      const page = await b.browser.newPage();
      const errors = watchErrors(page);
      const authorised = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/wechat-web');
      await page.goto(homeUrl());
      expect((await authorised).status()).toBe(200);
      // Back on the home page, signed in as the member who rated: their rating is there to change.
      expect(await text(page, '#already-rated')).toContain('您已评议');
      expect(await text(page, '#start-rating')).toBe('修改评议');
      // The code is gone from the address (a reload must not reuse it).
      expect(new URL(page.url()).searchParams.get('code')).toBeNull();
      await page.locator('#start-rating').click();
      await page.locator('#submit-rating').waitFor();
      await scoreAll(page, 2);
      await page.locator('#verdict-dissatisfied').click();
      const put = page.waitForResponse((r) => r.request().method() === 'PUT' && /\/my-rating$/.test(new URL(r.url()).pathname));
      await page.locator('#submit-rating').click();
      const notice = page.locator('#privacy-agree');
      if (await notice.isVisible({ timeout: 1000 }).catch(() => false)) await notice.click();
      // Changed, not added: 200, and the mini-program sees the new verdict on its one rating.
      expect((await put).status()).toBe(200);
      expect((await api().get(path, { token: inApp.token })).body.rating.verdict).toBe('dissatisfied');
      expect(errors).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
