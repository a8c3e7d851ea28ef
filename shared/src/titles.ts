import { DEFAULT_THRESHOLDS, Thresholds, Tier, TIERS, tierFor, VerdictCounts } from './scoring';
import { isParticipationValid } from './scoring';
import { isSliceVisible } from './privacy';

export interface TitleInput {
  ratings: number;
  /** the home's union members: the base for participation */
  members: number;
  counts: VerdictCounts;
  /** workers of the unit, for 入会率 (全国模范 only); null when unknown */
  workers?: number | null;
}

/**
 * The title a cycle actually earns: none unless the cycle is valid (≥30% of members took part) and
 * its figures may be shown at all; then by satisfaction (全国模范 also by membership rate).
 */
export function awardedTitle(input: TitleInput, t: Thresholds = DEFAULT_THRESHOLDS): Tier {
  if (!isSliceVisible(input.ratings, t) || !isParticipationValid(input.ratings, input.members, t)) return 'none';
  const membership = input.workers ? { members: input.members, workers: input.workers } : null;
  return tierFor({ counts: input.counts, membership }, t);
}

export const tierRank = (tier: Tier): number => TIERS.indexOf(tier);

/** 动态管理: a home that held a title last cycle and holds a lower one (or none) now. */
export function lostTitle(previous: Tier, current: Tier): boolean {
  return previous !== 'none' && tierRank(current) < tierRank(previous);
}
