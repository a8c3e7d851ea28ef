// 认可/不认可: whether members find that the home's rectification plan answers their concerns. One answer
// per member per plan, changeable until the upper level signs the rectification off. The counts follow
// the rating figures' rules: while answers can still change only how many answered is shown, rounded down
// to a multiple of the smallest slice; the split is released once, at sign-off, and only when both sides
// reach the smallest slice (so neither side nor "total minus side" can be a small group).
import { isGroupSliceVisible, isSliceVisible, openParticipation } from './privacy';
import type { Thresholds } from './scoring';

export const ENDORSEMENT_VERDICTS = ['agree', 'disagree'] as const;
export type EndorsementVerdict = (typeof ENDORSEMENT_VERDICTS)[number];
export const ENDORSEMENT_LABELS: Record<EndorsementVerdict, string> = { agree: '认可', disagree: '不认可' };

/** GET /api/campaigns/:cid/homes/:hid/endorsements (public). */
export interface EndorsementFigures {
  /** answers can still be given or changed (the plan is not signed off yet) */
  open: boolean;
  /** how many answered: rounded down to a multiple of minSlice while open; null after sign-off below minSlice */
  responded: number | null;
  /** released at sign-off only, when both sides reach minSlice; otherwise null */
  agree: number | null;
  disagree: number | null;
}

/** GET/PUT /api/campaigns/:cid/homes/:hid/endorsements/mine: the caller's own answer. */
export interface MyEndorsement {
  verdict: EndorsementVerdict | null;
}

export interface EndorsementRequest {
  verdict: EndorsementVerdict;
}

export function endorsementFigures(
  counts: { agree: number; disagree: number },
  open: boolean,
  /** the campaign's frozen thresholds (campaignSettings), never the defaults */
  t: Thresholds,
): EndorsementFigures {
  const total = counts.agree + counts.disagree;
  if (open) return { open, responded: openParticipation(total, t), agree: null, disagree: null };
  const split = isGroupSliceVisible(counts.agree, total, t);
  return {
    open,
    responded: isSliceVisible(total, t) ? total : null,
    agree: split ? counts.agree : null,
    disagree: split ? counts.disagree : null,
  };
}
