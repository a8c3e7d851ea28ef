// A small in-memory cache for computed answers that many callers ask for at once (dashboards): an
// answer is reused for `ttlMs`, and callers asking while it is being computed wait for that one
// computation instead of starting their own. Errors are never kept. ttlMs 0 turns it off.
export class ResponseCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T>; settled?: { value: T } }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, compute: () => Promise<T>): Promise<T> {
    if (this.ttlMs <= 0) return compute();
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && t - hit.at < this.ttlMs) return hit.value;
    const value = compute();
    const entry: { at: number; value: Promise<T>; settled?: { value: T } } = { at: t, value };
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
    return value;
  }

  /** The answer `get` would reuse for `key` now, if it is computed already; undefined otherwise (nothing is started). */
  peek(key: string): { value: T } | undefined {
    if (this.ttlMs <= 0) return undefined;
    const hit = this.entries.get(key);
    return hit && this.now() - hit.at < this.ttlMs ? hit.settled : undefined;
  }
}
