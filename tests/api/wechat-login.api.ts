import { fakeWechat } from '../support/wechat';
import { api } from './fixtures';

describe('WeChat login through jscode2session (stand-in WeChat server)', () => {
  const wx = fakeWechat();

  it('exchanges a good code for our token, never returning openid or session_key', async () => {
    const { code, openid } = await wx.code();
    const res = await api().post('/api/auth/wechat', { body: { code } });
    expect(res.status).toBe(200);
    expect(res.body.token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(res.text).not.toContain(openid);
    expect(res.text).not.toMatch(/session_?key/i);
    const me = await api().get('/api/me', { token: res.body.token });
    expect(me.status).toBe(200);
  });

  it('refuses a code used twice with 401 WECHAT_CODE_INVALID', async () => {
    const { code } = await wx.code();
    expect((await api().post('/api/auth/wechat', { body: { code } })).status).toBe(200);
    const again = await api().post('/api/auth/wechat', { body: { code } });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('WECHAT_CODE_INVALID');
  });

  it('refuses an unknown code with 401', async () => {
    const res = await api().post('/api/auth/wechat', { body: { code: 'not-a-real-code' } });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('WECHAT_CODE_INVALID');
  });

  it('maps one openid to one member across logins', async () => {
    const first = await wx.code();
    const second = await wx.code(first.openid);
    const a = await api().post('/api/auth/wechat', { body: { code: first.code } });
    const b = await api().post('/api/auth/wechat', { body: { code: second.code } });
    expect(b.body.user.id).toBe(a.body.user.id);
  });

  it.each([
    ['rate limited (45011)', 45011],
    ['busy (-1)', -1],
  ])('answers 503 with retry advice when WeChat is %s', async (_label, errcode) => {
    const { code } = await wx.code();
    await wx.fail('jscode2session', errcode, 1, code);
    const res = await api().post('/api/auth/wechat', { body: { code } });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('WECHAT_UNAVAILABLE');
    expect(res.headers.get('retry-after')).toBe('5');
    // The code was not used up: the retry the client is told to make succeeds.
    expect((await api().post('/api/auth/wechat', { body: { code } })).status).toBe(200);
  });

  it('refuses a high-risk user (40226) with 403', async () => {
    const { code } = await wx.code();
    await wx.fail('jscode2session', 40226, 1, code);
    const res = await api().post('/api/auth/wechat', { body: { code } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('WECHAT_USER_RISKY');
  });

  it('needs a code', async () => {
    const res = await api().post('/api/auth/wechat', { body: {} });
    expect(res.status).toBe(400);
    expect(res.body.fields).toHaveProperty('code');
  });
});
