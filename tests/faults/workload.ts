// Concurrent writers and the ledger of what the server acknowledged, for the crash suites.
import { randomUUID } from 'node:crypto';
import { CRITERION_KEYS, type Scores } from '@pingjia/shared';

export const VERDICTS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
const GROUPS = ['migrant', 'agency', 'new_generation', 'women', 'hardship', 'frontline'] as const;

export interface RatingBody {
  scores: Scores;
  verdict: (typeof VERDICTS)[number];
  comment: string;
  groups: string[];
}

interface GrievanceBody {
  homeId: string;
  type: 'complaint';
  topic: 'wages';
  content: string;
  anonymous: boolean;
}

/** One member's rating of one home: the last acknowledged body, and every attempt made after it. */
interface RatingEntry {
  member: number;
  homeId: string;
  acked: RatingBody | null;
  /** sent after the last acknowledgement; their outcome is unknown (the server died, or the DB did) */
  after: RatingBody[];
}

export interface GrievanceEntry {
  member: number;
  key: string;
  body: GrievanceBody;
  /** the id the server answered with, when it answered 201 */
  id: string | null;
}

interface Member {
  token: string;
}

export interface Ledger {
  ratings: Map<string, RatingEntry>;
  grievances: GrievanceEntry[];
  /** answers that were neither a success nor a failure of the server (a 4xx): the workload is wrong */
  refusals: string[];
  acknowledged: number;
  attempts: number;
  /** a held comment's text → the moderator's decision the server acknowledged */
  decisions: Map<string, 'approved' | 'rejected'>;
}

export const newLedger = (): Ledger => ({
  ratings: new Map(),
  grievances: [],
  refusals: [],
  acknowledged: 0,
  attempts: 0,
  decisions: new Map(),
});

/** A seeded PRNG (mulberry32): a failing run can be replayed with the printed seed. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)],
  };
}

export type Rng = ReturnType<typeof prng>;

let serial = 0;
function ratingBody(rng: Rng): RatingBody {
  const s = () => rng.int(1, 5);
  return {
    scores: Object.fromEntries(CRITERION_KEYS.map((k) => [k, s()])) as Scores,
    verdict: rng.pick(VERDICTS),
    // A unique comment tells every attempt apart. About a third hold the word the stand-in WeChat sends
    // to review: those are held for the moderator, the rest approved at once (comments_approved moves).
    comment: `第${++serial}次评价：${rng.next() < 0.3 ? '待人工复核' : ''}${randomUUID().slice(0, 8)}`,
    groups: GROUPS.filter(() => rng.next() < 0.2),
  };
}

function grievanceBody(rng: Rng, homeId: string): GrievanceBody {
  return {
    homeId,
    type: 'complaint',
    topic: 'wages',
    content: `第${++serial}号诉求：车间加班工资连续拖欠，请工会协调处理。${randomUUID()}`,
    anonymous: rng.next() < 0.5,
  };
}

async function send(base: string, method: string, path: string, token: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(15_000),
  });
  const text = await res.text();
  return { status: res.status, text };
}

export interface World {
  base: () => string;
  campaignId: string;
  homeIds: string[];
  members: Member[];
  /** an admin above the homes who approves and rejects held comments during the load (optional) */
  moderator?: { token: string; orgId: string };
}

/**
 * Runs `workers` concurrent writers until `running()` turns false. Each worker owns a fixed set of
 * members, so one member's writes are strictly sequential and the ledger knows their order.
 */
export async function drive(world: World, ledger: Ledger, rng: Rng, workers: number, running: () => boolean): Promise<void> {
  const perWorker = Math.ceil(world.members.length / workers);
  await Promise.all([
    moderate(world, ledger, rng, running),
    ...Array.from({ length: workers }, async (_, w) => {
      const owned = world.members.map((_, i) => i).slice(w * perWorker, (w + 1) * perWorker);
      while (running() && owned.length) {
        const member = rng.pick(owned);
        const homeId = rng.pick(world.homeIds);
        const ok = rng.next() < 0.7 ? await rate(world, ledger, rng, member, homeId) : await file(world, ledger, rng, member, homeId);
        // A failed write (server or database down) backs off a little, as a client would.
        if (!ok) await new Promise((r) => setTimeout(r, 100));
      }
    }),
  ]);
}

/**
 * The moderator's loop: decides one held comment at a time (7 in 10 approved). Held comments are listed
 * only once their cycle is closed, so during the writers' load it finds none; the crash test runs it
 * again, alone, after closing the cycle.
 */
export async function moderate(world: World, ledger: Ledger, rng: Rng, running: () => boolean): Promise<void> {
  const mod = world.moderator;
  while (mod && running()) {
    let decided = false;
    try {
      const held = await fetch(`${world.base()}/api/orgs/${mod.orgId}/held-comments?pageSize=20`, {
        headers: { authorization: `Bearer ${mod.token}` },
        signal: AbortSignal.timeout(15_000),
      });
      const items: { id: string; text: string }[] = held.status === 200 ? (await held.json()).items : [];
      if (items.length) {
        const item = rng.pick(items);
        const decision = rng.next() < 0.7 ? 'approved' : 'rejected';
        const res = await send(
          world.base(),
          'POST',
          `/api/comments/${item.id}/${decision === 'approved' ? 'approve' : 'reject'}`,
          mod.token,
          {},
        );
        if (res.status === 204) ledger.decisions.set(item.text, decision);
        // 409: the member changed the rating meanwhile; 5xx: the server or database is going down.
        else if (res.status < 500 && res.status !== 409) ledger.refusals.push(`POST comment ${decision} ${res.status} ${res.text}`);
        decided = true;
      }
    } catch {
      /* the server died under it: an unanswered decision is not in the ledger */
    }
    await new Promise((r) => setTimeout(r, decided ? 20 : 100));
  }
}

async function rate(world: World, ledger: Ledger, rng: Rng, member: number, homeId: string): Promise<boolean> {
  const key = `${member}|${homeId}`;
  const entry = ledger.ratings.get(key) ?? { member, homeId, acked: null, after: [] };
  ledger.ratings.set(key, entry);
  const body = ratingBody(rng);
  entry.after.push(body);
  ledger.attempts++;
  try {
    const res = await send(
      world.base(),
      'PUT',
      `/api/campaigns/${world.campaignId}/homes/${homeId}/my-rating`,
      world.members[member].token,
      body,
    );
    if (res.status === 200 || res.status === 201) {
      entry.acked = body;
      entry.after = [];
      ledger.acknowledged++;
      return true;
    }
    if (res.status < 500) ledger.refusals.push(`PUT rating ${res.status} ${res.text}`);
  } catch {
    /* the server died under it: outcome unknown, kept in `after` */
  }
  return false;
}

async function file(world: World, ledger: Ledger, rng: Rng, member: number, homeId: string): Promise<boolean> {
  const entry: GrievanceEntry = { member, key: `fault-${randomUUID()}`, body: grievanceBody(rng, homeId), id: null };
  ledger.grievances.push(entry);
  ledger.attempts++;
  try {
    const res = await send(world.base(), 'POST', '/api/grievances', world.members[member].token, entry.body, {
      'idempotency-key': entry.key,
    });
    if (res.status === 201) {
      entry.id = JSON.parse(res.text).id;
      ledger.acknowledged++;
      return true;
    }
    if (res.status < 500) ledger.refusals.push(`POST grievance ${res.status} ${res.text}`);
  } catch {
    /* outcome unknown: retried with the same key after the restart */
  }
  return false;
}
