// A local stand-in for WeChat's server API, following its documented behaviour: errors come as
// HTTP 200 with { errcode, errmsg }; a wx.login code works once, for five minutes; a new access token
// replaces the old one. Tests steer it through /__control/* endpoints (over HTTP, so a server in
// another process and the test both see the same state).
import { createHash, randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import QRCode from 'qrcode';

export interface FakeWechat {
  url: string;
  appId: string;
  secret: string;
  /** the official account's pair, for web authorisation (WECHAT_WEB_APPID / WECHAT_WEB_SECRET) */
  webAppId: string;
  webSecret: string;
  close: () => Promise<void>;
}

interface CodeEntry {
  openid: string;
  unionid: string | null;
  issuedAt: number;
  used: boolean;
}

const CODE_TTL_MS = 5 * 60 * 1000;
/** The subscribe-message template the stand-in knows from the start (tests configure the server with it). */
export const FAKE_TEMPLATE_ID = 'tmplGrievanceStatus0001';
/** The staff template (new, reminded, escalated grievances: WECHAT_STAFF_TEMPLATE_ID). */
export const FAKE_STAFF_TEMPLATE_ID = 'tmplStaffGrievance0001';
/** The members' "a cycle opened" template (WECHAT_CYCLE_TEMPLATE_ID). */
export const FAKE_CYCLE_TEMPLATE_ID = 'tmplCycleOpened000001';

/** Pages of the released mini-program (getwxacodeunlimit with check_path answers 41030 for others). */
const PUBLISHED_PAGES = new Set(['pages/home/index', 'pages/rate/index', 'pages/dashboard/index']);

interface SentMessage {
  touser: string;
  template_id: string;
  page?: string;
  data: Record<string, { value: string }>;
  at: number;
}

// Field limits of subscribe-message data, by the key's type prefix (thing2 → thing), as documented.
const FIELD_RULES: Record<string, (v: string) => boolean> = {
  thing: (v) => [...v].length <= 20,
  phrase: (v) => [...v].length <= 5 && /^[\u4e00-\u9fa5A-Za-z]+$/.test(v),
  time: (v) => /^(\d{4}年\d{1,2}月\d{1,2}日 )?\d{1,2}:\d{2}$|^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(v),
  date: (v) => /^\d{4}年\d{1,2}月\d{1,2}日|^\d{4}-\d{2}-\d{2}/.test(v),
  number: (v) => /^\d{1,32}(\.\d+)?$/.test(v),
  character_string: (v) => v.length <= 32 && /^[\x21-\x7e]*$/.test(v),
  name: (v) => [...v].length <= 10,
};

/** The cookie that says which WeChat user the browser is (WeChat's own browser knows it from its session). */
export const FAKE_WEB_USER_COOKIE = 'fake_wx_user';

export async function startFakeWechat(appId = 'wxfake0000000001', secret = 'fake-secret-0123456789abcdef'): Promise<FakeWechat> {
  const webAppId = 'wxfakeweb0000001';
  const webSecret = 'fake-web-secret-0123456789abcdef';
  const codes = new Map<string, CodeEntry>();
  // Web authorisation codes (snsapi_base), separate from wx.login codes: each API accepts only its own.
  const webCodes = new Map<string, CodeEntry>();
  // WeChat users known to the browser, by the cookie value: their official-account openid and unionid.
  const webUsers = new Map<string, { openid: string; unionid: string | null }>();
  // Injected failures per API, in order; one with `match` hits only a request whose query or body holds it
  // (suites share one stand-in: a failure meant for one suite's request must not hit another's).
  const failures = new Map<string, Array<{ errcode: number | 'timeout'; match?: string }>>();
  // A slow answer for an API (ms), so concurrent callers overlap with it.
  const delays = new Map<string, number>();
  const stats = { tokenFetches: 0, calls: {} as Record<string, number> };
  let moderation = { risky: ['违禁内容'], review: ['待人工复核'] };
  let token = { value: '', expiresAt: 0 };
  let previous = { value: '', validUntil: 0 };
  let clockOffset = 0;
  // One-time subscribe-message grants (wx.requestSubscribeMessage accepted), per openid and template.
  const grants = new Map<string, number>();
  const templates = new Set([FAKE_TEMPLATE_ID, FAKE_STAFF_TEMPLATE_ID, FAKE_CYCLE_TEMPLATE_ID]);
  // mediaCheckAsync: checks asked for, answered when a test gives the verdict (WeChat answers by message
  // push, seconds to minutes later), pushed to the server's message-push URL signed with its token.
  const mediaChecks = new Map<string, { mediaUrl: string; openid: string }>();
  let push: { url: string; token: string } | null = null;
  const sent: SentMessage[] = [];
  const now = () => Date.now() + clockOffset;

  const send = (res: ServerResponse, body: unknown, status = 200) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const err = (res: ServerResponse, errcode: number, errmsg: string) => send(res, { errcode, errmsg });
  /**
   * A login code exchanged for its user, as WeChat checks it (the app's id and secret, the grant type,
   * then the code: known, unused, fresh), and spent; on any refusal the error is sent and nothing returned.
   */
  const redeem = (
    res: ServerResponse,
    q: URLSearchParams,
    app: { appId: string; secret: string; codes: Map<string, CodeEntry>; codeParam: string },
  ): CodeEntry | undefined => {
    if (q.get('appid') !== app.appId) return void err(res, 40013, 'invalid appid');
    if (q.get('secret') !== app.secret) return void err(res, 40125, 'invalid appsecret');
    if (q.get('grant_type') !== 'authorization_code') return void err(res, 40002, 'invalid grant_type');
    const entry = app.codes.get(q.get(app.codeParam) ?? '');
    if (!entry) return void err(res, 40029, 'invalid code');
    if (entry.used) return void err(res, 40163, 'code been used');
    if (now() - entry.issuedAt > CODE_TTL_MS) return void err(res, 40029, 'invalid code');
    entry.used = true;
    return entry;
  };
  const readJson = (req: IncomingMessage) =>
    new Promise<any>((resolve) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        try {
          resolve(data ? JSON.parse(data) : {});
        } catch {
          resolve(null);
        }
      });
    });
  // An injected failure for this API, if one is queued: an errcode, or a hang past the client's timeout.
  const injected = (api: string, res: ServerResponse, request = ''): boolean => {
    const queue = failures.get(api) ?? [];
    const i = queue.findIndex((f) => f.match === undefined || request.includes(f.match));
    if (i < 0) return false;
    const next = queue.splice(i, 1)[0].errcode;
    if (next === 'timeout') setTimeout(() => err(res, -1, 'system error'), 8000);
    else err(res, next, `injected ${next}`);
    return true;
  };
  const tokenValid = (t: string | null) =>
    !!t && ((t === token.value && now() < token.expiresAt) || (t === previous.value && now() < previous.validUntil));

  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const api = url.pathname;
    stats.calls[api] = (stats.calls[api] ?? 0) + 1;

    // --- control endpoints for tests ---
    if (api === '/__control/codes' && req.method === 'POST') {
      const body = await readJson(req);
      const code = randomBytes(16).toString('hex');
      const openid = body?.openid ?? `o${randomBytes(13).toString('base64url')}`;
      codes.set(code, { openid, unionid: `u_${openid}`, issuedAt: now(), used: false });
      return send(res, { code, openid });
    }
    // A web authorisation code for this official-account user (as WeChat's redirect would carry).
    if (api === '/__control/web-codes' && req.method === 'POST') {
      const body = await readJson(req);
      const code = randomBytes(16).toString('hex');
      const openid = body?.openid ?? `w${randomBytes(13).toString('base64url')}`;
      webCodes.set(code, { openid, unionid: body?.unionid ?? null, issuedAt: now(), used: false });
      return send(res, { code, openid });
    }
    // A WeChat user who will open pages in the browser with FAKE_WEB_USER_COOKIE=<key>.
    if (api === '/__control/web-users' && req.method === 'POST') {
      const body = await readJson(req);
      webUsers.set(String(body.key), { openid: String(body.openid), unionid: typeof body.unionid === 'string' ? body.unionid : null });
      return send(res, { ok: true });
    }
    if (api === '/__control/fail' && req.method === 'POST') {
      const body = await readJson(req);
      const entries = Array.from({ length: body.times ?? 1 }, () => ({
        errcode: body.errcode,
        match: typeof body.match === 'string' ? body.match : undefined,
      }));
      failures.set(body.api, [...(failures.get(body.api) ?? []), ...entries]);
      return send(res, { ok: true });
    }
    if (api === '/__control/delay' && req.method === 'POST') {
      const body = await readJson(req);
      delays.set(body.api, Number(body.ms) || 0);
      return send(res, { ok: true });
    }
    if (api === '/__control/moderation' && req.method === 'POST') {
      moderation = { ...moderation, ...(await readJson(req)) };
      return send(res, { ok: true });
    }
    if (api === '/__control/invalidate-token' && req.method === 'POST') {
      token = { value: '', expiresAt: 0 };
      previous = { value: '', validUntil: 0 };
      return send(res, { ok: true });
    }
    if (api === '/__control/advance' && req.method === 'POST') {
      clockOffset += (await readJson(req)).ms ?? 0;
      return send(res, { ok: true });
    }
    if (api === '/__control/stats') return send(res, stats);
    // The user tapped "allow" in wx.requestSubscribeMessage: one message each time.
    if (api === '/__control/subscribe' && req.method === 'POST') {
      const body = await readJson(req);
      const key = `${body.openid}|${body.templateId ?? FAKE_TEMPLATE_ID}`;
      grants.set(key, (grants.get(key) ?? 0) + (body.times ?? 1));
      return send(res, { ok: true });
    }
    if (api === '/__control/messages' && req.method === 'GET') {
      const touser = url.searchParams.get('touser');
      return send(res, { items: sent.filter((m) => !touser || m.touser === touser) });
    }
    if (api === '/__control/push' && req.method === 'POST') {
      push = await readJson(req);
      return send(res, { ok: true });
    }
    if (api === '/__control/media-checks' && req.method === 'GET') {
      return send(res, { items: [...mediaChecks].map(([traceId, c]) => ({ traceId, ...c })) });
    }
    // WeChat's verdict on one check: it downloads the media (as WeChat does), then pushes the event.
    if (api === '/__control/media-verdict' && req.method === 'POST') {
      const body = await readJson(req);
      const check = mediaChecks.get(body.traceId);
      if (!check || !push) return send(res, { error: 'no such check, or no push URL' }, 404);
      const media = await fetch(check.mediaUrl);
      const downloaded = { status: media.status, type: media.headers.get('content-type'), bytes: (await media.arrayBuffer()).byteLength };
      const timestamp = String(Math.floor(now() / 1000));
      const nonce = randomBytes(6).toString('hex');
      const signature = createHash('sha1').update([push.token, timestamp, nonce].sort().join('')).digest('hex');
      const event = {
        ToUserName: 'gh_fake',
        FromUserName: check.openid,
        CreateTime: Number(timestamp),
        MsgType: 'event',
        Event: 'wxa_media_check',
        appid: appId,
        trace_id: body.traceId,
        version: 2,
        detail: [],
        errcode: body.errcode ?? 0,
        errmsg: 'ok',
        result: { suggest: body.suggest, label: body.suggest === 'pass' ? 100 : 20002 },
      };
      const signedQuery = `signature=${body.badSignature ? '0'.repeat(40) : signature}&timestamp=${timestamp}&nonce=${nonce}`;
      const pushed = await fetch(`${push.url}?${signedQuery}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
      // Answered: WeChat pushes each verdict once.
      if (pushed.ok) mediaChecks.delete(body.traceId);
      return send(res, { downloaded, pushed: { status: pushed.status, body: await pushed.text() } });
    }
    if (api === '/__control/reset' && req.method === 'POST') {
      failures.clear();
      stats.tokenFetches = 0;
      stats.calls = {};
      return send(res, { ok: true });
    }

    // --- WeChat's web authorisation page (open.weixin.qq.com): sends the browser back with a code ---
    if (api === '/connect/oauth2/authorize' && req.method === 'GET') {
      const redirect = url.searchParams.get('redirect_uri') ?? '';
      if (url.searchParams.get('appid') !== webAppId) return err(res, 10003, 'redirect_uri domain or appid mismatch');
      if (
        url.searchParams.get('response_type') !== 'code' ||
        !['snsapi_base', 'snsapi_userinfo'].includes(url.searchParams.get('scope') ?? '')
      )
        return err(res, 10005, 'insufficient scope');
      if (!/^https?:\/\//.test(redirect)) return err(res, 10003, 'redirect_uri invalid');
      const cookie = /(?:^|;\s*)fake_wx_user=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
      const user = cookie ? webUsers.get(decodeURIComponent(cookie)) : undefined;
      // Outside WeChat's browser there is no WeChat user: WeChat shows "open in WeChat" and never redirects.
      if (!user) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end('<p>请在微信客户端打开链接</p>');
      }
      const code = randomBytes(16).toString('hex');
      webCodes.set(code, { ...user, issuedAt: now(), used: false });
      const back = new URL(redirect);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }

    // --- WeChat's API ---
    if (api === '/sns/oauth2/access_token' && req.method === 'GET') {
      if (injected('oauth2_access_token', res, url.search)) return;
      const entry = redeem(res, url.searchParams, { appId: webAppId, secret: webSecret, codes: webCodes, codeParam: 'code' });
      if (!entry) return;
      return send(res, {
        access_token: `webtok_${randomBytes(12).toString('hex')}`,
        expires_in: 7200,
        refresh_token: `webref_${randomBytes(12).toString('hex')}`,
        openid: entry.openid,
        scope: 'snsapi_base',
        ...(entry.unionid ? { unionid: entry.unionid } : {}),
      });
    }
    if (api === '/sns/jscode2session' && req.method === 'GET') {
      if (injected('jscode2session', res, url.search)) return;
      const entry = redeem(res, url.searchParams, { appId, secret, codes, codeParam: 'js_code' });
      if (!entry) return;
      return send(res, { openid: entry.openid, unionid: entry.unionid, session_key: randomBytes(16).toString('base64') });
    }
    if (api === '/cgi-bin/stable_token' && req.method === 'POST') {
      const body = await readJson(req);
      if (delays.get('stable_token')) await new Promise((r) => setTimeout(r, delays.get('stable_token')));
      if (injected('stable_token', res)) return;
      if (body?.appid !== appId || body?.secret !== secret) return err(res, 40125, 'invalid appsecret');
      stats.tokenFetches++;
      // stable_token returns the same token until it nears expiry, unless force_refresh.
      if (!body.force_refresh && tokenValid(token.value) && token.expiresAt - now() > CODE_TTL_MS) {
        return send(res, { access_token: token.value, expires_in: Math.floor((token.expiresAt - now()) / 1000) });
      }
      previous = { value: token.value, validUntil: now() + CODE_TTL_MS };
      token = { value: `tok_${randomBytes(12).toString('hex')}`, expiresAt: now() + 7200 * 1000 };
      return send(res, { access_token: token.value, expires_in: 7200 });
    }
    if (api === '/wxa/msg_sec_check' && req.method === 'POST') {
      const body = await readJson(req);
      if (!tokenValid(url.searchParams.get('access_token')))
        return err(res, 40001, 'invalid credential, access_token is invalid or not latest');
      if (injected('msg_sec_check', res, JSON.stringify(body))) return;
      if (body?.version !== 2 || !body.openid || typeof body.content !== 'string') return err(res, 47001, 'data format error');
      if (body.content.length > 2500) return err(res, 87014, 'content too long');
      const suggest = moderation.risky.some((w) => body.content.includes(w))
        ? 'risky'
        : moderation.review.some((w) => body.content.includes(w))
          ? 'review'
          : 'pass';
      const label = suggest === 'pass' ? 100 : 20001;
      return send(res, { errcode: 0, errmsg: 'ok', result: { suggest, label }, detail: [], trace_id: randomBytes(8).toString('hex') });
    }
    if (api === '/wxa/media_check_async' && req.method === 'POST') {
      const body = await readJson(req);
      if (!tokenValid(url.searchParams.get('access_token')))
        return err(res, 40001, 'invalid credential, access_token is invalid or not latest');
      if (injected('media_check_async', res, JSON.stringify(body))) return;
      if (
        body?.version !== 2 ||
        typeof body.openid !== 'string' ||
        ![1, 2].includes(body.media_type) ||
        ![1, 2, 3, 4].includes(body.scene) ||
        typeof body.media_url !== 'string' ||
        !/^https?:\/\//.test(body.media_url)
      )
        return err(res, 47001, 'data format error');
      const traceId = randomBytes(12).toString('hex');
      mediaChecks.set(traceId, { mediaUrl: body.media_url, openid: body.openid });
      return send(res, { errcode: 0, errmsg: 'ok', trace_id: traceId });
    }
    if (api === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      const body = await readJson(req);
      if (!tokenValid(url.searchParams.get('access_token')))
        return err(res, 40001, 'invalid credential, access_token is invalid or not latest');
      if (injected('subscribe_send', res)) return;
      if (!body || typeof body.touser !== 'string' || !/^[A-Za-z0-9_-]{6,64}$/.test(body.touser)) return err(res, 40003, 'invalid openid');
      if (!templates.has(body.template_id)) return err(res, 40037, 'invalid template_id');
      if (!body.data || typeof body.data !== 'object') return err(res, 47003, 'argument invalid! data is empty');
      for (const [key, field] of Object.entries(body.data as Record<string, { value?: unknown }>)) {
        const rule = FIELD_RULES[key.replace(/\d+$/, '')];
        if (!rule || typeof field?.value !== 'string' || !rule(field.value))
          return err(res, 47003, `argument invalid! data.${key}.value invalid`);
      }
      const key = `${body.touser}|${body.template_id}`;
      const left = grants.get(key) ?? 0;
      if (left <= 0) return err(res, 43101, 'user refuse to accept the msg');
      grants.set(key, left - 1);
      sent.push({ touser: body.touser, template_id: body.template_id, page: body.page, data: body.data, at: now() });
      return send(res, { errcode: 0, errmsg: 'ok', msgid: Date.now() });
    }
    // getwxacodeunlimit: a real PNG QR image on success. Its payload, `wxacode:<page>?scene=<scene>&env=<env>`,
    // stands in for WeChat's round mini-program code so tests can follow it back to the home.
    if (api === '/wxa/getwxacodeunlimit' && req.method === 'POST') {
      const body = await readJson(req);
      if (!tokenValid(url.searchParams.get('access_token')))
        return err(res, 40001, 'invalid credential, access_token is invalid or not latest');
      if (injected('getwxacodeunlimit', res, JSON.stringify(body))) return;
      if (!body || typeof body.scene !== 'string' || !/^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/.test(body.scene))
        return err(res, 40169, 'invalid length for scene, or the data is not json string');
      if (typeof body.page !== 'string' || body.page.startsWith('/') || (body.check_path !== false && !PUBLISHED_PAGES.has(body.page)))
        return err(res, 41030, 'invalid page rid');
      const env = body.env_version ?? 'release';
      if (!['release', 'trial', 'develop'].includes(env)) return err(res, 40097, 'invalid args');
      const png = await QRCode.toBuffer(`wxacode:${body.page}?scene=${encodeURIComponent(body.scene)}&env=${env}`, {
        type: 'png',
        margin: 2,
        width: Math.min(1280, Math.max(280, Number(body.width) || 430)),
        // Fast encoding (a third of the default's CPU): a 300-home print run asks for 300 codes, and the
        // stand-in's CPU, not WeChat's latency, would otherwise be what the test measures.
        // (filterType is pngjs's option, passed through by qrcode though its types don't list it)
        rendererOpts: { deflateLevel: 1, filterType: 0 } as { deflateLevel: number },
      });
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': png.length });
      return res.end(png);
    }
    send(res, { errcode: 40066, errmsg: 'invalid url' }, 404);
  });

  // Never close an idle keep-alive socket from this side: with Node's 5 s default, a client whose timers run
  // late on a loaded machine reuses a socket the moment this server closes it (ECONNRESET, a flaky test).
  // Clients close their idle sockets themselves; close() below still ends idle ones.
  server.keepAliveTimeout = 0;
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    appId,
    secret,
    webAppId,
    webSecret,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
