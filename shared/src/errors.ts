// Error codes of the public API: one code, one HTTP status, one default Chinese message.
export const ERRORS = {
  VALIDATION_FAILED: { status: 400, message: '提交的内容有误，请检查后重试' },
  UNAUTHORIZED: { status: 401, message: '请先登录' },
  TOKEN_INVALID: { status: 401, message: '登录已失效，请重新登录' },
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录凭证无效或已使用，请重新进入小程序' },
  BAD_CREDENTIALS: { status: 401, message: '用户名或密码不正确' },
  FORBIDDEN: { status: 403, message: '没有权限进行此操作' },
  WECHAT_USER_RISKY: { status: 403, message: '微信提示该账号存在风险，暂不能登录' },
  MEMBERSHIP_REQUIRED: { status: 403, message: '请先完成会员身份验证' },
  STAFF_CANNOT_RATE: { status: 403, message: '工作人员账号不能参加评议，请使用本人微信以会员身份评议' },
  NOT_FOUND: { status: 404, message: '未找到或无权查看' },
  CAMPAIGN_NOT_OPEN: { status: 409, message: '本轮评议未在进行中，暂不能提交评价' },
  STATE_CONFLICT: { status: 409, message: '当前状态下不能进行此操作' },
  DUPLICATE: { status: 409, message: '记录已存在' },
  CONFIRMATION_MISMATCH: { status: 409, message: '确认的内容与评议周期的当前情况不一致，请重新确认' },
  CAMPAIGN_OVERLAP: { status: 409, message: '与另一个评议周期在同一职工之家的时间重叠' },
  RATINGS_EXCEED_MEMBERS: { status: 409, message: '本职工之家本轮的评价数已达到会员人数，不能再增加新的评价；上级工会将核查此情况' },
  HOME_INACTIVE: { status: 410, message: '该职工之家已停用，不再参加评议；如有疑问请联系上级工会' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '提交的内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '请以 JSON 格式提交' },
  CONTENT_REFUSED: { status: 422, message: '内容未通过审核，请修改后再提交' },
  IDEMPOTENCY_MISMATCH: { status: 422, message: '重复提交的内容与首次不一致' },
  RATE_LIMITED: { status: 429, message: '操作太频繁，请稍后再试' },
  ACCOUNT_LOCKED: { status: 429, message: '登录失败次数过多，账号已锁定，请联系上级管理员解锁' },
  INTERNAL: { status: 500, message: '服务器开小差了，请稍后再试' },
  WECHAT_UNAVAILABLE: { status: 503, message: '微信服务繁忙，请稍后重试' },
  SERVICE_UNAVAILABLE: { status: 503, message: '服务暂不可用，请稍后重试' },
} as const;

export type ErrorCode = keyof typeof ERRORS;

export interface ApiError {
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  requestId?: string;
}

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, code);
}
