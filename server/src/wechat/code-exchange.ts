import { DomainError } from '../common/domain-error';
import { WECHAT_ERR, WechatError } from './wechat.errors';

/** A wx.login or web authorisation code exchanged with WeChat, its refusals as the API's errors. */
export async function exchangeCode<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (e) {
    if (!(e instanceof WechatError)) throw e;
    if (e.errcode === WECHAT_ERR.INVALID_CODE || e.errcode === WECHAT_ERR.CODE_USED) throw new DomainError('WECHAT_CODE_INVALID');
    if (e.errcode === WECHAT_ERR.HIGH_RISK_USER) throw new DomainError('WECHAT_USER_RISKY');
    throw new DomainError('WECHAT_UNAVAILABLE', undefined, undefined, { 'retry-after': '5' });
  }
}
