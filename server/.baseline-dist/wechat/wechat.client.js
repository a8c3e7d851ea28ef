"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.WechatClient = void 0;
const common_1 = require("@nestjs/common");
const clock_1 = require("../common/clock");
const shared_state_1 = require("../common/shared-state");
const app_config_1 = require("../config/app-config");
const wechat_errors_1 = require("./wechat.errors");
const TIMEOUT_MS = 5000;
// Refresh a little before WeChat's expiry; the old token still works 5 minutes after a new one.
const EARLY_REFRESH_S = 300;
/** how long a caller waits for another instance's refresh (and how long that instance may hold the lock) */
const TOKEN_WAIT_MS = 10_000;
const TOKEN_KEY = 'wechat:access-token';
// The one client for WeChat's server API (base URL from config). Holds the access token centrally:
// one fetch at a time across instances, refreshed once under a lock when WeChat says it is invalid or expired.
let WechatClient = class WechatClient {
    config;
    redis;
    locks;
    clock;
    logger = new common_1.Logger('WechatClient');
    token = null;
    refreshing = null;
    constructor(config, redis, locks, clock) {
        this.config = config;
        this.redis = redis;
        this.locks = locks;
        this.clock = clock;
    }
    get enabled() {
        return this.config.wechat !== null;
    }
    get wx() {
        if (!this.config.wechat)
            throw new Error('WeChat is not configured');
        return this.config.wechat;
    }
    /** jscode2session: exchanges a wx.login code (valid once, for 5 minutes) for the user's openid. */
    async codeToSession(code) {
        const q = new URLSearchParams({ appid: this.wx.appId, secret: this.wx.secret, js_code: code, grant_type: 'authorization_code' });
        const body = await this.request('jscode2session', `/sns/jscode2session?${q}`);
        return { openid: body.openid, unionid: body.unionid ?? null, sessionKey: body.session_key };
    }
    /** msg_sec_check v2 for text a user wrote. */
    async moderateText(openid, content, scene = 2) {
        const body = await this.withToken('msg_sec_check', (token) => ({
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
    async sendSubscribeMessage(message) {
        await this.withToken('subscribe_send', (token) => ({
            path: `/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`,
            json: { touser: message.touser, template_id: message.templateId, page: message.page, data: message.data, lang: 'zh_CN' },
        }));
    }
    /**
     * getwxacodeunlimit: the mini-program code for a page with an opaque `scene` (≤ 32 visible characters);
     * `page` without a leading slash. Answers the image bytes; errors come as JSON.
     */
    async wxaCodeUnlimited(o) {
        return this.withToken('getwxacodeunlimit', (token) => ({
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
    async accessToken(rejected) {
        if (this.usable(this.token, rejected))
            return this.token.value;
        if (!this.refreshing) {
            this.refreshing = this.obtainToken(rejected).finally(() => (this.refreshing = null));
        }
        return this.refreshing;
    }
    usable(t, rejected) {
        return !!t && t.value !== rejected && this.clock.now().getTime() < t.expiresAt;
    }
    async obtainToken(rejected) {
        const deadline = Date.now() + TOKEN_WAIT_MS;
        for (;;) {
            const shared = await this.readShared();
            if (this.usable(shared, rejected))
                return (this.token = shared).value;
            const lease = await this.locks.tryAcquire('wechat-token', TOKEN_WAIT_MS);
            if (lease) {
                try {
                    // Another instance may have stored one between our read and the lock.
                    const again = await this.readShared();
                    if (this.usable(again, rejected))
                        return (this.token = again).value;
                    const fresh = await this.fetchToken();
                    await this.writeShared(fresh);
                    return (this.token = fresh).value;
                }
                finally {
                    await lease.release().catch(() => undefined);
                }
            }
            // Another instance is fetching: read its token in a moment.
            if (Date.now() > deadline)
                throw new wechat_errors_1.WechatError(-1, 'timed out waiting for another instance to refresh the access token', 'stable_token');
            await new Promise((r) => setTimeout(r, 50));
        }
    }
    async readShared() {
        if (!this.redis)
            return null;
        const raw = await this.redis.get(TOKEN_KEY);
        return raw ? JSON.parse(raw) : null;
    }
    async writeShared(t) {
        if (!this.redis)
            return;
        // Kept in Redis as long as WeChat keeps it; readers also check expiresAt against their clock.
        await this.redis.set(TOKEN_KEY, JSON.stringify(t), 'PX', Math.max(1000, t.ttlMs));
    }
    async fetchToken() {
        const body = await this.request('stable_token', '/cgi-bin/stable_token', {
            grant_type: 'client_credential',
            appid: this.wx.appId,
            secret: this.wx.secret,
            force_refresh: false,
        });
        const ttlMs = Math.max(60, body.expires_in - EARLY_REFRESH_S) * 1000;
        return { value: body.access_token, expiresAt: this.clock.now().getTime() + ttlMs, ttlMs };
    }
    async withToken(api, build) {
        const token = await this.accessToken();
        try {
            const { path, json } = build(token);
            return await this.request(api, path, json);
        }
        catch (e) {
            if (!(e instanceof wechat_errors_1.WechatError) || !e.tokenRejected)
                throw e;
            // Another process may have replaced the token: refresh once (shared by concurrent callers), retry once.
            const fresh = await this.accessToken(token);
            const { path, json } = build(fresh);
            return this.request(api, path, json);
        }
    }
    async request(api, path, json) {
        let res;
        try {
            res = await fetch(this.wx.apiBase + path, {
                method: json === undefined ? 'GET' : 'POST',
                headers: json === undefined ? undefined : { 'content-type': 'application/json' },
                body: json === undefined ? undefined : JSON.stringify(json),
                signal: AbortSignal.timeout(TIMEOUT_MS),
            });
        }
        catch (e) {
            this.logger.warn(`WeChat ${api} unreachable: ${e.message}`);
            throw new wechat_errors_1.WechatError(-1, 'network error or timeout', api);
        }
        // Image APIs (mini-program codes) answer bytes on success and JSON on error.
        if (res.ok && res.headers.get('content-type')?.startsWith('image/'))
            return Buffer.from(await res.arrayBuffer());
        const text = await res.text();
        let body;
        try {
            body = JSON.parse(text);
        }
        catch {
            throw new wechat_errors_1.WechatError(-1, `HTTP ${res.status}, not JSON`, api);
        }
        if (body.errcode)
            throw new wechat_errors_1.WechatError(body.errcode, body.errmsg ?? '', api);
        if (!res.ok)
            throw new wechat_errors_1.WechatError(-1, `HTTP ${res.status}`, api);
        return body;
    }
};
exports.WechatClient = WechatClient;
exports.WechatClient = WechatClient = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(app_config_1.APP_CONFIG)),
    __param(1, (0, common_1.Inject)(shared_state_1.REDIS)),
    __metadata("design:paramtypes", [Object, Object, shared_state_1.Locks,
        clock_1.Clock])
], WechatClient);
//# sourceMappingURL=wechat.client.js.map