import Taro from '@tarojs/taro';

// Storage keys; the member and staff sessions never share a token.
const MEMBER_TOKEN_KEY = 'pingjia.token';
const STAFF_TOKEN_KEY = 'pingjia.staffToken';
export const DEVICE_ID_KEY = 'pingjia.deviceId';

export type TokenKind = 'member' | 'staff';

const keyOf = (kind: TokenKind) => (kind === 'member' ? MEMBER_TOKEN_KEY : STAFF_TOKEN_KEY);

export function readToken(kind: TokenKind): string | null {
  try {
    const value: unknown = Taro.getStorageSync(keyOf(kind));
    return typeof value === 'string' && value ? value : null;
  } catch {
    return null;
  }
}

export function saveToken(kind: TokenKind, token: string): void {
  Taro.setStorageSync(keyOf(kind), token);
}

export function clearToken(kind: TokenKind): void {
  try {
    Taro.removeStorageSync(keyOf(kind));
  } catch {
    // nothing stored: nothing to clear
  }
}
