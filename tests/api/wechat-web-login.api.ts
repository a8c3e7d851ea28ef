// Issue 19 item 6, members outside the mini-program: the H5 app in WeChat's browser signs members in through
// WeChat web authorisation (snsapi_base: code → sns/oauth2/access_token on the stand-in WeChat). Where WeChat
// gives a unionid the person is one member in the mini-program and on H5, so they cannot rate twice.
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { queryDb } from '../support/db';
import { fakeWechat } from '../support/wechat';
import { api, cityWithCampaign, GOOD_SCORES, ratingPath } from './fixtures';

const webLogin = (code: string) => api().post('/api/auth/wechat-web', { body: { code } });

describe('WeChat web authorisation for the H5 app (stand-in WeChat server)', () => {
  const wx = fakeWechat();

  it('tells the H5 app where to authorise', async () => {
    const res = await api().get('/api/config');
    expect(res.body.wechatWeb).toEqual({
      appId: 'wxfakeweb0000001',
      authorizeUrl: `${process.env.FAKE_WECHAT_URL}/connect/oauth2/authorize`,
    });
  });

  it('signs in the same member as the mini-program when the unionid matches, who then cannot rate twice', async () => {
    const { campaign, homeA } = await cityWithCampaign();
    const mp = await wx.code();
    const inApp = await api().post('/api/auth/wechat', { body: { code: mp.code } });
    expect(inApp.status).toBe(200);
    expect(
      (await api().put(ratingPath(campaign.id, homeA.id), { token: inApp.body.token, body: { scores: GOOD_SCORES, verdict: 'satisfied' } }))
        .status,
    ).toBe(201);

    // The same person in WeChat's browser: another openid (the official account's), the same unionid.
    const web = await wx.webCode({ unionid: `u_${mp.openid}` });
    const onH5 = await webLogin(web.code);
    expect(onH5.status).toBe(200);
    expect(onH5.body.user.id).toBe(inApp.body.user.id);
    expect(onH5.text).not.toContain(web.openid);
    expect(onH5.text).not.toContain(mp.openid);
    // Their rating is there; rating again changes it (200), never adds a second one (201).
    const mine = await api().get(ratingPath(campaign.id, homeA.id), { token: onH5.body.token });
    expect(mine.body.rating.verdict).toBe('satisfied');
    const again = await api().put(ratingPath(campaign.id, homeA.id), {
      token: onH5.body.token,
      body: { scores: GOOD_SCORES, verdict: 'dissatisfied' },
    });
    expect(again.status).toBe(200);
    const [row] = await queryDb<{ n: number | string }>('SELECT COUNT(*) AS n FROM ratings WHERE campaign_id = ? AND home_id = ?', [
      campaign.id,
      homeA.id,
    ]);
    expect(Number(row.n)).toBe(1);
  });

  it('finds a member first seen on H5 when they later open the mini-program', async () => {
    const unionid = `u_web_first_${Date.now()}`;
    const onH5 = await webLogin((await wx.webCode({ unionid })).code);
    expect(onH5.status).toBe(200);
    // The mini-program's stand-in gives unionid `u_<openid>`: an openid chosen so that it matches.
    const mp = await wx.code(unionid.slice(2));
    const inApp = await api().post('/api/auth/wechat', { body: { code: mp.code } });
    expect(inApp.body.user.id).toBe(onH5.body.user.id);
  });

  it('keeps an account without a unionid to its own web openid', async () => {
    const first = await wx.webCode({ unionid: null });
    const a = await webLogin(first.code);
    const b = await webLogin((await wx.webCode({ openid: first.openid, unionid: null })).code);
    const other = await webLogin((await wx.webCode({ unionid: null })).code);
    expect(b.body.user.id).toBe(a.body.user.id);
    expect(other.body.user.id).not.toBe(a.body.user.id);
  });

  it('refuses a used or unknown code (401), answers 503 when WeChat is busy and the code still works after', async () => {
    const { code } = await wx.webCode();
    expect((await webLogin(code)).status).toBe(200);
    const again = await webLogin(code);
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('WECHAT_CODE_INVALID');
    expect((await webLogin('not-a-real-code')).body.code).toBe('WECHAT_CODE_INVALID');
    // A mini-program code is not a web authorisation code.
    expect((await webLogin((await wx.code()).code)).status).toBe(401);

    const busy = await wx.webCode();
    await wx.fail('oauth2_access_token', -1, 1, busy.code);
    const res = await webLogin(busy.code);
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('WECHAT_UNAVAILABLE');
    expect(res.headers.get('retry-after')).toBe('5');
    expect((await webLogin(busy.code)).status).toBe(200);
    expect((await api().post('/api/auth/wechat-web', { body: {} })).status).toBe(400);
  });

  it("serves the home's mini-program code for the page shown outside WeChat", async () => {
    const { homeA } = await cityWithCampaign();
    const res = await fetch(`${process.env.PINGJIA_URL}/api/homes/scene/${encodeURIComponent(homeA.sceneToken)}/miniprogram-code`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    const img = PNG.sync.read(Buffer.from(await res.arrayBuffer()));
    const payload = jsQR(new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.length), img.width, img.height)?.data;
    // The stand-in's code names the page and the scene it opens.
    expect(payload).toContain(`wxacode:pages/home/index?scene=${encodeURIComponent(homeA.sceneToken)}`);
    expect((await fetch(`${process.env.PINGJIA_URL}/api/homes/scene/NoSuchScene000/miniprogram-code`)).status).toBe(404);
  });
});
