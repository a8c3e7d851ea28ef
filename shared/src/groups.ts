// Self-declared and optional (PIPL): a member may tick none of them.
export const MEMBER_GROUP_KEYS = ['migrant', 'agency', 'new_generation', 'women', 'hardship', 'frontline'] as const;
export type MemberGroup = (typeof MEMBER_GROUP_KEYS)[number];

export const MEMBER_GROUP_LABELS: Record<MemberGroup, string> = {
  migrant: '农民工',
  agency: '劳务派遣工',
  new_generation: '新生代职工',
  women: '女职工',
  hardship: '困难职工',
  frontline: '一线职工',
};

export function isMemberGroup(value: unknown): value is MemberGroup {
  return typeof value === 'string' && (MEMBER_GROUP_KEYS as readonly string[]).includes(value);
}
