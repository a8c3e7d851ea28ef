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
import type { HomeTotals } from '../ratings/rating-totals.store';

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

const NOTHING = { satisfaction: null, criteria: null, tier: null, title: null, groups: null };

/** An open cycle's figures: participation rounded down to a multiple of 5, nothing else until the close. */
export function openHomeFigures(home: Pick<Home, 'memberCount'>, totals: HomeTotals | null, t: Thresholds): HomeFigures {
  const n = openParticipation(totals?.ratings ?? 0, t);
  return {
    ratings: n,
    members: home.memberCount,
    participationRate: participationRate(n, home.memberCount),
    valid: isParticipationValid(n, home.memberCount, t),
    withheld: true,
    ...NOTHING,
  };
}

/**
 * A closed cycle's final figures from its totals row, with every privacy rule applied. `patterns`: how
 * many ratings ticked each set of groups, for the group slices (publishableGroups); without them no
 * group is shown.
 */
export function homeFigures(
  home: Pick<Home, 'memberCount' | 'workerCount'>,
  totals: HomeTotals | null,
  t: Thresholds,
  patterns: GroupPattern<MemberGroup>[] = [],
): HomeFigures {
  const n = totals?.ratings ?? 0;
  const withheld = !isSliceVisible(n, t);
  const counts: VerdictCounts = totals ? totals.counts : { satisfied: 0, basicallySatisfied: 0, dissatisfied: 0 };
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
    criteria[k] = { mean: criterionMean(totals.criteria[k].sum, n), distribution: totals.criteria[k].distribution };
  }
  const groups = {} as GroupsFigures;
  const shown = publishableGroups(patterns, MEMBER_GROUP_KEYS, t);
  for (const g of MEMBER_GROUP_KEYS) {
    const { ratings: size, counts: c } = totals.groups[g];
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
