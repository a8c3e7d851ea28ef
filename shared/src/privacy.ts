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

/**
 * While a cycle is open its figures come from a snapshot that moves only after this many new ratings
 * came in, and is shown one step late, so the difference between any two views (the final figures
 * included) adds up at least this many raters, never one person. Changed ratings ride along.
 */
export function openFiguresStep(t: Thresholds = DEFAULT_THRESHOLDS): number {
  return t.minSlice;
}

export function openFiguresNote(t: Thresholds = DEFAULT_THRESHOLDS): string {
  return `评议进行中：为保护评价人隐私，结果每新增 ${openFiguresStep(t)} 人参评才更新一次，并晚一轮显示；评议结束后显示全部结果。`;
}

/** Why a dashboard shows no comments: the cycle is still open, or too few ratings. */
export type CommentsWithheld = 'campaign_open' | 'too_few_ratings';

export function commentsWithheldText(reason: CommentsWithheld, t: Thresholds = DEFAULT_THRESHOLDS): string {
  return reason === 'campaign_open' ? '评议结束后显示会员留言' : `参评不足 ${t.minComments} 人，不显示留言`;
}
