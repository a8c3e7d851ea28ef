import Taro from '@tarojs/taro';

/** A stored value, or the fallback when there is none or it is unreadable (another version, a full disk). */
export function readStored<T>(key: string, isValid: (value: unknown) => value is T, fallback: T): T {
  try {
    const value: unknown = Taro.getStorageSync(key);
    return isValid(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

/** false when the device refused to store (storage full): callers tell the user rather than lose data silently. */
export function writeStored(key: string, value: unknown): boolean {
  try {
    Taro.setStorageSync(key, value);
    return true;
  } catch {
    return false;
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
