import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';

type StorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** One key's hits in the window: their expiry times, oldest first, from `head` on. */
interface Counter {
  expiries: number[];
  head: number;
  blockedUntil: number;
}

const SWEEP_MS = 60_000;
const seconds = (ms: number) => Math.ceil(ms / 1000);

// The rate-limit counters of one instance (several share Redis instead: common.module.ts). The same
// answers as @nestjs/throttler's in-memory store for the way RateLimitGuard uses it (one throttler, a block
// as long as the window): once a key has more than `limit` hits within `ttl` it is blocked for
// `blockDuration`, and counting starts afresh after. That store filters an array of every hit of the
// window on each request; here expired hits are dropped from the front, so a hit costs O(1) on average.
@Injectable()
export class RateLimitCounters implements ThrottlerStorage, OnApplicationShutdown {
  private readonly counters = new Map<string, Counter>();
  private sweeper?: NodeJS.Timeout;

  async increment(key: string, ttl: number, limit: number, blockDuration: number, _throttlerName: string): Promise<StorageRecord> {
    const now = Date.now();
    this.sweeper ??= setInterval(() => this.sweep(), SWEEP_MS).unref();
    let c = this.counters.get(key);
    if (!c) this.counters.set(key, (c = { expiries: [], head: 0, blockedUntil: 0 }));
    if (c.blockedUntil > now) return this.record(c, now, true);
    if (c.blockedUntil) {
      // The block is over: count from zero again.
      c.blockedUntil = 0;
      c.expiries = [];
      c.head = 0;
    }
    this.prune(c, now);
    c.expiries.push(now + ttl);
    const blocked = c.expiries.length - c.head > limit;
    if (blocked) c.blockedUntil = now + blockDuration;
    return this.record(c, now, blocked);
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
    this.counters.clear();
  }

  private record(c: Counter, now: number, isBlocked: boolean): StorageRecord {
    const hits = c.expiries.length - c.head;
    return {
      totalHits: hits,
      timeToExpire: hits ? seconds(c.expiries[c.head] - now) : 0,
      isBlocked,
      timeToBlockExpire: isBlocked ? seconds(c.blockedUntil - now) : 0,
    };
  }

  private prune(c: Counter, now: number): void {
    while (c.head < c.expiries.length && c.expiries[c.head] <= now) c.head++;
    // Drop the expired front now and then, not on every hit.
    if (c.head > 1024 && c.head * 2 > c.expiries.length) {
      c.expiries = c.expiries.slice(c.head);
      c.head = 0;
    }
  }

  /** Forgets keys with no live hit and no block (one-off addresses). */
  private sweep(now = Date.now()): void {
    for (const [key, c] of this.counters) {
      this.prune(c, now);
      if (c.blockedUntil <= now && c.head === c.expiries.length) this.counters.delete(key);
    }
  }
}
