// The pipeline every call goes through: ids → rate limit → token → attempt → log → retry policy.
// One logical call has one MS-RequestId for all its attempts (the idempotency key) and the
// MS-CorrelationId its caller chose for the whole operation.
import { type Dispatcher } from 'undici';
import { PartnerCenterError, parseErrorBody } from './errors';
import { attempt, type AttemptOutcome, type HttpResponse } from './http';
import { checkId, newCorrelationId, newRequestId } from './ids';
import { type RequestLogger, redactPath, safeLog } from './logging';
import { type RateLimiter, rateLimitKey } from './rateLimiter';
import { decideRetry, parseRetryAfter, type RetryDecision, type RetryOptions, sleep } from './retry';
import { versionedPath } from './versionedPath';

export { versionedPath } from './versionedPath';

export interface TokenProvider {
  /** `forceRefresh`: the service answered 401 to the token given last time; do not hand out a cached one. */
  getToken(signal?: AbortSignal, options?: { forceRefresh?: boolean }): Promise<string>;
}

export type QueryValue = string | number | boolean | undefined | null;

export interface ApiRequest {
  method: string;
  /** Relative to the endpoint, with or without `/v1` (added when missing), or an absolute URL. */
  path: string;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  /** The idempotency key. Pass a journaled one to make a re-sent purchase a no-op. */
  requestId?: string;
  correlationId?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON, or the text when the body is not JSON, or undefined when empty. */
  body: T;
  requestId: string;
  correlationId: string;
  durationMs: number;
  /** Final URL (after redirects), without credentials. */
  url: string;
}

export interface RequesterOptions {
  endpoint: string;
  tokenProvider: TokenProvider;
  dispatcher: Dispatcher;
  limiter: RateLimiter;
  retry: RetryOptions;
  timeoutMs: number;
  userAgent: string;
  logger?: RequestLogger;
}

/** Headers the pipeline owns; a caller's copy is ignored (Authorization) or taken as an id. */
const OWNED = new Set(['authorization', 'ms-requestid', 'ms-correlationid', 'content-length', 'host']);

export class Requester {
  private readonly origin: string;

  constructor(private readonly options: RequesterOptions) {
    this.origin = new URL(options.endpoint).origin;
  }

  /** Builds the URL of a path the way the SDK does: `/v1` is prefixed only when missing (§2.2). */
  resolveUrl(path: string, query?: Record<string, QueryValue>): URL {
    return resolveApiUrl(this.options.endpoint, path, query);
  }

  isTrustedOrigin(url: URL): boolean {
    return url.origin === this.origin;
  }

  /** Sends with retries; returns whatever HTTP answer is final, throws only when there is none. */
  async send(req: ApiRequest): Promise<ApiResponse> {
    const { response, requestId, correlationId, durationMs } = await this.run(req);
    const body = response.json !== undefined ? response.json : response.text === '' ? undefined : response.text;
    return {
      status: response.status,
      headers: response.headers,
      body,
      requestId,
      correlationId,
      durationMs,
      url: response.url.href,
    };
  }

  /** Like send, but any non-2xx answer, or a 2xx whose body is not JSON, becomes a PartnerCenterError. */
  async call<T>(req: ApiRequest): Promise<ApiResponse<T>> {
    const { response, requestId, correlationId, durationMs } = await this.run(req);
    const ctx = { method: req.method.toUpperCase(), path: redactPath(response.url), requestId, correlationId };
    if (response.status < 200 || response.status > 299) {
      const parsed = parseErrorBody(response.json, response.text);
      const retryAfterMs = parseRetryAfter(response.headers['retry-after']);
      throw new PartnerCenterError({
        kind: 'http',
        ...ctx,
        status: response.status,
        ...parsed,
        retryAfterSeconds: retryAfterMs === undefined ? undefined : Math.ceil(retryAfterMs / 1000),
        challenge: response.headers['www-authenticate'],
      });
    }
    if (response.jsonError !== undefined) {
      throw new PartnerCenterError({ kind: 'protocol', ...ctx, detail: `the body is not valid JSON (${response.jsonError})` });
    }
    return {
      status: response.status,
      headers: response.headers,
      body: response.json as T,
      requestId,
      correlationId,
      durationMs,
      url: response.url.href,
    };
  }

  private async run(
    req: ApiRequest,
  ): Promise<{ response: HttpResponse; requestId: string; correlationId: string; durationMs: number }> {
    const method = req.method.toUpperCase();
    const url = this.resolveUrl(req.path, req.query);
    const extra = lowerKeys(req.headers ?? {});
    const requestId = checkId(req.requestId ?? extra['ms-requestid'] ?? newRequestId(), 'MS-RequestId');
    const correlationId = checkId(req.correlationId ?? extra['ms-correlationid'] ?? newCorrelationId(), 'MS-CorrelationId');
    const ctx = { method, path: redactPath(url), requestId, correlationId };
    const body = req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body);
    const headers: Record<string, string> = {
      accept: 'application/json',
      'ms-contract-version': 'v1',
      'x-locale': 'en-US',
      'user-agent': this.options.userAgent,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...Object.fromEntries(Object.entries(extra).filter(([k]) => !OWNED.has(k))),
      'ms-requestid': requestId,
      'ms-correlationid': correlationId,
    };
    const key = rateLimitKey(url.pathname.slice(new URL(this.options.endpoint).pathname.replace(/\/$/, '').length));
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs;
    const started = Date.now();

