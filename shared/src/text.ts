// Text written by users: normalised the same way on the device and on the server.
export const COMMENT_MAX = 500;

// Bidi overrides and isolates can make text read differently than it is stored.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
// Characters that render as nothing: zero-width, word joiners, BOM, soft hyphen, fillers.
// U+1160 combines in Hangul; here it is listed on its own, as a character to drop.
// eslint-disable-next-line no-misleading-character-class
const INVISIBLE = /[\s\u200B-\u200F\u2060-\u2064\uFEFF\u00AD\u034F\u115F\u1160\u3164\uFFA0\u180E]/g;

/** NFC, bidi controls removed, trimmed. */
export function normalizeText(input: string): string {
  return input.normalize('NFC').replace(BIDI_CONTROLS, '').trim();
}

export function isBlankText(input: string): boolean {
  return input.replace(INVISIBLE, '').length === 0;
}

/** Length as a person counts it: one per character, not per UTF-16 unit. */
export function textLength(input: string): number {
  return Array.from(input).length;
}

/** Why a comment is refused, in Chinese; null when it is fine. Empty is fine (comments are optional). */
export function commentProblem(normalized: string, max = COMMENT_MAX): string | null {
  if (normalized.length === 0) return null;
  if (isBlankText(normalized)) return '评语不能只包含空白或不可见字符';
  if (textLength(normalized) > max) return `评语不能超过 ${max} 个字`;
  return null;
}

// Control characters other than tab (U+0009) and newline (U+000A): C0, DEL and C1. They have no place in
// anything a person writes here and break logs, exports and terminals.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
// A high surrogate not followed by a low one, or a low one without a high one before it: not a
// character at all; databases store it lossily (as U+FFFD or "?").
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a piece of submitted text is refused as it stands, in Chinese; null when every character is allowed. */
export function textCharacterProblem(input: string): string | null {
  if (CONTROL.test(input)) return '不能包含控制字符（换行和制表符除外）';
  if (LONE_SURROGATE.test(input)) return '包含无效的字符（不成对的代理项）';
  return null;
}
