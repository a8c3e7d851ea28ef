import { TRACKING_CODE_ALPHABET, TRACKING_CODE_LENGTH } from '@pingjia/shared';
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

// Keys derived from the server's rater-key secret, each for one purpose only (domain separation):
// a reporter key from one can never equal a rater key, nor a tracking code.
function derive(secret: string, purpose: string): Buffer {
  return createHmac('sha256', secret).update(`pingjia:${purpose}:v1`).digest();
}

/** How many grievances one account can file and find again under "my grievances". */
export const REPORTER_SLOTS = 100;
/** The slots a filing looks at first (firstFreeReporterKey). */
const FIRST_SLOTS = 10;
/** Marks the per-grievance keys (older rows held one key per reporter: 64 hex digits). */
export const REPORTER_KEY_PREFIX = 'r2:';

// Reporter keys: each grievance gets a key of its own, the reporter's n-th key
// HMAC(k, user id, n) for the first n the reporter has not used yet. Without the server's secret no two
// grievances of one worker share anything (no key, no index value), so an anonymous grievance cannot
// be joined to the same worker's named one; with it, the reporter's own session recomputes its
// REPORTER_SLOTS keys and finds its grievances with one indexed IN lookup.
export class GrievanceKeys {
  private readonly reporter: Buffer;
  private readonly tracking: Buffer;
  private readonly sealing: Buffer;
  private readonly idempotency: Buffer;

  constructor(secret: string) {
    this.reporter = derive(secret, 'grievance-reporter');
    this.tracking = derive(secret, 'grievance-tracking');
    this.sealing = derive(secret, 'grievance-sealing');
    this.idempotency = derive(secret, 'grievance-idempotency');
  }

  /** The reporter's keys of slots [from, to), slot `from` first: one per grievance they file. */
  reporterKeys(userId: string, from = 0, to = REPORTER_SLOTS): string[] {
    return Array.from(
      { length: to - from },
      (_, i) =>
        REPORTER_KEY_PREFIX +
        createHmac('sha256', this.reporter)
          .update(`${userId}:${from + i}`)
          .digest('base64url'),
    );
  }

  /**
   * The key of the reporter's first slot no grievance uses (`used`: which of these keys are taken), or null
   * when all REPORTER_SLOTS are. The first slots are asked first: most workers have filed a few grievances
   * at most, so a filing costs FIRST_SLOTS keys and index probes instead of all of them.
   */
  async firstFreeReporterKey(userId: string, used: (candidates: string[]) => Promise<Set<string>>): Promise<string | null> {
    for (const [from, to] of [
      [0, FIRST_SLOTS],
      [FIRST_SLOTS, REPORTER_SLOTS],
    ]) {
      const candidates = this.reporterKeys(userId, from, to);
      const taken = await used(candidates);
      const free = candidates.find((k) => !taken.has(k));
      if (free) return free;
    }
    return null;
  }

  /** The key every grievance of a reporter had before keys were per grievance (to re-key old rows). */
  legacyReporterKey(userId: string): string {
    return createHmac('sha256', this.reporter).update(userId).digest('hex');
  }

  /** The idempotency record's owner: per caller and Idempotency-Key, so records of one caller share nothing. */
  idempotencyCaller(userId: string, keyHash: string): string {
    return REPORTER_KEY_PREFIX + createHmac('sha256', this.idempotency).update(`${userId}:${keyHash}`).digest('base64url');
  }

  /** AES-256-GCM with a random IV: the same openid sealed twice gives two unrelated values. */
  seal(text: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealing, iv);
    const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
    return `s1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** The sealed text; a value stored before sealing (no prefix) comes back as it is. */
  open(sealed: string): string {
    if (!sealed.startsWith('s1:')) return sealed;
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.sealing, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
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
