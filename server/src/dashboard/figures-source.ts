import type { CampaignStatus } from '@pingjia/shared';
import { RatingTotalsSchema, RatingTotalsShownSchema } from '../ratings/rating-totals.entity';

// Which totals a view of a cycle reads: the live totals once the cycle is closed (final figures),
// else the shown snapshot (ratings/open-figures.ts), so refreshing an open cycle's dashboard after
// each rating reveals nothing about that rating. Counts and scores come from the same row.
export const isFinal = (status: CampaignStatus) => status === 'closed' || status === 'published';

export function totalsSchemaFor(campaign: { status: CampaignStatus } | null) {
  return !campaign || isFinal(campaign.status) ? RatingTotalsSchema : RatingTotalsShownSchema;
}

/** The entity name to join in query builders. */
export const totalsEntityFor = (campaign: { status: CampaignStatus } | null) => totalsSchemaFor(campaign).options.name;
