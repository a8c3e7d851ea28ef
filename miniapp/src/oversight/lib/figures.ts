import { DEFAULT_THRESHOLDS, TIER_LABELS, type Tier } from '@pingjia/shared'
import { formatMean, formatPercent } from '../../utils/format'
import { WITHHELD_TEXT } from '../components/StaffPage/Withheld'

// How figures read on the oversight pages. A null figure is one the privacy rules hold back.

export const percentOrWithheld = (rate: number | null | undefined) => (typeof rate === 'number' ? formatPercent(rate) : WITHHELD_TEXT)
export const meanOrWithheld = (mean: number | null | undefined) => (typeof mean === 'number' ? formatMean(mean) : WITHHELD_TEXT)
export const tierLabel = (tier: Tier | null | undefined) => (tier ? TIER_LABELS[tier] : WITHHELD_TEXT)

/** The validity line as a percentage, e.g. 30. */
export const VALID_LINE_PERCENT = DEFAULT_THRESHOLDS.validParticipationBp / 100

/** Ratings still missing for the cycle to count (≥30% of members), 0 once it does. */
export function ratingsToValid(ratings: number, members: number): number {
  const needed = Math.ceil((DEFAULT_THRESHOLDS.validParticipationBp * members) / 10000)
  return Math.max(0, needed - ratings)
}

/** Width of a bar for a rate, 0–100 (%), capped. */
export const barPercent = (rate: number | null | undefined) => (typeof rate === 'number' ? Math.min(100, Math.max(0, rate * 100)) : 0)
