import { DEFAULT_THRESHOLDS, Thresholds } from './scoring';

// The privacy rules every view applies (dashboards, league tables, exports, public results).
// Withheld figures are null: never estimated, never rounded towards something.

/** A score slice (satisfaction, means, distributions) needs at least `minSlice` ratings. */
export function isSliceVisible(ratings: number, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  return ratings >= t.minSlice;
}

/** Comments are shown only once the home has at least `minComments` ratings. */
export function areCommentsVisible(ratings: number, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  return ratings >= t.minComments;
}

/**
 * A group slice (e.g. 农民工) is shown only if the group and everyone else both reach `minSlice`,
 * so "total minus group" cannot reveal a small complement.
 */
export function isGroupSliceVisible(group: number, total: number, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  return group >= t.minSlice && total - group >= t.minSlice;
}

/** `value` when the slice may be shown, else null. */
export function withheldUnless<T>(visible: boolean, value: () => T): T | null {
  return visible ? value() : null;
}

/**
 * Aggregates over several homes (an org's totals, a child org's roll-up) count only homes whose own
 * figures are visible: a withheld home then adds nothing that "total minus the visible homes" could
 * reveal, in any view at any level.
 */
export function countsTowardAggregate(ratings: number, t: Thresholds = DEFAULT_THRESHOLDS): boolean {
  return isSliceVisible(ratings, t);
}
