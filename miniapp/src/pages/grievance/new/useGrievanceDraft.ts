import { useCallback, useEffect, useRef, useState } from 'react';
import type { CreateGrievanceRequest } from '@pingjia/shared';
import {
  EMPTY_GRIEVANCE,
  newIdempotencyKey,
  readGrievanceDraft,
  rememberGrievanceHome,
  removeGrievanceDraft,
  saveGrievanceDraft,
  type GrievanceDraft,
  type GrievanceValues,
  type KnownHome,
} from '../../../services/grievanceDrafts';

const fresh = (home: KnownHome): GrievanceDraft => ({
  ...home,
  values: EMPTY_GRIEVANCE,
  idempotencyKey: newIdempotencyKey(),
  subscribed: null,
  unanswered: null,
  problem: null,
  savedAt: '',
});

/**
 * The form's draft for one home: restored from the device when there is one, saved on every change, and
 * holding the Idempotency-Key that every try of this draft sends. Gone only once the server has filed it.
 */
export function useGrievanceDraft(home: KnownHome | null) {
  const [draft, setDraftState] = useState<GrievanceDraft | null>(null);
  // The latest draft for handlers that await (a submit records several things in turn).
  const latest = useRef<GrievanceDraft | null>(null);
  const setDraft = useCallback((d: GrievanceDraft | null) => {
    latest.current = d;
    setDraftState(d);
  }, []);
  /** a draft was found on the device when the form opened */
  const [restored, setRestored] = useState(false);
  /** false when the device refused to store the draft (full storage) */
  const [stored, setStored] = useState(true);

  useEffect(() => {
    if (!home) return setDraft(null);
    rememberGrievanceHome(home);
    const found = readGrievanceDraft(home.homeId);
    setRestored(found !== null && (found.values.content !== '' || found.unanswered !== null));
    setDraft(found ? { ...found, homeName: found.homeName || home.homeName } : fresh(home));
  }, [home, setDraft]);

  const save = useCallback(
    (next: GrievanceDraft): GrievanceDraft => {
      const saved = { ...next, savedAt: new Date().toISOString() };
      setStored(saveGrievanceDraft(saved));
      setDraft(saved);
      return saved;
    },
    [setDraft],
  );

  const update = useCallback(
    (patch: Partial<GrievanceValues>) => {
      const d = latest.current;
      if (d) save({ ...d, values: { ...d.values, ...patch }, problem: null });
    },
    [save],
  );

  /** After a try: what the server said (problem), and the body when no answer came back. */
  const record = useCallback(
    (patch: { subscribed?: boolean | null; unanswered?: CreateGrievanceRequest | null; problem?: string | null }) => {
      const d = latest.current;
      return d ? save({ ...d, ...patch }) : null;
    },
    [save],
  );

  const discard = useCallback(() => {
    if (!home) return;
    removeGrievanceDraft(home.homeId);
    setRestored(false);
    setDraft(fresh(home));
  }, [home, setDraft]);

  /** Filed: the draft and its key are done with. */
  const finish = useCallback(() => {
    if (home) removeGrievanceDraft(home.homeId);
  }, [home]);

  return { draft, restored, stored, update, record, discard, finish };
}
