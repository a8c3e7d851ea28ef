import type { Rating, RatingRequest, RatingResponse } from '@pingjia/shared';
import { memberRequest } from './auth';
import { isApiRequestError } from './request';

const myRatingPath = (campaignId: string, homeId: string) =>
  `/api/campaigns/${encodeURIComponent(campaignId)}/homes/${encodeURIComponent(homeId)}/my-rating`;

/** The member's own rating, or null when they have not rated yet. */
export async function getMyRating(campaignId: string, homeId: string): Promise<Rating | null> {
  try {
    const { rating } = await memberRequest<RatingResponse>({ path: myRatingPath(campaignId, homeId) });
    return rating;
  } catch (e) {
    if (isApiRequestError(e) && e.status === 404) return null;
    throw e;
  }
}

export async function putMyRating(campaignId: string, homeId: string, body: RatingRequest): Promise<Rating> {
  const { rating } = await memberRequest<RatingResponse>({ method: 'PUT', path: myRatingPath(campaignId, homeId), data: body });
  return rating;
}
