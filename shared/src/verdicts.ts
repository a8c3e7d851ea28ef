export const VERDICT_KEYS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Verdict = (typeof VERDICT_KEYS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

export function isVerdict(value: unknown): value is Verdict {
  return typeof value === 'string' && (VERDICT_KEYS as readonly string[]).includes(value);
}
