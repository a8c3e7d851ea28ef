import { useCallback, useState } from 'react';
import type { Rating } from '@pingjia/shared';
import { readDraft, removeDraft, saveDraft, type RatingDraft, type RatingTarget, type RatingValues } from '../../services/drafts';
import { isNetworkFailure } from '../../services/outbox';
import { getMyRating } from '../../services/ratings';
import { errorMessage } from '../../services/request';

const EMPTY: RatingValues = { scores: {}, verdict: null, comment: '', groups: [] };

const valuesOf = (r: Rating | RatingDraft): RatingValues => ({
  scores: { ...r.scores },
  verdict: r.verdict,
  comment: r.comment ?? '',
  groups: [...r.groups],
});

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready' };

/**
 * The rating form's values: prefilled from the member's rating on the server, or from a draft left on the
 * device (which wins: it is newer). Every change is saved as a draft at once, so leaving the form loses nothing.
 */
export function useRatingForm(target: RatingTarget) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [values, setValues] = useState<RatingValues>(EMPTY);
  /** the member's rating on the server when the form opened */
  const [existing, setExisting] = useState<Rating | null>(null);
  /** the draft found on the device when the form opened */
  const [restored, setRestored] = useState<RatingDraft | null>(null);
  const [draft, setDraft] = useState<RatingDraft | null>(null);

  const reload = useCallback(async () => {
    const { campaignId, homeId } = target;
    if (!campaignId || !homeId) return;
    setLoad({ kind: 'loading' });
    const stored = readDraft(campaignId, homeId);
    let rating: Rating | null = null;
    try {
      rating = await getMyRating(campaignId, homeId);
    } catch (e) {
      // Offline with a draft on the device: the member can still read and finish it.
      if (!(stored && isNetworkFailure(e))) return setLoad({ kind: 'error', message: errorMessage(e) });
    }
    setExisting(rating);
    setRestored(stored);
    setDraft(stored);
    setValues(stored ? valuesOf(stored) : rating ? valuesOf(rating) : EMPTY);
    setLoad({ kind: 'ready' });
  }, [target]);

  /** Saves these values as the device's draft; `queued` marks it for sending when the network is back. */
  const persist = useCallback(
    (next: RatingValues, queued = false, problem: string | null = null): RatingDraft => {
      const saved: RatingDraft = {
        ...next,
        target,
        queued,
        problem,
        changing: existing !== null || (draft?.changing ?? false),
        savedAt: new Date().toISOString(),
      };
      saveDraft(saved);
      setDraft(saved);
      return saved;
    },
    [target, existing, draft],
  );

  const update = useCallback(
    (patch: Partial<RatingValues>) => {
      const next = { ...values, ...patch };
      setValues(next);
      // An edit after a refusal starts afresh; an edit of a queued draft keeps it queued (the newest words go out).
      persist(next, draft?.queued ?? false, null);
    },
    [values, persist, draft],
  );

  /** Drops the device's draft and goes back to what the server has. */
  const discard = useCallback(() => {
    removeDraft(target.campaignId, target.homeId);
    setDraft(null);
    setRestored(null);
    setValues(existing ? valuesOf(existing) : EMPTY);
  }, [target, existing]);

  return { load, reload, values, update, persist, discard, existing, restored, draft, setDraft };
}
