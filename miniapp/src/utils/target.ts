import type { RatingTarget } from '../services/drafts';
import { param } from './url';

// The home and campaign being rated travel between home, membership, rating and thank-you pages as
// query parameters, so each page opens on its own (after a redirect, from "my ratings", after a restart).
const KEYS: Array<keyof RatingTarget> = ['homeId', 'homeName', 'campaignId', 'campaignName', 'closesAt', 'scene'];

export function targetFromParams(params: Partial<Record<string, string>>): RatingTarget {
  const out = {} as RatingTarget;
  for (const key of KEYS) out[key] = param(params[key]);
  return out;
}

export function targetQuery(target: RatingTarget): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of KEYS) out[key] = target[key];
  return out;
}
