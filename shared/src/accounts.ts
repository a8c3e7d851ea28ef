// Staff accounts with a password (H5): the rules the server's DTOs and the app's forms both apply.

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const USERNAME_PATTERN = /^[A-Za-z0-9._-]{3,64}$/;

/** A new password typed twice: what is wrong with each, by field (`password`, `again`); empty when fine. */
export function newPasswordProblems(password: string, again: string): { password?: string; again?: string } {
  if (password.length < PASSWORD_MIN) return { password: `密码至少 ${PASSWORD_MIN} 位` };
  if (password.length > PASSWORD_MAX) return { password: `密码最多 ${PASSWORD_MAX} 位` };
  if (password !== again) return { again: '两次输入的密码不一致' };
  return {};
}
