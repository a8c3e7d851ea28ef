import Taro from '@tarojs/taro';
import type { AuthResponse, ClientConfig, DevLoginRequest, PasswordLoginRequest, WechatLoginRequest } from '@pingjia/shared';
import { ApiRequestError, isApiRequestError, request, type RequestOptions } from './request';
import { startWebAuth, usesWebAuth, webAuthCode } from '../platform/webAuth';
import { DEVICE_ID_KEY, clearToken, readToken, saveToken } from './session';

export function fetchConfig(): Promise<ClientConfig> {
  return request<ClientConfig>({ path: '/api/config', auth: 'none' });
}

// Generated once per device and kept, so dev logins return to the same member.
function deviceId(): string {
  const stored: unknown = Taro.getStorageSync(DEVICE_ID_KEY);
  if (typeof stored === 'string' && stored) return stored;
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let id = 'dev_';
  for (let i = 0; i < 28; i++) id += alphabet[Math.floor(Math.random() * alphabet.length)];
  Taro.setStorageSync(DEVICE_ID_KEY, id);
  return id;
}

async function loginAsMember(): Promise<string> {
  const config = await fetchConfig();
  let auth: AuthResponse;
  if (process.env.TARO_ENV === 'weapp' && config.wechatLogin) {
    const { code } = await Taro.login();
    const body: WechatLoginRequest = { code };
    auth = await request<AuthResponse>({ method: 'POST', path: '/api/auth/wechat', data: body, auth: 'none' });
  } else if (usesWebAuth(config)) {
    // WeChat's browser: the code WeChat sent back, else off to WeChat's authorisation page for one.
    const code = webAuthCode(config);
    if (!code) return startWebAuth(config);
    const body: WechatLoginRequest = { code };
    auth = await request<AuthResponse>({ method: 'POST', path: '/api/auth/wechat-web', data: body, auth: 'none' });
  } else if (config.devLogin) {
    const body: DevLoginRequest = { openid: deviceId() };
    auth = await request<AuthResponse>({ method: 'POST', path: '/api/auth/dev', data: body, auth: 'none' });
  } else {
    throw new ApiRequestError(0, 'LOGIN_UNAVAILABLE', '请在微信中打开本页面，或用微信扫描职工之家的小程序码参加评议');
  }
  saveToken('member', auth.token);
  return auth.token;
}

let pendingLogin: Promise<string> | null = null;

/** The member's token, logging in silently first when there is none (or when forced after a 401). */
export function ensureMemberLogin(force = false): Promise<string> {
  if (!force) {
    const token = readToken('member');
    if (token) return Promise.resolve(token);
  } else {
    clearToken('member');
  }
  if (!pendingLogin) {
    pendingLogin = loginAsMember().finally(() => {
      pendingLogin = null;
    });
  }
  return pendingLogin;
}

/** A call as the member: logs in if needed, and once more if the token was refused. */
export async function memberRequest<T>(options: Omit<RequestOptions, 'auth'>): Promise<T> {
  await ensureMemberLogin();
  try {
    return await request<T>({ ...options, auth: 'member' });
  } catch (e) {
    if (!isApiRequestError(e) || e.status !== 401) throw e;
    await ensureMemberLogin(true);
    return request<T>({ ...options, auth: 'member' });
  }
}

export function hasStaffToken(): boolean {
  return readToken('staff') !== null;
}

export async function staffLogin(username: string, password: string): Promise<AuthResponse> {
  const body: PasswordLoginRequest = { username, password };
  const auth = await request<AuthResponse>({ method: 'POST', path: '/api/auth/password', data: body, auth: 'none' });
  saveToken('staff', auth.token);
  return auth;
}

export function staffLogout(): void {
  clearToken('staff');
}

/** A call as staff; a refused token is dropped so the page shows the login form again. */
export async function staffRequest<T>(options: Omit<RequestOptions, 'auth'>): Promise<T> {
  try {
    return await request<T>({ ...options, auth: 'staff' });
  } catch (e) {
    if (isApiRequestError(e) && e.status === 401) clearToken('staff');
    throw e;
  }
}
