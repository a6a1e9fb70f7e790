// Small pieces every resource group uses: per-call options and safe path segments.
import { type ApiRequest } from '../requester';

/** Options every call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
  /** One per logical operation; pass the same one to tie several calls together in the service's logs. */
  correlationId?: string;
  timeoutMs?: number;
}

/** Options of calls that change something: the request id is the idempotency key. */
export interface WriteOptions extends CallOptions {
  /**
   * MS-RequestId. Journal it before sending a purchase and pass it again when re-sending after an
   * unknown outcome: the service then answers with the first result instead of buying twice.
   */
  requestId?: string;
}

/** An id placed in a path: encoded so a stray `/` or `?` cannot change which resource is addressed. */
export function seg(id: string, what = 'id'): string {
  if (typeof id !== 'string' || id.trim() === '') throw new TypeError(`A ${what} is required.`);
  return encodeURIComponent(id);
}

export function callFields(options: CallOptions | WriteOptions | undefined): Pick<ApiRequest, 'signal' | 'correlationId' | 'timeoutMs' | 'requestId'> {
  return {
    signal: options?.signal,
    correlationId: options?.correlationId,
    timeoutMs: options?.timeoutMs,
    requestId: (options as WriteOptions | undefined)?.requestId,
  };
}
