import Taro from '@tarojs/taro';
import { chinaDay, type Rating } from '@pingjia/shared';
import { draftKey, listDrafts, ratingRequestOf, removeDraft, saveDraft, type RatingDraft } from './drafts';
import { recordRatedHome } from './myRatings';
import { putMyRating } from './ratings';
import { errorMessage, isApiRequestError } from './request';

/** Taro.eventCenter events: (key, rating) once a draft reached the server; (key, message) when it was refused. */
export const RATING_SENT = 'pingjia:ratingSent';
export const DRAFT_REFUSED = 'pingjia:draftRefused';

/** No answer, or a gateway that could not reach the server: worth sending again later (PUT is idempotent). */
export function isNetworkFailure(e: unknown): boolean {
  return isApiRequestError(e) && (e.code === 'NETWORK' || e.status === 502 || e.status === 503 || e.status === 504);
}

/** Sends a complete draft; on success it leaves the device's drafts and joins the member's list. */
export async function sendRating(draft: RatingDraft): Promise<Rating> {
  const { target } = draft;
  const body = ratingRequestOf(draft);
  if (!body) throw new Error('incomplete rating');
  const rating = await putMyRating(target.campaignId, target.homeId, body);
  removeDraft(target.campaignId, target.homeId);
  recordRatedHome({ ...target, ratedOn: chinaDay(Date.now()) });
  Taro.eventCenter.trigger(RATING_SENT, draftKey(target.campaignId, target.homeId), rating);
  return rating;
}

let sending: Promise<number> | null = null;

/** Sends every queued draft; stops at the first network failure. Resolves to how many were sent. */
export function sendQueuedDrafts(): Promise<number> {
  if (!sending) {
    sending = sendAll().finally(() => {
      sending = null;
    });
  }
  return sending;
}

async function sendAll(): Promise<number> {
  let sent = 0;
  for (const draft of listDrafts().filter((d) => d.queued && ratingRequestOf(d))) {
    try {
      await sendRating(draft);
      sent++;
    } catch (e) {
      if (isNetworkFailure(e)) break;
      // Refused (closed campaign, membership, a field): keep every word, stop retrying, tell the member.
      const problem = errorMessage(e);
      saveDraft({ ...draft, queued: false, problem });
      Taro.eventCenter.trigger(DRAFT_REFUSED, draftKey(draft.target.campaignId, draft.target.homeId), problem);
    }
  }
  return sent;
}
