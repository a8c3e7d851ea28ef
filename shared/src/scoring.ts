import { CRITERION_KEYS, CriterionKey, SCORE_MAX } from './criteria';

// Figures from union practice. Fixed for now: the server and the mini-program use DEFAULT_THRESHOLDS
// (making them configurable per federation is issue #18); functions take them as a parameter.
// Rates are kept in basis points (1/10000) so threshold checks are exact integer arithmetic:
// 7 of 10 satisfied is exactly 70%, never 69.99999%.
export interface Thresholds {
  qualifiedBp: number;
  advancedBp: number;
  modelBp: number;
  nationalSatisfactionBp: number;
  nationalMembershipBp: number;
  validParticipationBp: number;
  minSlice: number;
  minComments: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
  qualifiedBp: 7000,
  advancedBp: 8000,
  modelBp: 8500,
  nationalSatisfactionBp: 9000,
  nationalMembershipBp: 9000,
  validParticipationBp: 3000,
  minSlice: 5,
  minComments: 10,
};

export const TIERS = ['none', 'qualified', 'advanced', 'model', 'national_model'] as const;
export type Tier = (typeof TIERS)[number];
export const TIER_LABELS: Record<Tier, string> = {
  none: '未达标',
  qualified: '合格职工之家',
  advanced: '先进职工之家',
  model: '模范职工之家',
  national_model: '全国模范职工之家',
};

export interface VerdictCounts {
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

export function verdictTotal(c: VerdictCounts): number {
  return c.satisfied + c.basicallySatisfied + c.dissatisfied;
}

/** (满意 + 基本满意) ÷ valid ratings, rounded to 4 places; null with no ratings. */
export function satisfactionRate(c: VerdictCounts): number | null {
  return rate(c.satisfied + c.basicallySatisfied, verdictTotal(c));
}

export function participationRate(ratings: number, members: number): number | null {
  return rate(ratings, members);
}

/** Every rate the API gives (satisfaction, participation, on time…): part ÷ whole to 4 places; null when whole is 0. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? round4(part / whole) : null;
}

/** A cycle counts only if at least 30% of the home's members took part. */
export function isParticipationValid(ratings: number, members: number, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  return members > 0 && ratings >= ratingsForValidParticipation(members, t);
}

/** The fewest ratings that make a cycle valid: 30% of the members, rounded up. */
export function ratingsForValidParticipation(members: number, t: Thresholds = DEFAULT_THRESHOLDS): number {
  return Math.ceil((Math.trunc(t.validParticipationBp) * members) / 10000);
}

/** Low participation, as federations list it: a home with members whose cycle is not valid (yet). */
export function isParticipationLow(ratings: number, members: number, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  return members > 0 && !isParticipationValid(ratings, members, t);
}

/** The validity line as a whole percentage (30). */
export const validParticipationPercent = (t: Thresholds = DEFAULT_THRESHOLDS): number => t.validParticipationBp / 100;

function atLeast(part: number, whole: number, bp: number): boolean {
  return whole > 0 && part * 10000 >= bp * whole;
}

export interface TierInput {
  counts: VerdictCounts;
  /** members who joined the union ÷ workers; needed only for 全国模范 */
  membership?: { members: number; workers: number } | null;
}

export function tierFor(input: TierInput, t: Thresholds = DEFAULT_THRESHOLDS): Tier {
  const n = verdictTotal(input.counts);
  const positive = input.counts.satisfied + input.counts.basicallySatisfied;
  if (!atLeast(positive, n, t.qualifiedBp)) return 'none';
  if (!atLeast(positive, n, t.advancedBp)) return 'qualified';
  if (!atLeast(positive, n, t.modelBp)) return 'advanced';
  const m = input.membership;
  if (atLeast(positive, n, t.nationalSatisfactionBp) && m && atLeast(m.members, m.workers, t.nationalMembershipBp)) {
    return 'national_model';
  }
  return 'model';
}

const TIER_BP: Record<Exclude<Tier, 'none'>, keyof Thresholds> = {
  qualified: 'qualifiedBp',
  advanced: 'advancedBp',
  model: 'modelBp',
  national_model: 'nationalSatisfactionBp',
};

export interface TierProgress {
  current: Tier;
  next: Tier | null;
  /** satisfaction still missing for the next tier (0.02 = two points); null at the top */
  gap: number | null;
}

export function tierProgress(input: TierInput, t: Thresholds = DEFAULT_THRESHOLDS): TierProgress {
  const current = tierFor(input, t);
  const idx = TIERS.indexOf(current);
  const next = idx < TIERS.length - 1 ? TIERS[idx + 1] : null;
  if (!next || next === 'none') return { current, next: null, gap: null };
  const rate = satisfactionRate(input.counts) ?? 0;
  const needed = t[TIER_BP[next]] / 10000;
  return { current, next, gap: round4(Math.max(0, needed - rate)) };
}

export interface CriterionTotals {
  sum: number;
  /** counts of scores 1..5, index 0 = score 1 */
  distribution: number[];
}

export function emptyDistribution(): number[] {
  return new Array(SCORE_MAX).fill(0);
}

/** Mean of a criterion to 2 places; null with no ratings. */
export function criterionMean(sum: number, count: number): number | null {
  return count > 0 ? Math.round((sum / count) * 100) / 100 : null;
}

export function meansFromSums(sums: Record<CriterionKey, number>, count: number): Record<CriterionKey, number | null> {
  const out = {} as Record<CriterionKey, number | null>;
  for (const k of CRITERION_KEYS) out[k] = criterionMean(sums[k], count);
  return out;
}

export function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** 0.8333 → "83.3%"; null → "—" (the app and the PDF dossier print figures alike). */
export function formatPercent(rate: number | null | undefined): string {
  return typeof rate === 'number' ? `${(rate * 100).toFixed(1)}%` : '—';
}

/** 4.2 → "4.20"; null → "—". */
export function formatMean(mean: number | null | undefined): string {
  return typeof mean === 'number' ? mean.toFixed(2) : '—';
}
