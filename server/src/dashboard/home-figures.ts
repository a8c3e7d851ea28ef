import {
  awardedTitle,
  CRITERION_KEYS,
  CriterionFigures,
  CriterionKey,
  criterionMean,
  GroupsFigures,
  isGroupSliceVisible,
  isParticipationValid,
  isSliceVisible,
  MEMBER_GROUP_KEYS,
  participationRate,
  satisfactionRate,
  Thresholds,
  Tier,
  tierProgress,
  TierProgress,
  VerdictCounts,
} from '@pingjia/shared';
import type { Home } from '../orgs/home.entity';
import { distColumn, groupColumn, groupVerdictColumn, RatingTotals, SCORES, sumColumn } from '../ratings/rating-totals.entity';

export interface HomeFigures {
  ratings: number;
  members: number;
  participationRate: number | null;
  valid: boolean;
  /** fewer than minSlice ratings: nothing but the count may be shown */
  withheld: boolean;
  satisfaction: (VerdictCounts & { rate: number | null }) | null;
  criteria: Record<CriterionKey, CriterionFigures> | null;
  tier: TierProgress | null;
  title: Tier | null;
  groups: GroupsFigures | null;
}

const num = (v: unknown) => Number(v ?? 0);

/** A home's figures for one cycle from its totals row, with every privacy rule applied. */
export function homeFigures(home: Pick<Home, 'memberCount' | 'workerCount'>, totals: RatingTotals | null, t: Thresholds): HomeFigures {
  const n = num(totals?.ratings);
  const withheld = !isSliceVisible(n, t);
  const counts: VerdictCounts = { satisfied: num(totals?.satisfied), basicallySatisfied: num(totals?.basicallySatisfied), dissatisfied: num(totals?.dissatisfied) };
  const membership = home.workerCount ? { members: home.memberCount, workers: home.workerCount } : null;
  const base = {
    ratings: n,
    members: home.memberCount,
    participationRate: participationRate(n, home.memberCount),
    valid: isParticipationValid(n, home.memberCount, t),
    withheld,
  };
  if (withheld || !totals) return { ...base, satisfaction: null, criteria: null, tier: null, title: null, groups: null };

  const criteria = {} as Record<CriterionKey, CriterionFigures>;
  for (const k of CRITERION_KEYS) {
    criteria[k] = { mean: criterionMean(num(totals[sumColumn(k)]), n), distribution: SCORES.map((s) => num(totals[distColumn(k, s)])) };
  }
  const groups = {} as GroupsFigures;
  for (const g of MEMBER_GROUP_KEYS) {
    const size = num(totals[groupColumn(g)]);
    const c: VerdictCounts = {
      satisfied: num(totals[groupVerdictColumn(g, 'satisfied')]),
      basicallySatisfied: num(totals[groupVerdictColumn(g, 'basically_satisfied')]),
      dissatisfied: num(totals[groupVerdictColumn(g, 'dissatisfied')]),
    };
    groups[g] = isGroupSliceVisible(size, n, t) ? { ratings: size, satisfactionRate: satisfactionRate(c), ...c } : null;
  }
  return {
    ...base,
    satisfaction: { rate: satisfactionRate(counts), ...counts },
    criteria,
    tier: tierProgress({ counts, membership }, t),
    title: awardedTitle({ ratings: n, members: home.memberCount, counts, workers: home.workerCount }, t),
    groups,
  };
}
