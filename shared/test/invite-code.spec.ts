import { formatInviteCode, INVITE_CODE_ALPHABET, normalizeInviteCode } from '../src/invite-code';

describe('invite codes', () => {
  it('reads a code typed in lower case, with spaces or the dash it is shown with', () => {
    expect(normalizeInviteCode('abcd-efgh')).toBe('ABCDEFGH');
    expect(normalizeInviteCode(' ab cd ef gh ')).toBe('ABCDEFGH');
    expect(normalizeInviteCode(formatInviteCode('23456789'))).toBe('23456789');
  });

  it('refuses the wrong length and characters that look alike', () => {
    expect(normalizeInviteCode('ABCDEFG')).toBeNull();
    expect(normalizeInviteCode('ABCDEFGHJ')).toBeNull();
    for (const c of '01OILUV') expect(normalizeInviteCode(`ABCDEFG${c}`)).toBeNull();
    expect(new Set(INVITE_CODE_ALPHABET).size).toBe(INVITE_CODE_ALPHABET.length);
  });
});
