import Taro from '@tarojs/taro';
import { ERRORS, isErrorCode, type ApiError } from '@pingjia/shared';
import { readToken, type TokenKind } from './session';

// H5 is served by the API server itself, so it calls its own origin; weapp needs an absolute,
// whitelisted origin fixed at build time (TARO_APP_API_BASE).
export const API_BASE = process.env.TARO_ENV === 'h5' ? '' : process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';

const NETWORK_MESSAGE = '网络连接失败，请检查网络后重试';
const BAD_RESPONSE_MESSAGE = '服务器返回了无法识别的内容，请稍后重试';
const UNAVAILABLE_MESSAGE = '服务暂时不可用，请稍后再试';

const STATUS_MESSAGES: Record<number, string> = {
  400: '提交的内容有误，请检查后重试',
  401: '请先登录',
  403: '没有权限进行此操作',
  404: '未找到或无权查看',
  409: '当前状态下不能进行此操作',
  413: '提交的内容过大',
  422: '内容未通过审核，请修改后再提交',
  429: '操作太频繁，请稍后再试',
};

/** status 0 means the request never got an answer (offline, DNS, timeout, domain not whitelisted). */
export class ApiRequestError extends Error {
  readonly isApiRequestError = true;
  readonly status: number;
  readonly code: string;
  readonly fields?: Record<string, string>;

  constructor(status: number, code: string, message: string, fields?: Record<string, string>) {
    super(message);
    // Keeps instanceof working where classes are down-compiled.
    Object.setPrototypeOf(this, ApiRequestError.prototype);
    this.name = 'ApiRequestError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export function isApiRequestError(e: unknown): e is ApiRequestError {
  return typeof e === 'object' && e !== null && (e as { isApiRequestError?: unknown }).isApiRequestError === true;
}

/** A message fit to show the user, whatever was thrown. */
export function errorMessage(e: unknown): string {
  if (isApiRequestError(e)) return e.message;
  return '出了点问题，请稍后重试';
}

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  path: string;
  data?: unknown;
  /** which stored token to send; 'none' for public endpoints */
  auth?: TokenKind | 'none';
  /** extra headers (e.g. Idempotency-Key) */
  headers?: Record<string, string>;
}

// Only our own API's codes come with a message written for members (in Chinese). Anything else — a
// framework default, a proxy's or gateway's error page — gets a Chinese message chosen by its status.
function toError(status: number, body: unknown): ApiRequestError {
  const err = typeof body === 'object' && body !== null ? (body as Partial<ApiError>) : {};
  const fields = err.fields && typeof err.fields === 'object' ? err.fields : undefined;
  if (isErrorCode(err.code)) {
    const message = typeof err.message === 'string' && err.message ? err.message : ERRORS[err.code].message;
    return new ApiRequestError(status, err.code, message, fields);
  }
  return new ApiRequestError(status, `HTTP_${status}`, STATUS_MESSAGES[status] || UNAVAILABLE_MESSAGE);
}

export async function request<T>({ method = 'GET', path, data, auth = 'member', headers }: RequestOptions): Promise<T> {
  const header: Record<string, string> = { ...headers, Accept: 'application/json' };
  if (data !== undefined && !header['Content-Type']) header['Content-Type'] = 'application/json';
  const token = auth === 'none' ? null : readToken(auth);
  if (token) header.Authorization = `Bearer ${token}`;

  let res: Taro.request.SuccessCallbackResult<TaroGeneral.IAnyObject | string>;
  try {
    res = await Taro.request<TaroGeneral.IAnyObject | string>({
      url: `${API_BASE}${path}`,
      method,
      data: data as Taro.request.Option['data'],
      header,
      dataType: 'json',
      timeout: 15000,
    });
  } catch {
    throw new ApiRequestError(0, 'NETWORK', NETWORK_MESSAGE);
  }

  const { statusCode, data: body } = res;
  if (statusCode >= 200 && statusCode < 300) {
    if (statusCode === 204) return undefined as T;
    if (typeof body !== 'object' || body === null) throw new ApiRequestError(statusCode, 'BAD_RESPONSE', BAD_RESPONSE_MESSAGE);
    return body as T;
  }
  throw toError(statusCode, body);
}
