// The API's rate limit: a sliding window per token, kept in the memory of the app's server (one
// process serves the app; several servers would each allow this much). Bookkeeping only: nothing
// is stored, a restart starts every window afresh.

export interface RateLimit {
  requests: number;
  windowMs: number;
}

/** 120 requests a minute per token; API_RATE_LIMIT_PER_MINUTE changes it (the bench lifts it). */
export const API_RATE_LIMIT: RateLimit = {
  requests: Math.max(1, Number(process.env.API_RATE_LIMIT_PER_MINUTE) || 120),
  windowMs: 60_000,
};

export class SlidingWindow {
  private readonly hits = new Map<number, number[]>();

  constructor(private readonly limit: RateLimit = API_RATE_LIMIT) {}

  /** Counts a request of `key` at `at` (ms); answers how many seconds to wait when over the limit, else null. */
  take(key: number, at = Date.now()): number | null {
    const since = at - this.limit.windowMs;
    const kept = (this.hits.get(key) ?? []).filter((t) => t > since);
    if (kept.length >= this.limit.requests) {
      this.hits.set(key, kept);
      return Math.max(1, Math.ceil((kept[0]! + this.limit.windowMs - at) / 1000));
    }
    kept.push(at);
    this.hits.set(key, kept);
    // Forget tokens unused for a window, so the map does not grow with old tokens.
    if (this.hits.size > 10_000) for (const [k, v] of this.hits) if (v.every((t) => t <= since)) this.hits.delete(k);
    return null;
  }

  reset(): void {
    this.hits.clear();
  }
}
