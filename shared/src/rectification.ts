// 整改 follow-up as the federations see it: where each home of a closed cycle stands with its plan.

/**
 * Days after a cycle's closing date by which a home posts its rectification plan, unless its province
 * set its own (ProvinceSettings.rectification.planDays, frozen into the cycle at open).
 */
export const RECTIFICATION_PLAN_DAYS = 30;

export const RECTIFICATION_STATES = ['overdue', 'sent_back', 'awaiting_sign_off', 'missing', 'in_progress', 'signed_off'] as const;
/**
 * missing: no plan yet, still in time; overdue: no plan past the due day; sent_back: the level above
 * returned the plan (退回) and awaits a revision; in_progress: a plan without any progress report yet;
 * awaiting_sign_off: a plan with progress reported, for the level above to accept; signed_off: accepted.
 */
export type RectificationState = (typeof RECTIFICATION_STATES)[number];

export const RECTIFICATION_STATE_LABELS: Record<RectificationState, string> = {
  overdue: '逾期未提交',
  sent_back: '已退回',
  awaiting_sign_off: '待验收',
  missing: '未提交',
  in_progress: '整改中',
  signed_off: '已验收',
};

/** The day (YYYY-MM-DD) a plan is due: `planDays` (the cycle's frozen setting) after the closing day. */
export function rectificationPlanDue(closingDay: string, planDays: number): string {
  const d = new Date(`${closingDay}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + planDays);
  return d.toISOString().slice(0, 10);
}

/** `pastDue`: the plan's due day has passed (only matters while there is no plan). */
export function rectificationState(
  plan: { status: 'planned' | 'sent_back' | 'signed_off'; updates: number } | null,
  pastDue: boolean,
): RectificationState {
  if (!plan) return pastDue ? 'overdue' : 'missing';
  if (plan.status === 'signed_off') return 'signed_off';
  if (plan.status === 'sent_back') return 'sent_back';
  return plan.updates > 0 ? 'awaiting_sign_off' : 'in_progress';
}
