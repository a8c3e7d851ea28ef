// Invite codes are typed by hand (read out on the phone, copied from a chat), so they are short, use no
// characters that look alike (0/O, 1/I/L, U/V) and ignore case, spaces and dashes.
export const INVITE_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTWXYZ';
export const INVITE_CODE_LENGTH = 8;

/** The canonical code (upper case, no separators), or null when the text cannot be one. */
export function normalizeInviteCode(text: string): string | null {
  const code = text.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== INVITE_CODE_LENGTH) return null;
  for (const c of code) if (!INVITE_CODE_ALPHABET.includes(c)) return null;
  return code;
}

/** As shown to people: two groups of four, `ABCD-EFGH`. */
export const formatInviteCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;
