import { ThrottlerStorageService } from '@nestjs/throttler';
import { RateLimitCounters } from './rate-limit-store';

// RateLimitCounters replaces @nestjs/throttler's in-memory store: the same answers, hit for hit, for the
// way RateLimitGuard calls it (window = block = 60 s), with time moving in steps across windows and blocks.
describe(RateLimitCounters.name, () => {
  const MINUTE = 60_000;
  let theirs: ThrottlerStorageService;
  let ours: RateLimitCounters;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-12-05T12:00:00Z') });
    theirs = new ThrottlerStorageService();
    ours = new RateLimitCounters();
  });
  afterEach(() => {
    theirs.onApplicationShutdown();
    ours.onApplicationShutdown();
    jest.useRealTimers();
  });

  const both = async (key: string, limit: number) => {
    const a = await theirs.increment(key, MINUTE, limit, MINUTE, 'default');
    const b = await ours.increment(key, MINUTE, limit, MINUTE, 'default');
    return { a, b };
  };

  it('blocks and unblocks on the same hits, with the same Retry-After, as the throttler store', async () => {
    const steps = [0, 1, 7_000, 999, 20_000, 30_000, 1, 5_000, 40_000, 59_999, 1, 2, 61_000, 100, 3_000];
    let blocked = 0;
    for (let i = 0; i < 400; i++) {
      jest.advanceTimersByTime(steps[i % steps.length]);
      for (const key of ['write:ip:1', 'write:user:u', 'login:ip:2']) {
        const { a, b } = await both(key, key === 'login:ip:2' ? 3 : 5);
        // (the guard reads the time to the block's end, its Retry-After, only when blocked)
        expect(b.isBlocked).toBe(a.isBlocked);
        if (a.isBlocked) expect(b.timeToBlockExpire).toBe(a.timeToBlockExpire);
        if (a.isBlocked) blocked++;
      }
    }
    // the sequence does reach blocks (and leaves them), so the comparison covers both states
    expect(blocked).toBeGreaterThan(50);
    expect(blocked).toBeLessThan(1000);
  });

  it('ends a block exactly when the throttler store does', async () => {
    for (let i = 0; i < 2; i++) expect((await both('k', 2)).b.isBlocked).toBe(false);
    jest.advanceTimersByTime(10);
    const { a, b } = await both('k', 2);
    expect([a.isBlocked, b.isBlocked]).toEqual([true, true]);
    jest.advanceTimersByTime(MINUTE - 1);
    const last = await both('k', 2);
    expect([last.a.isBlocked, last.b.isBlocked, last.b.timeToBlockExpire]).toEqual([true, true, 1]);
    jest.advanceTimersByTime(1);
    const after = await both('k', 2);
    expect([after.a.isBlocked, after.b.isBlocked]).toEqual([false, false]);
  });

  it('counts a large window without keeping what has expired', async () => {
    for (let i = 0; i < 2000; i++) {
      jest.advanceTimersByTime(50);
      expect((await ours.increment('k', MINUTE, 1_000_000, MINUTE, 'default')).isBlocked).toBe(false);
    }
    // the hits of the last 60 s at one per 50 ms (1,200) and this one
    expect((await ours.increment('k', MINUTE, 1_000_000, MINUTE, 'default')).totalHits).toBe(1201);
    expect((await ours.increment('k', MINUTE, 1200, MINUTE, 'default')).isBlocked).toBe(true);
  });
});
