// One logical call and what came of it. Writes go through exactlyOnce: a single MS-RequestId for
// every attempt, re-sent only while the outcome is open (no answer, 429, 502-504, 409 "order in
// progress"). The record keeps what a person needs afterwards (status, body, ids, timing) and
// never the token: the Authorization header is added deep in the client and never seen here.
import {
  exactlyOnce,
  isPartnerCenterError,
  isSafeToResend,
  newCorrelationId,
  newRequestId,
  PartnerCenterError,
  parseErrorBody,
  resolveApiUrl,
  type ApiRequest,
  type ApiResponse,
  type PartnerCenterClient,
} from '../api';
import { type HttpMethod } from '../requestKinds';

/** The parts of an API request a document decides; path placeholders already filled, with or without /v1. */
export type HttpCall = Pick<ApiRequest, 'path' | 'query' | 'headers' | 'body'> & { method: HttpMethod };

/**
 * ok: 2xx. failed: a definite non-2xx answer, or no answer to a read (which changes nothing). unknown: no
 * definite answer to a write (none at all, or a 5xx to a purchase), so it may have been applied.
 * cancelled: stopped by the user.
 */
export type ExchangeOutcome = 'ok' | 'failed' | 'unknown' | 'cancelled';

export interface Exchange {
  call: HttpCall;
  /** Full URL as sent, without credentials. */
  url: string;
  requestId: string;
  correlationId: string;
  startedAt: string;
  durationMs: number;
  attempts: number;
  outcome: ExchangeOutcome;
  status?: number;
  responseHeaders?: Record<string, string>;
  responseBody?: unknown;
  error?: {
    kind: string;
    message: string;
    code?: string | number;
    description?: string;
    /** A read whose attempts never got a connection (refused, no such host): nothing left this machine. */
    nothingSent?: boolean;
  };
}

export interface ExchangeOptions {
  requestId?: string;
  correlationId?: string;
  signal?: AbortSignal;
  /** Total sends of a write, including the first (exactlyOnce). */
  maxAttempts?: number;
  baseDelayMs?: number;
  /** Called before each attempt of a write with its (unchanging) ids. */
  onAttempt?: (attempt: number, requestId: string) => void;
  /**
   * The call is a purchase: only a 2xx or a 4xx settles it. A 5xx can come after the order was
   * committed (800005 is a 500, reference §6.2), so it leaves the outcome `unknown`, like no answer.
   */
  purchase?: boolean;
}

/** Network codes of a connection that was never made: the request reached no one. */
const NOT_CONNECTED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

/** undici's codes for a pool that was closed or destroyed: nothing more can go through it. */
const CLOSED_POOL_CODES = new Set(['UND_ERR_DESTROYED', 'UND_ERR_CLOSED']);

/** Thrown through exactlyOnce (which only re-sends PartnerCenterErrors) so a closed pool is not tried again. */
class ClosedClientError extends Error {
  constructor(readonly original: PartnerCenterError) {
    super(
      `The connection to Partner Center was closed (the account or environment changed while this was being sent). ${original.message.replace(/ Check the network connection and proxy settings\./, '')}`,
    );
    this.name = 'ClosedClientError';
  }
}

