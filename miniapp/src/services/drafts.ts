import {
  isMemberGroup,
  normalizeText,
  unscoredCriteria,
  type MemberGroup,
  type RatingRequest,
  type Scores,
  type Verdict,
} from '@pingjia/shared';
import type { RatedHome } from './myRatings';
import { isRecord, readStored, writeStored } from './storage';

// Unsent ratings, one per home and campaign, kept on the device so that nothing typed is lost: not when the
// member leaves the form, not when the network drops, not when the server refuses a field.
const DRAFTS_KEY = 'pingjia.drafts';

export type RatingTarget = Omit<RatedHome, 'ratedOn'>;

export interface RatingValues {
  scores: Partial<Scores>;
  verdict: Verdict | null;
  comment: string;
  groups: MemberGroup[];
}

export interface RatingDraft extends RatingValues {
  target: RatingTarget;
  /** complete, and the last try got no answer: sent as soon as the network is back */
  queued: boolean;
  /** why the server refused the last try, shown when the form opens again */
  problem: string | null;
  /** the member had rated before: sending it changes that rating */
  changing: boolean;
  savedAt: string;
}

export const draftKey = (campaignId: string, homeId: string) => `${campaignId}/${homeId}`;

function isDraft(value: unknown): value is RatingDraft {
  if (!isRecord(value) || !isRecord(value.target) || !isRecord(value.scores)) return false;
  return (
    typeof value.target.homeId === 'string' &&
    typeof value.target.campaignId === 'string' &&
    typeof value.comment === 'string' &&
    Array.isArray(value.groups)
  );
}

function readAll(): Record<string, RatingDraft> {
  const stored = readStored(DRAFTS_KEY, isRecord, {});
  const out: Record<string, RatingDraft> = {};
  for (const [key, value] of Object.entries(stored)) if (isDraft(value)) out[key] = value;
  return out;
}

export function readDraft(campaignId: string, homeId: string): RatingDraft | null {
  return readAll()[draftKey(campaignId, homeId)] ?? null;
}

export function listDrafts(): RatingDraft[] {
  return Object.values(readAll());
}

/** false when the device could not store it. */
export function saveDraft(draft: RatingDraft): boolean {
  const all = readAll();
  all[draftKey(draft.target.campaignId, draft.target.homeId)] = draft;
  return writeStored(DRAFTS_KEY, all);
}

export function removeDraft(campaignId: string, homeId: string): void {
  const all = readAll();
  delete all[draftKey(campaignId, homeId)];
  writeStored(DRAFTS_KEY, all);
}

/** The request body, or null while a score or the verdict is missing. */
export function ratingRequestOf(values: RatingValues): RatingRequest | null {
  const { scores, verdict } = values;
  if (!verdict || unscoredCriteria(scores).length) return null;
  const body: RatingRequest = { scores: scores as Scores, verdict, groups: values.groups.filter(isMemberGroup) };
  const comment = normalizeText(values.comment);
  if (comment) body.comment = comment;
  return body;
}
