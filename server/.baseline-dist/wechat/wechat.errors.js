"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WechatError = exports.WECHAT_ERR = void 0;
// WeChat answers errors as `{ errcode, errmsg }` with HTTP 200. The codes we act on:
exports.WECHAT_ERR = {
    BUSY: -1,
    INVALID_CREDENTIAL: 40001, // access token invalid or replaced
    INVALID_CODE: 40029,
    CODE_USED: 40163,
    TOKEN_EXPIRED: 42001,
    RATE_LIMITED: 45011,
    HIGH_RISK_USER: 40226,
    INVALID_OPENID: 40003,
    INVALID_TEMPLATE: 40037,
    SUBSCRIPTION_REFUSED: 43101, // the user has not (or no longer) allowed this message
    ARGUMENT_INVALID: 47003,
    INVALID_PAGE: 41030, // getwxacodeunlimit: the page is not in the released mini-program
    API_LIMIT: 45009, // daily call limit of an API reached
};
class WechatError extends Error {
    errcode;
    api;
    constructor(errcode, errmsg, api) {
        super(`WeChat ${api} errcode ${errcode}: ${errmsg}`);
        this.errcode = errcode;
        this.api = api;
    }
    /** Worth trying again later (busy, rate limited, network): the caller says 503 with retry advice. */
    get transient() {
        return this.errcode === exports.WECHAT_ERR.BUSY || this.errcode === exports.WECHAT_ERR.RATE_LIMITED;
    }
    get tokenRejected() {
        return this.errcode === exports.WECHAT_ERR.INVALID_CREDENTIAL || this.errcode === exports.WECHAT_ERR.TOKEN_EXPIRED;
    }
}
exports.WechatError = WechatError;
//# sourceMappingURL=wechat.errors.js.map