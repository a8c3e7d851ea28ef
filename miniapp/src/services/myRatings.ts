import { readStored, writeStored } from './storage';

// The server keeps no list of a member's ratings on purpose (a rating is filed under a keyed hash, not
// the member): the list of homes rated lives on this device only.
const MY_RATINGS_KEY = 'pingjia.myRatings';
const MAX_ENTRIES = 50;

/** Where a rating was given; the rating itself is fetched from the server each time it is shown. */
export interface RatedHome {
  homeId: string;
  homeName: string;
  campaignId: string;
  campaignName: string;
  closesAt: string;
  scene: string;
  /** the day this device last sent it, YYYY-MM-DD (China) */
  ratedOn: string;
}

function isRatedHome(value: unknown): value is RatedHome {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return ['homeId', 'homeName', 'campaignId', 'campaignName', 'closesAt', 'scene', 'ratedOn'].every((k) => typeof v[k] === 'string');
}

const isList = (value: unknown): value is unknown[] => Array.isArray(value);

/** Newest first. */
export function listRatedHomes(): RatedHome[] {
  return readStored(MY_RATINGS_KEY, isList, []).filter(isRatedHome);
}

export function recordRatedHome(entry: RatedHome): void {
  const rest = listRatedHomes().filter((e) => !(e.homeId === entry.homeId && e.campaignId === entry.campaignId));
  writeStored(MY_RATINGS_KEY, [entry, ...rest].slice(0, MAX_ENTRIES));
}
