// WeChat's getwxacodeunlimit takes a scene of at most 32 visible characters from this set.
export const SCENE_MAX = 32;
export const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export function isSceneToken(value: unknown): value is string {
  return typeof value === 'string' && SCENE_PATTERN.test(value);
}

/** WeChat passes a QR scene URL-encoded in the page options; H5 gets it already decoded. */
export function decodeScene(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    return null;
  }
  return isSceneToken(value) ? value : null;
}
