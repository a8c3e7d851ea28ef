"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ResponseCache = void 0;
// A small in-memory cache for computed answers that many callers ask for at once (dashboards): an
// answer is reused for `ttlMs`, and callers asking while it is being computed wait for that one
// computation instead of starting their own. Errors are never kept. ttlMs 0 turns it off.
class ResponseCache {
    ttlMs;
    maxEntries;
    now;
    entries = new Map();
    constructor(ttlMs, maxEntries = 1000, now = Date.now) {
        this.ttlMs = ttlMs;
        this.maxEntries = maxEntries;
        this.now = now;
    }
    get(key, compute) {
        if (this.ttlMs <= 0)
            return compute();
        const t = this.now();
        const hit = this.entries.get(key);
        if (hit && t - hit.at < this.ttlMs)
            return hit.value;
        const value = compute();
        this.entries.delete(key);
        this.entries.set(key, { at: t, value });
        // Oldest first out (a Map keeps insertion order).
        while (this.entries.size > this.maxEntries)
            this.entries.delete(this.entries.keys().next().value);
        value.catch(() => {
            if (this.entries.get(key)?.value === value)
                this.entries.delete(key);
        });
        return value;
    }
}
exports.ResponseCache = ResponseCache;
//# sourceMappingURL=response-cache.js.map