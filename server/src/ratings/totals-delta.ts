import { CRITERION_KEYS, MemberGroup, Verdict } from '@pingjia/shared';
import { distColumn, groupColumn, groupVerdictColumn, sumColumn } from './rating-totals.entity';

export interface RatingValues {
  /** a score per criterion of the list (CRITERION_KEYS) */
  scores: Readonly<Record<string, number>>;
  verdict: Verdict;
  groups: MemberGroup[];
  commentApproved: boolean;
}

const VERDICT_COLUMN: Record<Verdict, string> = {
  satisfied: 'satisfied',
  basically_satisfied: 'basically_satisfied',
  dissatisfied: 'dissatisfied',
};

function add(delta: Map<string, number>, column: string, by: number) {
  delta.set(column, (delta.get(column) ?? 0) + by);
}

function apply(delta: Map<string, number>, v: RatingValues, sign: 1 | -1, criteria: readonly string[]) {
  add(delta, 'ratings', sign);
  add(delta, VERDICT_COLUMN[v.verdict], sign);
  if (v.commentApproved) add(delta, 'comments_approved', sign);
  for (const k of criteria) {
    add(delta, sumColumn(k), sign * v.scores[k]);
    add(delta, distColumn(k, v.scores[k]), sign);
  }
  for (const g of v.groups) {
    add(delta, groupColumn(g), sign);
    add(delta, groupVerdictColumn(g, v.verdict), sign);
  }
}

/** Column → change for moving a home's totals from `before` (null: a new rating) to `after`. */
export function totalsDelta(
  before: RatingValues | null,
  after: RatingValues,
  criteria: readonly string[] = CRITERION_KEYS,
): Map<string, number> {
  const delta = new Map<string, number>();
  if (before) apply(delta, before, -1, criteria);
  apply(delta, after, 1, criteria);
  for (const [k, v] of delta) if (v === 0) delta.delete(k);
  return delta;
}
