// WeChat answers errors as `{ errcode, errmsg }` with HTTP 200. The codes we act on:
export const WECHAT_ERR = {
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
} as const;

export class WechatError extends Error {
  constructor(
    readonly errcode: number,
    errmsg: string,
    readonly api: string,
  ) {
    super(`WeChat ${api} errcode ${errcode}: ${errmsg}`);
  }

  /** Worth trying again later (busy, rate limited, network): the caller says 503 with retry advice. */
  get transient(): boolean {
    return this.errcode === WECHAT_ERR.BUSY || this.errcode === WECHAT_ERR.RATE_LIMITED;
  }

  get tokenRejected(): boolean {
    return this.errcode === WECHAT_ERR.INVALID_CREDENTIAL || this.errcode === WECHAT_ERR.TOKEN_EXPIRED;
  }
}
