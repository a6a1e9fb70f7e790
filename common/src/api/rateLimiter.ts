// Keeps the client under Partner Center's documented limit of 500 requests a minute per tenant
// (reference §2.5) before the service has to throttle it: a 429 costs a Retry-After wait of up to
// a minute, while spreading calls out costs nothing when traffic is light.
import { sleep } from './retry';

export interface RateLimiterOptions {
  /** Requests allowed per key within one window; 0 or Infinity turns limiting off. */
  limit: number;
  windowMs?: number;
  now?: () => number;
}

interface Bucket {
  /** Start times of the requests granted within the current window, oldest first. */
  grants: number[];
  /** A 429 told us to hold every request of this key until then. */
  pausedUntil: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly limit: number;
  private readonly windowMs: number;
  private readonly now: () => number;

  constructor(options: RateLimiterOptions) {
    this.limit = options.limit;
    this.windowMs = options.windowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Resolves when a request for `key` may start; rejects if `signal` aborts while waiting. */
  async acquire(key: string, signal?: AbortSignal): Promise<void> {
    if (!(this.limit > 0) || this.limit === Infinity) return;
    for (;;) {
      const now = this.now();
      const bucket = this.bucket(key);
      while (bucket.grants.length > 0 && bucket.grants[0] <= now - this.windowMs) bucket.grants.shift();
      const freeAt = bucket.grants.length < this.limit ? now : bucket.grants[0] + this.windowMs;
      const startAt = Math.max(freeAt, bucket.pausedUntil);
      if (startAt <= now) {
        bucket.grants.push(now);
        return;
      }
      await sleep(startAt - now, signal);
    }
  }

  /** Holds every request of `key` for `ms`, after the service answered 429 with Retry-After. */
  pause(key: string, ms: number): void {
    const bucket = this.bucket(key);
    bucket.pausedUntil = Math.max(bucket.pausedUntil, this.now() + ms);
  }

  private bucket(key: string): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      // Forget idle tenants so a long session browsing thousands of customers stays small.
      if (this.buckets.size > 1000) this.prune();
      bucket = { grants: [], pausedUntil: 0 };
      this.buckets.set(key, bucket);
    }
    return bucket;
  }

  private prune(): void {
    const now = this.now();
    for (const [key, bucket] of this.buckets) {
      const last = bucket.grants[bucket.grants.length - 1] ?? 0;
      if (last <= now - this.windowMs && bucket.pausedUntil <= now) this.buckets.delete(key);
    }
  }
}

/** The tenant a path's limit counts against: the customer in `/customers/{id}/...`, else the partner. */
export function rateLimitKey(path: string): string {
  const match = /^(?:\/v1)?\/customers\/([^/?#]+)/i.exec(path);
  return match ? decodeURIComponent(match[1]).toLowerCase() : 'partner';
}
