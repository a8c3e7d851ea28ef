import { Inject, Injectable, Logger } from '@nestjs/common';
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

// The one client for WeChat's server API (base URL from config). Holds the access token centrally:
// one fetch at a time, refreshed once under a lock when WeChat says it is invalid or expired.
@Injectable()
export class WechatClient {
  private readonly logger = new Logger('WechatClient');
  private token: { value: string; expiresAt: number } | null = null;
  private refreshing: Promise<string> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

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
    const body = await this.request<{ openid: string; unionid?: string; session_key: string }>('jscode2session', `/sns/jscode2session?${q}`);
    return { openid: body.openid, unionid: body.unionid ?? null, sessionKey: body.session_key };
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
   * subscribeMessage.send: one message per opt-in of the user (wx.requestSubscribeMessage).
   * `page` without a leading slash; `data` as `{ key: { value } }` within the template's field limits.
   */
  async sendSubscribeMessage(message: { touser: string; templateId: string; page: string; data: Record<string, { value: string }> }): Promise<void> {
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

  /** The access token every other call needs; one holder, one fetch at a time. */
  async accessToken(force = false): Promise<string> {
    if (!force && this.token && Date.now() < this.token.expiresAt) return this.token.value;
    if (!this.refreshing) {
      this.refreshing = this.fetchToken(force).finally(() => (this.refreshing = null));
    }
    return this.refreshing;
  }

  private async fetchToken(force: boolean): Promise<string> {
    const body = await this.request<{ access_token: string; expires_in: number }>('stable_token', '/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: this.wx.appId,
      secret: this.wx.secret,
      force_refresh: force,
    });
    this.token = { value: body.access_token, expiresAt: Date.now() + Math.max(60, body.expires_in - EARLY_REFRESH_S) * 1000 };
    return body.access_token;
  }

  private async withToken<T>(api: string, build: (token: string) => { path: string; json: unknown }): Promise<T> {
    const token = await this.accessToken();
    try {
      const { path, json } = build(token);
      return await this.request<T>(api, path, json);
    } catch (e) {
      if (!(e instanceof WechatError) || !e.tokenRejected) throw e;
      // Another process may have replaced the token: refresh once (shared by concurrent callers), retry once.
      if (this.token?.value === token) this.token = null;
      const fresh = await this.accessToken();
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
