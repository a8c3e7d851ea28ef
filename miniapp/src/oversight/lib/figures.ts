import { ratingsForValidParticipation, TIER_LABELS, validParticipationPercent, type Tier } from '@pingjia/shared';
import { formatMean, formatPercent } from '../../utils/format';
import { WITHHELD_TEXT } from '../components/StaffPage/Withheld';

// How figures read on the oversight pages. A null figure is one the privacy rules hold back.

export const percentOrWithheld = (rate: number | null | undefined) => (typeof rate === 'number' ? formatPercent(rate) : WITHHELD_TEXT);
export const meanOrWithheld = (mean: number | null | undefined) => (typeof mean === 'number' ? formatMean(mean) : WITHHELD_TEXT);
export const tierLabel = (tier: Tier | null | undefined) => (tier ? TIER_LABELS[tier] : WITHHELD_TEXT);

/** The validity line as a percentage, e.g. 30. */
export const VALID_LINE_PERCENT = validParticipationPercent();

/** Ratings still missing for the cycle to count (≥30% of members), 0 once it does. */
export function ratingsToValid(ratings: number, members: number): number {
  return Math.max(0, ratingsForValidParticipation(members) - ratings);
}

/** Width of a bar for a rate, 0–100 (%), capped. */
export const barPercent = (rate: number | null | undefined) => (typeof rate === 'number' ? Math.min(100, Math.max(0, rate * 100)) : 0);
