import { randomBytes, randomUUID } from 'node:crypto';

export const newId = (): string => randomUUID();

const SCENE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Opaque random token for a QR scene: 22 base62 characters, ~131 bits. */
export function newSceneToken(length = 22): string {
  const bytes = randomBytes(length * 2);
  let out = '';
  for (let i = 0; i < bytes.length && out.length < length; i++) {
    // Rejection sampling keeps every character equally likely.
    if (bytes[i] < 248) out += SCENE_ALPHABET[bytes[i] % 62];
  }
  return out.length === length ? out : newSceneToken(length);
}
