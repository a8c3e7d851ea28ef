import { client } from './http';

/** Steers the stand-in WeChat server started by a suite's global setup. */
export function fakeWechat(url = process.env.FAKE_WECHAT_URL!) {
  const c = client(url);
  return {
    /** a fresh wx.login code, as WeChat would hand the device */
    code: async (openid?: string): Promise<{ code: string; openid: string }> =>
      (await c.post('/__control/codes', { body: { openid } })).body,
    /** the next `times` calls of `api` fail with `errcode`; with `match`, only calls whose query or body holds it */
    fail: async (api: string, errcode: number | 'timeout', times = 1, match?: string) =>
      c.post('/__control/fail', { body: { api, errcode, times, match } }),
    /** a web authorisation code (snsapi_base) for an official-account user, as WeChat's redirect carries it */
    webCode: async (o: { openid?: string; unionid?: string | null } = {}): Promise<{ code: string; openid: string }> =>
      (await c.post('/__control/web-codes', { body: o })).body,
    /** a WeChat user for the browser: pages opened with the cookie FAKE_WEB_USER_COOKIE=key are theirs */
    webUser: async (key: string, o: { openid: string; unionid?: string | null }) => c.post('/__control/web-users', { body: { key, ...o } }),
    stats: async (): Promise<{ tokenFetches: number; calls: Record<string, number> }> => (await c.get('/__control/stats')).body,
    invalidateToken: async () => c.post('/__control/invalidate-token'),
    /** answers this API only after `ms` (stable_token), so concurrent callers overlap with it */
    delay: async (api: string, ms: number) => c.post('/__control/delay', { body: { api, ms } }),
    /** moves the stand-in's clock (token and code expiry) forward */
    advance: async (ms: number) => c.post('/__control/advance', { body: { ms } }),
    reset: async () => c.post('/__control/reset'),
    /** where WeChat pushes events (the server's message-push URL) and the token it signs them with */
    push: async (url: string, token: string) => c.post('/__control/push', { body: { url, token } }),
    /** media checks asked for and not answered yet */
    mediaChecks: async (): Promise<Array<{ traceId: string; mediaUrl: string; openid: string }>> =>
      (await c.get('/__control/media-checks')).body.items,
    /** WeChat answers a media check: downloads the media, pushes the verdict; says what it got and how the push was answered */
    mediaVerdict: async (traceId: string, suggest: 'pass' | 'review' | 'risky', o: { badSignature?: boolean; errcode?: number } = {}) =>
      (await c.post('/__control/media-verdict', { body: { traceId, suggest, ...o } })).body as {
        downloaded: { status: number; type: string | null; bytes: number };
        pushed: { status: number; body: string };
      },
    /** the user allowed one subscribe message of this template (wx.requestSubscribeMessage) */
    allowMessage: async (openid: string, templateId?: string) => c.post('/__control/subscribe', { body: { openid, templateId } }),
    /** subscribe messages WeChat accepted, optionally for one user */
    messages: async (
      touser?: string,
    ): Promise<Array<{ touser: string; template_id: string; page?: string; data: Record<string, { value: string }> }>> =>
      (await c.get(`/__control/messages${touser ? `?touser=${encodeURIComponent(touser)}` : ''}`)).body.items,
  };
}
