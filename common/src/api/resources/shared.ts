// Small pieces every resource group uses: per-call options, safe path segments, a customer's path
// and reading a whole collection.
import { collectAll } from '../paging';
import { type ApiRequest, type Requester } from '../requester';

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

export function callFields(
  options: CallOptions | WriteOptions | undefined,
): Pick<ApiRequest, 'signal' | 'correlationId' | 'timeoutMs' | 'requestId'> {
  return {
    signal: options?.signal,
    correlationId: options?.correlationId,
    timeoutMs: options?.timeoutMs,
    requestId: (options as WriteOptions | undefined)?.requestId,
  };
}

/** The path every resource of one customer lives under. */
export function customerPath(customerId: string): string {
  return `/customers/${seg(customerId, 'customer id')}`;
}

/** Every item of a collection read with GET; follows next links in case the service starts paging it. */
export function listAll<T>(requester: Requester, path: string, options: CallOptions, query?: ApiRequest['query']): Promise<T[]> {
  return collectAll<T>(requester, { method: 'GET', path, query, ...callFields(options) }, options);
}

/** One call whose answer is its body: the request says what is asked, the options what every call carries. */
export async function bodyOf<T>(
  requester: Requester,
  request: Pick<ApiRequest, 'method' | 'path' | 'query' | 'headers' | 'body'>,
  options: CallOptions | WriteOptions | undefined,
): Promise<T> {
  const res = await requester.call<T>({ ...request, ...callFields(options) });
  return res.body;
}