    // A token the service rejects (revoked, or expired early) is replaced once: a 401 is answered
    // before anything is processed, so even a purchase may be sent again under its request id.
    let forceRefresh = false;
    for (let retries = 0; ; retries++) {
      try {
        await this.options.limiter.acquire(key, req.signal);
      } catch (err) {
        throw new PartnerCenterError({ kind: 'aborted', ...ctx, cause: err });
      }
      const attemptStart = Date.now();
      const outcome = await this.attemptOnce(url, method, headers, body, timeoutMs, req.signal, forceRefresh);
      const refreshToken =
        !forceRefresh && outcome.type === 'response' && outcome.response.status === 401 && this.isTrustedOrigin(url);
      const decision: RetryDecision = refreshToken
        ? { retry: true, delayMs: 0, reason: 'the token was rejected (401): trying once with a fresh one' }
        : decideRetry(method, outcome, retries, this.options.retry);
      if (refreshToken) forceRefresh = true;
      if (decision.retry && outcome.type === 'response' && outcome.response.status === 429) {
        // Hold the tenant's other calls too, instead of letting each of them hit 429 in turn.
        // Only when we wait ourselves: a Retry-After past the cap is the caller's decision.
        this.options.limiter.pause(key, decision.delayMs);
      }
      safeLog(this.options.logger, {
        method,
        path: ctx.path,
        origin: url.origin,
        requestId,
        correlationId,
        status: outcome.type === 'response' ? outcome.response.status : undefined,
        outcome: outcome.type,
        error: outcome.type === 'network' || outcome.type === 'protocol' ? outcome.detail : undefined,
        durationMs: Date.now() - attemptStart,
        attempt: retries + 1,
        retryInMs: decision.retry ? decision.delayMs : undefined,
      });
      if (!decision.retry) {
        if (outcome.type === 'response') {
          return { response: outcome.response, requestId, correlationId, durationMs: Date.now() - started };
        }
        throw outcomeError(outcome, ctx, timeoutMs);
      }
      try {
        await sleep(decision.delayMs, req.signal);
      } catch (err) {
        throw new PartnerCenterError({ kind: 'aborted', ...ctx, cause: err });
      }
    }
  }

  private async attemptOnce(
    url: URL,
    method: string,
    headers: Record<string, string>,
    body: string | undefined,
    timeoutMs: number,
    signal: AbortSignal | undefined,
    forceRefresh: boolean,
  ): Promise<AttemptOutcome> {
    let authorization: string | undefined;
    if (this.isTrustedOrigin(url)) {
      try {
        authorization = `Bearer ${await this.options.tokenProvider.getToken(signal, forceRefresh ? { forceRefresh } : undefined)}`;
      } catch (err) {
        if (signal?.aborted) return { type: 'aborted', cause: err };
        throw err; // Sign-in failures carry their own, more useful, message.
      }
    }
    return attempt(this.options.dispatcher, {
      url,
      method,
      headers,
      body,
      authorization,
      authorizedOrigin: this.origin,
      timeoutMs,
      signal,
    });
  }
}

type ErrorContext = { method: string; path: string; requestId: string; correlationId: string };

function outcomeError(
  outcome: Exclude<AttemptOutcome, { type: 'response' }>,
  ctx: ErrorContext,
  timeoutMs: number,
): PartnerCenterError {
  switch (outcome.type) {
    case 'aborted':
      return new PartnerCenterError({ kind: 'aborted', ...ctx, cause: outcome.cause });
    case 'timeout':
      return new PartnerCenterError({ kind: 'timeout', ...ctx, timeoutMs, cause: outcome.cause });
    case 'network':
      return new PartnerCenterError({
        kind: 'network',
        ...ctx,
        networkCode: outcome.code,
        detail: outcome.detail,
        cause: outcome.cause,
      });
    case 'protocol':
      return new PartnerCenterError({ kind: 'protocol', ...ctx, detail: outcome.detail });
  }
}

function lowerKeys(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) out[k.toLowerCase()] = v;
  return out;
}

/**
 * The URL a call goes to. Exported so that records of a call (the run-request history) name
 * exactly the URL the pipeline sends to, from this one rule.
 */
export function resolveApiUrl(endpoint: string, path: string, query?: Record<string, QueryValue>): URL {
  const url = /^https?:\/\//i.test(path) ? new URL(path) : new URL(`${endpoint}${versionedPath(path)}`);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) url.searchParams.append(key, String(value));
  }
  return url;
}
