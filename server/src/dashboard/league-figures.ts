import { CRITERION_KEYS, CriterionKey, criterionMean, Figures, participationRate, satisfactionRate, Thresholds } from '@pingjia/shared';
import { aggregate, Aggregate, HomeRow } from '../ratings/rating-totals.store';

/** An aggregate (a subtree, a child org, or one home) as figures, with withheld scores null. */
export function toFigures(a: Aggregate): Figures {
  const shown = a.reportedRatings > 0;
  const counts = {
    satisfied: shown ? a.counts.satisfied : 0,
    basicallySatisfied: shown ? a.counts.basicallySatisfied : 0,
    dissatisfied: shown ? a.counts.dissatisfied : 0,
  };
  const means = {} as Record<CriterionKey, number | null>;
  for (const k of CRITERION_KEYS) means[k] = shown ? criterionMean(a.sums[k], a.reportedRatings) : null;
  return {
    homes: a.homes,
    members: a.members,
    ratings: a.ratings,
    participationRate: participationRate(a.ratings, a.members),
    reportedHomes: a.reportedHomes,
    reportedRatings: a.reportedRatings,
    satisfactionRate: shown ? satisfactionRate(counts) : null,
    ...counts,
    means,
  };
}

/** One home's figures: the aggregate of itself (scores withheld while the cycle is open). */
export const homeRowFigures = (r: HomeRow, t: Thresholds, open: boolean): Figures => toFigures(aggregate([r], t, open));
