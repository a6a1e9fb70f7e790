// Per-tenant request budget per minute, as the docs state for customers, orders and
// subscriptions (500/min per tenant). A fixed one-minute window per tenant keeps Retry-After
// exact and predictable for tests.

import { ERRORS } from './errorCodes';
import { ApiError } from './errors';

export interface RateDecision {
  allowed: boolean;
  /** Whole seconds until the window resets (at least 1). */
  retryAfterSeconds: number;
}

export class TenantThrottle {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(private readonly perMinute: number) {}

  take(tenant: string, now: number): RateDecision {
    let w = this.windows.get(tenant);
    if (!w || now - w.start >= 60_000) {
      w = { start: now, count: 0 };
      this.windows.set(tenant, w);
    }
    w.count++;
    const retryAfterSeconds = Math.max(1, Math.ceil((w.start + 60_000 - now) / 1000));
    return { allowed: w.count <= this.perMinute, retryAfterSeconds };
  }
}

/** The throttling answer as the docs show it: no Partner Center code, `{statusCode, message}` and Retry-After. */
export function rateLimited(retryAfterSeconds: number): ApiError {
  const message = `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.`;
  return new ApiError('rateLimited', message, {
    body: { statusCode: ERRORS.rateLimited.status, message },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}
