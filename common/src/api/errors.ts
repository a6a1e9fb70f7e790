// One error type for every way a Partner Center call can fail, so callers branch on `kind` and
// `status`/`code` instead of parsing messages, and every message names the request id a support
// engineer needs. Tokens never reach this file: only ids, status, and the service's own text.

/**
 * - `http`: the service answered with a non-success status.
 * - `network`: no answer (connection refused, reset, DNS...).
 * - `timeout`: no complete answer within the time limit.
 * - `aborted`: the caller cancelled.
 * - `protocol`: the answer could not be acted on (bad JSON, a next link to another origin, redirect loop).
 */
export type PartnerCenterErrorKind = 'http' | 'network' | 'timeout' | 'aborted' | 'protocol';

export interface PartnerCenterErrorInit {
  kind: PartnerCenterErrorKind;
  method: string;
  /** Path with query secrets removed (see logging.ts). */
  path: string;
  requestId: string;
  correlationId: string;
  status?: number;
  code?: string | number;
  description?: string;
  errorName?: string;
  data?: unknown;
  retryAfterSeconds?: number;
  /** The WWW-Authenticate header of the answer: how a 401 says why the token was refused. */
  challenge?: string;
  /** Network error code such as ECONNRESET or UND_ERR_SOCKET. */
  networkCode?: string;
  timeoutMs?: number;
  detail?: string;
  cause?: unknown;
}

export class PartnerCenterError extends Error {
  readonly kind: PartnerCenterErrorKind;
  /** HTTP status; 0 when there was no HTTP answer. */
  readonly status: number;
  /** Partner Center error code exactly as received (number or string). */
  readonly code?: string | number;
  readonly description?: string;
  readonly errorName?: string;
  readonly data?: unknown;
  readonly requestId: string;
  readonly correlationId: string;
  readonly retryAfterSeconds?: number;
  /** The WWW-Authenticate header of the answer, if any. */
  readonly challenge?: string;
  readonly networkCode?: string;
  readonly method: string;
  readonly path: string;

  constructor(init: PartnerCenterErrorInit) {
    super(buildMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    // Aborts keep the conventional name so `err.name === 'AbortError'` checks keep working.
    this.name = init.kind === 'aborted' ? 'AbortError' : 'PartnerCenterError';
    this.kind = init.kind;
    this.status = init.status ?? 0;
    this.code = init.code;
    this.description = init.description;
    this.errorName = init.errorName;
    this.data = init.data;
    this.requestId = init.requestId;
    this.correlationId = init.correlationId;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.challenge = init.challenge;
    this.networkCode = init.networkCode;
    this.method = init.method;
    this.path = init.path;
  }
}

export function isPartnerCenterError(value: unknown): value is PartnerCenterError {
  return value instanceof PartnerCenterError;
}

function buildMessage(i: PartnerCenterErrorInit): string {
  const ids = `Request id ${i.requestId}, correlation id ${i.correlationId}.`;
  const call = `${i.method} ${i.path}`;
  switch (i.kind) {
    case 'aborted':
      return `The Partner Center request was cancelled (${call}). ${ids}`;
    case 'timeout':
      return (
        `Partner Center did not answer within ${formatSeconds(i.timeoutMs)} (${call}). ` +
        `A write may still have been applied: re-send it with the same request id to avoid a duplicate. ${ids}`
      );
    case 'network':
      return (
        `Could not reach Partner Center (${call}): ${i.detail ?? i.networkCode ?? 'connection failed'}. ` +
        `Check the network connection and proxy settings. ${ids}`
      );
    case 'protocol':
      return `Partner Center sent an answer the client cannot use (${call}): ${i.detail ?? 'unexpected response'}. ${ids}`;
    case 'http': {
      const status = i.status ?? 0;
      const verb = status >= 500 ? 'failed to process' : 'rejected';
      const code = i.code === undefined || i.code === '' ? '' : `, code ${i.code}`;
      const text = i.description ? `: ${i.description}` : '';
      const hint = hintFor(status, i.retryAfterSeconds);
      return `Partner Center ${verb} the request (${status}${code})${text}${ensureStop(text)} ${hint}${ids}`;
    }
  }
}

function ensureStop(text: string): string {
  return text === '' || /[.!?]$/.test(text) ? '' : '.';
}

function hintFor(status: number, retryAfterSeconds?: number): string {
  if (status === 401) return 'Sign in again, or check that the account can use Partner Center. ';
  if (status === 403) return 'The signed-in account or app lacks the permission for this call. ';
  if (status === 429) {
    return retryAfterSeconds === undefined
      ? 'Too many requests: wait, then try again. '
      : `Too many requests: try again in ${retryAfterSeconds} s. `;
  }
  return '';
}

function formatSeconds(ms?: number): string {
  if (ms === undefined) return 'the time limit';
  return ms >= 1000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

export interface ParsedErrorBody {
  code?: string | number;
  description?: string;
  errorName?: string;
  data?: unknown;
}

/**
 * Reads the three error shapes the service uses (§2.4): `{code, description, data, source}`,
 * the newer `{code, message, description, errorName, ...}` and the 429 `{statusCode, message}`.
 * Anything else (HTML from a proxy, plain text) becomes a short description.
 */
export function parseErrorBody(json: unknown, text: string): ParsedErrorBody {
  if (json !== null && typeof json === 'object' && !Array.isArray(json)) {
    const o = json as Record<string, unknown>;
    const code = typeof o.code === 'number' || typeof o.code === 'string' ? o.code : undefined;
    const description = firstString(o.description, o.message, o.errorMessage, o.error_description) ?? nestedError(o.error);
    const errorName = firstString(o.errorName);
    return { code, description, errorName, data: o.data };
  }
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain === '' ? {} : { description: plain.length > 300 ? `${plain.slice(0, 300)}…` : plain };
}

function firstString(...values: unknown[]): string | undefined {
  for (const v of values) {
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return undefined;
}

function nestedError(value: unknown): string | undefined {
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return firstString(o.message, o.description);
  }
  return typeof value === 'string' ? value : undefined;
}
