// A small in-memory cache for computed answers that many callers ask for at once (dashboards): an
// answer is reused for `ttlMs`, and callers asking while it is being computed wait for that one
// computation instead of starting their own. Errors are never kept. ttlMs 0 turns it off.
//
// With `staleMs` (stale-while-refresh), an expired answer is still served for up to that much longer
// while exactly one successor is computed, so no caller waits for the refresh of an answer that exists;
// the successor replaces it when it is done (a failed one leaves it, and the next caller tries again).
// `clear()` drops everything, refreshes in flight included: what a change must not show is never served.
export class ResponseCache<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
    private readonly staleMs = 0,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && t - hit.at < this.ttlMs) return hit.value;
    if (hit && this.staleMs > 0) {
      // Still being computed the first time: wait for it rather than start a second one.
      if (!hit.settled) return hit.value;
      if (t - hit.at < this.ttlMs + this.staleMs) {
        if (!hit.refreshing) this.refresh(key, hit, compute, t);
        return hit.value;
      }
    }
    return this.put(key, compute(), t).value;
  }

  /** The answer `get` would reuse for `key` now, if it is computed already; undefined otherwise (nothing is started). */
  peek(key: string): { value: T } | undefined {
    if (this.ttlMs <= 0) return undefined;
    const hit = this.entries.get(key);
    return hit && this.now() - hit.at < this.ttlMs ? hit.settled : undefined;
  }

  /** Forgets every answer; computations in flight still answer their callers but are not kept. */
  clear(): void {
    this.entries.clear();
  }

  private put(key: string, value: Promise<T>, at: number, settled?: { value: T }): Entry<T> {
    const entry: Entry<T> = { at, value, settled, refreshing: false };
    this.entries.delete(key);
    this.entries.set(key, entry);
    // Oldest first out (a Map keeps insertion order).
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    value.then(
      (v) => (entry.settled = { value: v }),
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    return entry;
  }

  private refresh(key: string, stale: Entry<T>, compute: () => Promise<T>, at: number): void {
    stale.refreshing = true;
    const next = compute();
    next.then(
      // Not if it was cleared or replaced meanwhile.
      (v) => void (this.entries.get(key) === stale && this.put(key, next, at, { value: v })),
      () => (stale.refreshing = false),
    );
  }
}

interface Entry<T> {
  /** when its computation began: the age of what it holds */
  at: number;
  value: Promise<T>;
  settled?: { value: T };
  refreshing: boolean;
}
