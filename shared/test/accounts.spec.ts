import { newPasswordProblems, PASSWORD_MAX, USERNAME_PATTERN } from '../src/accounts';

describe('newPasswordProblems', () => {
  it('asks for 10 characters before anything else', () => {
    expect(newPasswordProblems('123456789', 'different')).toEqual({ password: '密码至少 10 位' });
  });
  it('refuses more than the server stores', () => {
    expect(newPasswordProblems('x'.repeat(PASSWORD_MAX + 1), 'x'.repeat(PASSWORD_MAX + 1))).toEqual({ password: '密码最多 200 位' });
  });
  it('puts a mismatch on the second field', () => {
    expect(newPasswordProblems('long-enough-1', 'long-enough-2')).toEqual({ again: '两次输入的密码不一致' });
  });
  it('accepts 10 to 200 characters typed twice alike', () => {
    expect(newPasswordProblems('long-enough', 'long-enough')).toEqual({});
    expect(newPasswordProblems('x'.repeat(PASSWORD_MAX), 'x'.repeat(PASSWORD_MAX))).toEqual({});
  });
});

describe('USERNAME_PATTERN', () => {
  it('takes 3 to 64 letters, digits, . _ -', () => {
    expect(['abc', 'web-admin', 'a.b_c', '13800000000'].every((u) => USERNAME_PATTERN.test(u))).toBe(true);
    expect(['ab', 'x'.repeat(65), '张三', 'a b'].some((u) => USERNAME_PATTERN.test(u))).toBe(false);
  });
});
