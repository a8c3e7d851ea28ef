import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { Clock } from '../common/clock';
import { Locks, REDIS } from '../common/shared-state';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { WechatError } from './wechat.errors';

export interface Session {
  openid: string;
  unionid: string | null;
  /** kept on the server only */
  sessionKey: string;
}

export type ModerationVerdict = 'pass' | 'review' | 'risky';

const TIMEOUT_MS = 5000;
// Refresh a little before WeChat's expiry; the old token still works 5 minutes after a new one.
const EARLY_REFRESH_S = 300;
/** how long a caller waits for another instance's refresh (and how long that instance may hold the lock) */
const TOKEN_WAIT_MS = 10_000;
const TOKEN_KEY = 'wechat:access-token';

interface StoredToken {
  value: string;
  /** by the server's clock */
  expiresAt: number;
  ttlMs: number;
}

// The one client for WeChat's server API (base URL from config). Holds the access token centrally:
// one fetch at a time across instances, refreshed once under a lock when WeChat says it is invalid or expired.
@Injectable()
export class WechatClient {
  private readonly logger = new Logger('WechatClient');
  private token: StoredToken | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS) private readonly redis: Redis | null,
    private readonly locks: Locks,
    private readonly clock: Clock,
  ) {}

  get enabled(): boolean {
    return this.config.wechat !== null;
  }

  private get wx() {
    if (!this.config.wechat) throw new Error('WeChat is not configured');
    return this.config.wechat;
  }

  /** jscode2session: exchanges a wx.login code (valid once, for 5 minutes) for the user's openid. */
  async codeToSession(code: string): Promise<Session> {
    const q = new URLSearchParams({ appid: this.wx.appId, secret: this.wx.secret, js_code: code, grant_type: 'authorization_code' });
    const body = await this.request<{ openid: string; unionid?: string; session_key: string }>(
      'jscode2session',
      `/sns/jscode2session?${q}`,
    );
    return { openid: body.openid, unionid: body.unionid ?? null, sessionKey: body.session_key };
  }

  /**
   * Web authorisation (snsapi_base) in WeChat's browser: the `code` WeChat handed back to our page, for the
   * official account's openid and, when the account is bound to the open platform, the unionid. The
   * web access token it also answers is not kept: snsapi_base asks nothing more of the user.
   */
  async webCodeToSession(code: string): Promise<{ openid: string; unionid: string | null }> {
    if (!this.config.wechatWeb) throw new Error('WeChat web authorisation is not configured');
    const { appId, secret } = this.config.wechatWeb;
    const q = new URLSearchParams({ appid: appId, secret, code, grant_type: 'authorization_code' });
    const body = await this.request<{ openid: string; unionid?: string }>('oauth2_access_token', `/sns/oauth2/access_token?${q}`);
    return { openid: body.openid, unionid: body.unionid ?? null };
  }

  /** msg_sec_check v2 for text a user wrote. */
  async moderateText(openid: string, content: string, scene: 1 | 2 | 3 | 4 = 2): Promise<ModerationVerdict> {
    const body = await this.withToken<{ result?: { suggest?: string } }>('msg_sec_check', (token) => ({
      path: `/wxa/msg_sec_check?access_token=${encodeURIComponent(token)}`,
      json: { version: 2, openid, scene, content },
    }));
    const suggest = body.result?.suggest;
    return suggest === 'pass' || suggest === 'risky' ? suggest : 'review';
  }

  /**
   * mediaCheckAsync v2 for an image a user sent: WeChat downloads `mediaUrl` and answers later, by message
   * push (event wxa_media_check with this trace id). `openid`: the user, seen in the mini-program lately.
   */
  async mediaCheckAsync(o: { mediaUrl: string; openid: string; scene?: 1 | 2 | 3 | 4 }): Promise<string> {
    const body = await this.withToken<{ trace_id?: string }>('media_check_async', (token) => ({
      path: `/wxa/media_check_async?access_token=${encodeURIComponent(token)}`,
      json: { media_url: o.mediaUrl, media_type: 2, version: 2, openid: o.openid, scene: o.scene ?? 1 },
    }));
    if (!body.trace_id) throw new WechatError(-1, 'no trace_id', 'media_check_async');
    return body.trace_id;
  }

  /**
   * subscribeMessage.send: one message per opt-in of the user (wx.requestSubscribeMessage).
   * `page` without a leading slash; `data` as `{ key: { value } }` within the template's field limits.
   */
  async sendSubscribeMessage(message: {
    touser: string;
    templateId: string;
    page: string;
    data: Record<string, { value: string }>;
  }): Promise<void> {
    await this.withToken<unknown>('subscribe_send', (token) => ({
      path: `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
      json: { touser: message.touser, template_id: message.templateId, page: message.page, data: message.data, lang: 'zh_CN' },
    }));
  }

  /**
   * getwxacodeunlimit: the mini-program code for a page with an opaque `scene` (≤ 32 visible characters);
   * `page` without a leading slash. Answers the image bytes; errors come as JSON.
   */
  async wxaCodeUnlimited(o: { scene: string; page: string; envVersion: 'release' | 'trial' | 'develop'; width?: number }): Promise<Buffer> {
    return this.withToken<Buffer>('getwxacodeunlimit', (token) => ({
      path: `/wxa/getwxacodeunlimit?access_token=${encodeURIComponent(token)}`,
      json: { scene: o.scene, page: o.page, check_path: false, env_version: o.envVersion, width: o.width ?? 430 },
    }));
  }

  /**
   * The access token every other call needs. One holder across instances: a token in use here, else
   * the shared one (Redis), else one fetch under a lock — with Redis, a lock every instance sees, so
   * exactly one of them asks WeChat and the others wait for and read its token. `rejected` is a token
   * WeChat just refused (40001/42001): it is never handed out again.
   */
  async accessToken(rejected?: string): Promise<string> {
    if (this.usable(this.token, rejected)) return this.token!.value;
    if (!this.refreshing) {
      this.refreshing = this.obtainToken(rejected).finally(() => (this.refreshing = null));
    }
    return this.refreshing;
  }

  private usable(t: StoredToken | null, rejected?: string): boolean {
    return !!t && t.value !== rejected && this.clock.now().getTime() < t.expiresAt;
  }

  private async obtainToken(rejected?: string): Promise<string> {
    const deadline = Date.now() + TOKEN_WAIT_MS;
    for (;;) {
      const shared = await this.readShared();
      if (this.usable(shared, rejected)) return (this.token = shared!).value;
      const lease = await this.locks.tryAcquire('wechat-token', TOKEN_WAIT_MS);
      if (lease) {
        try {
          // Another instance may have stored one between our read and the lock.
          const again = await this.readShared();
          if (this.usable(again, rejected)) return (this.token = again!).value;
          const fresh = await this.fetchToken();
          await this.writeShared(fresh);
          return (this.token = fresh).value;
        } finally {
          await lease.release().catch(() => undefined);
        }
      }
      // Another instance is fetching: read its token in a moment.
      if (Date.now() > deadline)
        throw new WechatError(-1, 'timed out waiting for another instance to refresh the access token', 'stable_token');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  private async readShared(): Promise<StoredToken | null> {
    if (!this.redis) return null;
    const raw = await this.redis.get(TOKEN_KEY);
    return raw ? (JSON.parse(raw) as StoredToken) : null;
  }

  private async writeShared(t: StoredToken): Promise<void> {
    if (!this.redis) return;
    // Kept in Redis as long as WeChat keeps it; readers also check expiresAt against their clock.
    await this.redis.set(TOKEN_KEY, JSON.stringify(t), 'PX', Math.max(1000, t.ttlMs));
  }

  private async fetchToken(): Promise<StoredToken> {
    const body = await this.request<{ access_token: string; expires_in: number }>('stable_token', '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: this.wx.appId,
      secret: this.wx.secret,
      force_refresh: false,
    });
    const ttlMs = Math.max(60, body.expires_in - EARLY_REFRESH_S) * 1000;
    return { value: body.access_token, expiresAt: this.clock.now().getTime() + ttlMs, ttlMs };
  }

  private async withToken<T>(api: string, build: (token: string) => { path: string; json: unknown }): Promise<T> {
    const token = await this.accessToken();
    try {
      const { path, json } = build(token);
      return await this.request<T>(api, path, json);
    } catch (e) {
      if (!(e instanceof WechatError) || !e.tokenRejected) throw e;
      // Another process may have replaced the token: refresh once (shared by concurrent callers), retry once.
      const fresh = await this.accessToken(token);
      const { path, json } = build(fresh);
      return this.request<T>(api, path, json);
    }
  }

  private async request<T>(api: string, path: string, json?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(this.wx.apiBase + path, {
        method: json === undefined ? 'GET' : 'POST',
        headers: json === undefined ? undefined : { 'content-type': 'application/json' },
        body: json === undefined ? undefined : JSON.stringify(json),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (e) {
      this.logger.warn(`WeChat ${api} unreachable: ${(e as Error).message}`);
      throw new WechatError(-1, 'network error or timeout', api);
    }
    // Image APIs (mini-program codes) answer bytes on success and JSON on error.
    if (res.ok && res.headers.get('content-type')?.startsWith('image/')) return Buffer.from(await res.arrayBuffer()) as T;
    const text = await res.text();
    let body: { errcode?: number; errmsg?: string } & Record<string, unknown>;
    try {
      body = JSON.parse(text);
    } catch {
      throw new WechatError(-1, `HTTP ${res.status}, not JSON`, api);
    }
    if (body.errcode) throw new WechatError(body.errcode, body.errmsg ?? '', api);
    if (!res.ok) throw new WechatError(-1, `HTTP ${res.status}`, api);
    return body as T;
  }
}
