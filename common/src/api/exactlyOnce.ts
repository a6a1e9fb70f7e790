// Exactly-once purchases. The client itself never re-sends a write that got a definite answer
// (retry.ts): it cannot know whether its caller wants that. A purchase flow that journals its
// MS-RequestId can go further, and this helper does it: every attempt carries the SAME request id,
// which Partner Center treats as the idempotency key (reference §2.1: "if there's a timeout, the
// retry call should include the same value"); the emulator does the same. So re-sending after an
// answer that does not settle the outcome (503/502/504, 429, 409 "order in progress", or no answer
// at all after the client's own retries) either performs the purchase once or returns the first
// result. It never re-sends after an answer that settles it (2xx, 4xx such as 400/403/404, 500).
import { isPartnerCenterError } from './errors';
import { checkId, newCorrelationId, newRequestId } from './ids';
import { backoffDelay, sleep } from './retry';

export interface WriteIds {
  requestId: string;
  correlationId: string;
  signal?: AbortSignal;
}

export interface ExactlyOnceOptions {
  /** The journaled request id; a new one is made when absent (read it back from `onAttempt`). */
  requestId?: string;
  correlationId?: string;
  signal?: AbortSignal;
  /** Total sends, including the first. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called before each send, e.g. to journal the id before the first one. */
  onAttempt?: (info: { attempt: number; requestId: string; correlationId: string; previousError?: unknown }) => void;
}

/** Code 800060: "Order in progress" — the first send is still being processed (§6.2). */
const ORDER_IN_PROGRESS = 800060;

/** True when an error leaves the outcome open and a re-send with the same request id is safe. */
export function isSafeToResend(err: unknown): boolean {
  if (!isPartnerCenterError(err)) return false;
  if (err.kind === 'network' || err.kind === 'timeout') return true;
  if (err.kind !== 'http') return false;
  if (err.status === 429 || err.status === 502 || err.status === 503 || err.status === 504) return true;
  return err.status === 409 && Number(err.code) === ORDER_IN_PROGRESS;
}

export async function exactlyOnce<T>(send: (ids: WriteIds) => Promise<T>, options: ExactlyOnceOptions = {}): Promise<T> {
  const requestId = checkId(options.requestId ?? newRequestId(), 'MS-RequestId');
  const correlationId = checkId(options.correlationId ?? newCorrelationId(), 'MS-CorrelationId');
  const maxAttempts = options.maxAttempts ?? 6;
  const delays = {
    maxRetries: maxAttempts,
    baseDelayMs: options.baseDelayMs ?? 1000,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    maxRetryAfterMs: 0,
  };
  let previousError: unknown;
  for (let attempt = 1; ; attempt++) {
    options.onAttempt?.({ attempt, requestId, correlationId, previousError });
    try {
      return await send({ requestId, correlationId, signal: options.signal });
    } catch (err) {
      if (attempt >= maxAttempts || !isSafeToResend(err)) throw err;
      previousError = err;
      const retryAfter = isPartnerCenterError(err) ? err.retryAfterSeconds : undefined;
      await sleep(retryAfter !== undefined ? retryAfter * 1000 : backoffDelay(attempt - 1, delays), options.signal);
    }
  }
}
