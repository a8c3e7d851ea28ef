import { TRACKING_CODE_ALPHABET, TRACKING_CODE_LENGTH } from '@pingjia/shared';
import { createHash, createHmac, randomBytes } from 'node:crypto';

// Keys derived from the server's rater-key secret, each for one purpose only (domain separation):
// a reporter key from one can never equal a rater key, nor a tracking code.
function derive(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`pingjia:${purpose}:v1`).digest();
}

export class GrievanceKeys {
  private readonly reporter: Buffer;
  private readonly tracking: Buffer;

  constructor(secret: string) {
    this.reporter = derive(secret, 'grievance-reporter');
    this.tracking = derive(secret, 'grievance-tracking');
  }

  /** Keyed hash of the reporter: their own session finds their grievances; the database alone names no one. */
  reporterKey(userId: string): string {
    return createHmac('sha256', this.reporter).update(userId).digest('hex');
  }

  /**
   * The tracking code of a submission made with an Idempotency-Key, recomputed from that record's
   * random id when the submission is retried: the code itself is never stored.
   */
  trackingCodeFor(seed: string): string {
    return toCode(createHmac('sha256', this.tracking).update(seed).digest());
  }
}

/** A fresh random tracking code (100 bits). */
export function newTrackingCode(): string {
  return toCode(randomBytes(TRACKING_CODE_LENGTH));
}

// 32 symbols: the low five bits of each byte are uniformly distributed.
function toCode(bytes: Buffer): string {
  let out = '';
  for (let i = 0; i < TRACKING_CODE_LENGTH; i++) out += TRACKING_CODE_ALPHABET[bytes[i] & 31];
  return out;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** JSON with sorted keys, so the same request always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
