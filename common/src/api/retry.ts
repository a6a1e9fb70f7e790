// When a failed attempt is tried again. The rule that matters most: a write (POST/PUT/PATCH/DELETE)
// that got a definite HTTP answer is never re-sent here, because the answer may mean the work was
// done (a 5xx can come after the order was committed). Writes are re-sent only when no answer
// arrived (timeout, lost or refused connection) and always with the same MS-RequestId, which the
// service treats as the idempotency key (reference §2.1), so a re-send cannot buy twice. 429 is the
// one definite answer re-sent for writes: throttled requests are rejected before processing (§2.4).
// Callers that journal a request id may re-send further (see exactlyOnce.ts).
import { type AttemptOutcome } from './http';

export interface RetryOptions {
  /** Re-sends after the first attempt. */
  maxRetries: number;
  /** First back-off delay; doubles on each retry, with jitter. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error reaches the caller with `retryAfterSeconds`. */
  maxRetryAfterMs: number;
  /** Injected for tests; returns [0, 1). */
  random?: () => number;
}

export const defaultRetryOptions: RetryOptions = {
  maxRetries: 4,
  baseDelayMs: 500,
  maxDelayMs: 15_000,
  maxRetryAfterMs: 60_000,
};

export type RetryDecision = { retry: false } | { retry: true; delayMs: number; reason: string };

/** Statuses a read may meet on a bad moment of the service; re-reading changes nothing on the server. */
const TRANSIENT_READ_STATUSES = new Set([408, 500, 502, 503, 504]);

export function isRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}

/** `retriesDone` counts re-sends already made for this logical call. */
export function decideRetry(method: string, outcome: AttemptOutcome, retriesDone: number, options: RetryOptions): RetryDecision {
  if (retriesDone >= options.maxRetries) return { retry: false };
  const backoff = (): number => backoffDelay(retriesDone, options);
  switch (outcome.type) {
    case 'aborted':
    case 'protocol':
      return { retry: false };
    case 'timeout':
      return { retry: true, delayMs: backoff(), reason: 'timeout' };
    case 'network':
      // Refused, reset or closed: the request either never arrived or its answer was lost.
      // A write is safe to re-send only because the MS-RequestId stays the same.
      return { retry: true, delayMs: backoff(), reason: outcome.code ?? 'network error' };
    case 'response': {
      const { status, headers } = outcome.response;
      const retryAfterMs = parseRetryAfter(headers['retry-after']);
      if (status === 429) {
        if (retryAfterMs !== undefined && retryAfterMs > options.maxRetryAfterMs) return { retry: false };
        return { retry: true, delayMs: retryAfterMs ?? backoff(), reason: '429 throttled' };
      }
      if (isRead(method) && TRANSIENT_READ_STATUSES.has(status)) {
        const delayMs = retryAfterMs !== undefined && retryAfterMs <= options.maxRetryAfterMs ? retryAfterMs : backoff();
        return { retry: true, delayMs, reason: `${status}` };
      }
      return { retry: false };
    }
  }
}

/** Exponential back-off with "equal jitter": half fixed, half random, so retries spread out. */
export function backoffDelay(retriesDone: number, options: RetryOptions): number {
  const random = options.random ?? Math.random;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retriesDone);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Retry-After is delta-seconds or an HTTP date (RFC 9110 §10.2.3); returns milliseconds. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Waits, but gives up at once when the signal aborts (rejecting with the signal's reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason ?? new Error('aborted'));
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason ?? new Error('aborted'));
    };
    const timer = setTimeout(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