export async function exchange(client: PartnerCenterClient, call: HttpCall, options: ExchangeOptions = {}): Promise<Exchange> {
  const requestId = options.requestId ?? newRequestId();
  const correlationId = options.correlationId ?? newCorrelationId();
  const started = Date.now();
  const base = {
    call,
    url: resolveApiUrl(client.endpoint, call.path, call.query).href,
    requestId,
    correlationId,
    startedAt: new Date(started).toISOString(),
  };
  let attempts = 0;
  let last: ApiResponse | undefined;
  const once = async (): Promise<ApiResponse> => {
    attempts++;
    try {
      last = await client.request({ ...call, requestId, correlationId, signal: options.signal });
    } catch (err) {
      if (isPartnerCenterError(err) && err.kind === 'network' && CLOSED_POOL_CODES.has(err.networkCode ?? '')) {
        throw new ClosedClientError(err);
      }
      throw err;
    }
    const open = openAnswer(last, call);
    if (open) throw open;
    return last;
  };
  try {
    const res =
      call.method === 'GET'
        ? await once()
        : await exactlyOnce(() => once(), {
            requestId,
            correlationId,
            signal: options.signal,
            maxAttempts: options.maxAttempts,
            baseDelayMs: options.baseDelayMs,
            onAttempt: ({ attempt }) => options.onAttempt?.(attempt, requestId),
          });
    return fromResponse(
      base,
      res,
      attempts,
      Date.now() - started,
      options.purchase && !settles(res.status) ? 'unknown' : undefined,
    );
  } catch (err) {
    // Out of attempts on an answer that leaves the outcome open: report that answer as it is.
    if (last && isPartnerCenterError(err) && err.kind === 'http') {
      return fromResponse(base, last, attempts, Date.now() - started, 'unknown');
    }
    const aborted = options.signal?.aborted || (isPartnerCenterError(err) && err.kind === 'aborted');
    // A read changes nothing: no answer to it is a plain failure, never a change that may have been
    // made. A write stays unknown even when the last attempt was refused, because the client's own
    // re-sends (a reset, then a refusal) may have delivered an earlier one.
    const read = call.method === 'GET';
    const nothingSent =
      read && !aborted && isPartnerCenterError(err) && err.kind === 'network' && NOT_CONNECTED_CODES.has(err.networkCode ?? '');
    const outcome: ExchangeOutcome = aborted ? 'cancelled' : read ? 'failed' : 'unknown';
    const message = err instanceof Error ? err.message : String(err);
    const kind = err instanceof ClosedClientError ? 'closed' : isPartnerCenterError(err) ? err.kind : 'error';
    return {
      ...base,
      attempts,
      durationMs: Date.now() - started,
      outcome,
      error: { kind, message, ...(nothingSent ? { nothingSent } : {}) },
    };
  }
}

/**
 * A definite answer to a purchase: it was done (2xx), or not taken (a redirect, which the client
 * follows for a write only on the same origin) or refused before anything was done (4xx).
 */
function settles(status: number): boolean {
  return status >= 200 && status < 500;
}

/** An answer that does not settle the outcome, as the error exactlyOnce re-sends on. */
function openAnswer(res: ApiResponse, call: HttpCall): PartnerCenterError | undefined {
  if (res.status >= 200 && res.status < 300) return undefined;
  const parsed = parseErrorBody(res.body, typeof res.body === 'string' ? res.body : '');
  const err = new PartnerCenterError({
    kind: 'http',
    method: call.method,
    path: call.path,
    requestId: res.requestId,
    correlationId: res.correlationId,
    status: res.status,
    ...parsed,
  });
  return call.method !== 'GET' && isSafeToResend(err) ? err : undefined;
}

function fromResponse(
  base: Omit<Exchange, 'durationMs' | 'attempts' | 'outcome'>,
  res: ApiResponse,
  attempts: number,
  durationMs: number,
  forced?: ExchangeOutcome,
): Exchange {
  const ok = res.status >= 200 && res.status < 300;
  const out: Exchange = {
    ...base,
    url: res.url || base.url,
    attempts,
    durationMs,
    status: res.status,
    responseHeaders: res.headers,
    responseBody: res.body,
    outcome: forced ?? (ok ? 'ok' : 'failed'),
  };
  if (!ok && res.status >= 300 && res.status < 400) {
    const where = res.headers.location ? ` to ${res.headers.location}` : '';
    out.error = {
      kind: 'http',
      message: `Partner Center answered ${res.status}, a redirect${where} that was not followed: a write is only sent to the origin it is addressed to. Nothing was sent there.`,
    };
  } else if (!ok) {
    const parsed = parseErrorBody(res.body, typeof res.body === 'string' ? res.body : '');
    out.error = {
      kind: 'http',
      message: `Partner Center answered ${res.status}${parsed.code !== undefined ? `, code ${parsed.code}` : ''}${parsed.description ? `: ${parsed.description}` : ''}`,
      code: parsed.code,
      description: parsed.description,
    };
  }
  return out;
}
