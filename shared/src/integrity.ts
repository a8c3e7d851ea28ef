// Integrity signals the level above sees about a home (never the home itself, never naming accounts).

export const INTEGRITY_FLAG_KINDS = ['over_member_count', 'new_account_burst'] as const;
export type IntegrityFlagKind = (typeof INTEGRITY_FLAG_KINDS)[number];
export const INTEGRITY_FLAG_LABELS: Record<IntegrityFlagKind, string> = {
  over_member_count: '评价数已达会员人数后仍有新评价提交（已拒收）',
  new_account_burst: '同一天内大量新注册账号首次评价',
};

/** An account counts as new on the day it was created and the day after. */
export const NEW_ACCOUNT_DAYS = 1;

/**
 * First ratings from new accounts in one home on one day that make a burst: at least 5, and at least
 * a tenth of the members (a home's first morning of a cycle brings some new accounts anyway).
 */
export function newAccountBurstThreshold(memberCount: number): number {
  return Math.max(5, Math.ceil(memberCount / 10));
}

export function integrityFlagKinds(f: {
  refusedOverMembers: number;
  busiestNewAccountDay: number;
  memberCount: number;
}): IntegrityFlagKind[] {
  const kinds: IntegrityFlagKind[] = [];
  if (f.refusedOverMembers > 0) kinds.push('over_member_count');
  if (f.busiestNewAccountDay >= newAccountBurstThreshold(f.memberCount)) kinds.push('new_account_burst');
  return kinds;
}
