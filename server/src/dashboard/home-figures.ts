import {
  awardedTitle,
  CRITERION_KEYS,
  CriterionFigures,
  CriterionKey,
  criterionMean,
  GroupPattern,
  GroupsFigures,
  isParticipationValid,
  isSliceVisible,
  MEMBER_GROUP_KEYS,
  MemberGroup,
  openParticipation,
  participationRate,
  publishableGroups,
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
const NOTHING = { satisfaction: null, criteria: null, tier: null, title: null, groups: null };

/** An open cycle's figures: participation rounded down to a multiple of 5, nothing else until the close. */
export function openHomeFigures(home: Pick<Home, 'memberCount'>, totals: RatingTotals | null, t: Thresholds): HomeFigures {
  const n = openParticipation(num(totals?.ratings), t);
  return { ratings: n, members: home.memberCount, participationRate: participationRate(n, home.memberCount), valid: isParticipationValid(n, home.memberCount, t), withheld: true, ...NOTHING };
}

/**
 * A closed cycle's final figures from its totals row, with every privacy rule applied. `patterns`: how
 * many ratings ticked each set of groups, for the group slices (publishableGroups); without them no
 * group is shown.
 */
export function homeFigures(home: Pick<Home, 'memberCount' | 'workerCount'>, totals: RatingTotals | null, t: Thresholds, patterns: GroupPattern<MemberGroup>[] = []): HomeFigures {
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
  if (withheld || !totals) return { ...base, ...NOTHING };

  const criteria = {} as Record<CriterionKey, CriterionFigures>;
  for (const k of CRITERION_KEYS) {
    criteria[k] = { mean: criterionMean(num(totals[sumColumn(k)]), n), distribution: SCORES.map((s) => num(totals[distColumn(k, s)])) };
  }
  const groups = {} as GroupsFigures;
  const shown = publishableGroups(patterns, MEMBER_GROUP_KEYS, t);
  for (const g of MEMBER_GROUP_KEYS) {
    const size = num(totals[groupColumn(g)]);
    const c: VerdictCounts = {
      satisfied: num(totals[groupVerdictColumn(g, 'satisfied')]),
      basicallySatisfied: num(totals[groupVerdictColumn(g, 'basically_satisfied')]),
      dissatisfied: num(totals[groupVerdictColumn(g, 'dissatisfied')]),
    };
    groups[g] = shown.includes(g) ? { ratings: size, satisfactionRate: satisfactionRate(c), ...c } : null;
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
