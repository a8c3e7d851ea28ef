import { DEFAULT_THRESHOLDS, Thresholds } from './scoring';
import { chinaDay } from './time';
import type { CampaignStatus } from './orgs';

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

// While a cycle is open nobody — the home's staff, the federations above it, the organiser — sees more
// than how many took part, rounded down to a multiple of the smallest slice; verdicts, scores,
// distributions, groups and comments are released once, when the cycle closes. So no two views can
// differ by one rating's answer, however often they are taken or whatever ratings the viewer adds.

/** A cycle's figures are released once, when it closes; before that only participation is shown. */
export function areFiguresReleased(status: CampaignStatus): boolean {
  return status === 'closed' || status === 'published';
}

/** The participation an open cycle shows: rounded down to a multiple of `minSlice` (5). */
export function openParticipation(ratings: number, t: Thresholds = DEFAULT_THRESHOLDS): number {
  return Math.floor(ratings / t.minSlice) * t.minSlice;
}

/** China calendar days from today to the day the cycle closes (0: it closes today), never below 0. */
export function daysLeft(closesAt: string, now: Date): number {
  return Math.max(0, Math.round((Date.parse(chinaDay(closesAt)) - Date.parse(chinaDay(now))) / 86_400_000));
}

/** What the chair and the federations read while a cycle is open. */
export function openFiguresNote(t: Thresholds = DEFAULT_THRESHOLDS): string {
  return `评议进行中：为保护评议人隐私，评议结束前只显示参评人数（按 ${t.minSlice} 人取整），满意度、各项得分、群体和留言在评议结束后一次公布。`;
}

/** What a member reads on the rating form: who sees what, and when. */
export function ratingPrivacyNote(t: Thresholds = DEFAULT_THRESHOLDS): string {
  return `为保护您的隐私：评议结束前，包括工会主席和上级工会在内，任何人都只能看到参评人数（按 ${t.minSlice} 人取整）；满意度和各项得分在评议结束后一次公布，不足 ${t.minSlice} 人的部分不显示。`;
}

export function daysLeftText(days: number): string {
  return days > 0 ? `距评议结束还有 ${days} 天` : '评议今天结束';
}

/** Why a dashboard shows no comments: the cycle is still open, or too few ratings. */
export type CommentsWithheld = 'campaign_open' | 'too_few_ratings';

export function commentsWithheldText(reason: CommentsWithheld, t: Thresholds = DEFAULT_THRESHOLDS): string {
  return reason === 'campaign_open' ? '评议结束后显示会员留言' : `参评不足 ${t.minComments} 人，不显示留言`;
}
