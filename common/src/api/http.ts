// One attempt of one call: send, follow redirects by hand, read the body, strip a BOM, parse JSON.
// Everything that can go wrong comes back as an AttemptOutcome value, not an exception, so the
// retry policy sees what happened (answer, lost connection, timeout, cancel) without guessing.
import { request, type Dispatcher } from 'undici';
import { isRead } from './retry';

export interface AttemptRequest {
  url: URL;
  method: string;
  /** Headers without Authorization: it is added per hop, only for the trusted origin. */
  headers: Record<string, string>;
  body?: string;
  /** Sent only to `authorizedOrigin`, never to a redirect target or link on another origin. */
  authorization?: string;
  authorizedOrigin: string;
  timeoutMs: number;
  signal?: AbortSignal;
  maxRedirects?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  /** Body text with any leading UTF-8 BOM removed. */
  text: string;
  /** Parsed JSON, or undefined for an empty or non-JSON body (see `jsonError`). */
  json: unknown;
  jsonError?: string;
  /** The URL that finally answered, after redirects. */
  url: URL;
}

export type AttemptOutcome =
  | { type: 'response'; response: HttpResponse }
  | { type: 'network'; code?: string; detail: string; cause: unknown }
  | { type: 'timeout'; cause?: unknown }
  | { type: 'aborted'; cause?: unknown }
  | { type: 'protocol'; detail: string };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export async function attempt(dispatcher: Dispatcher, req: AttemptRequest): Promise<AttemptOutcome> {
  if (req.signal?.aborted) return { type: 'aborted', cause: req.signal.reason };
  // Our own controller merges the caller's cancel with the time limit, and tells them apart.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort(new Error('timeout'));
  }, req.timeoutMs);
  const onCallerAbort = (): void => controller.abort(req.signal?.reason);
  req.signal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    return await followRedirects(dispatcher, req, controller.signal);
  } catch (err) {
    if (req.signal?.aborted) return { type: 'aborted', cause: err };
    if (timedOut || isTimeoutCode(errorCode(err))) return { type: 'timeout', cause: err };
    return { type: 'network', code: errorCode(err), detail: describe(err), cause: err };
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onCallerAbort);
  }
}

async function followRedirects(dispatcher: Dispatcher, req: AttemptRequest, signal: AbortSignal): Promise<AttemptOutcome> {
  let url = req.url;
  let method = req.method;
  let body = req.body;
  const maxRedirects = req.maxRedirects ?? 5;
  for (let hop = 0; ; hop++) {
    const headers: Record<string, string> = { ...req.headers };
    if (body === undefined) delete headers['content-type'];
    if (req.authorization !== undefined && url.origin === req.authorizedOrigin) {
      headers.authorization = req.authorization;
    }
    const res = await request(url, { dispatcher, method: method as Dispatcher.HttpMethod, headers, body, signal });
    const location = headerValue(res.headers.location);
    const target = REDIRECTS.has(res.statusCode) && location !== undefined ? resolveLocation(location, url) : undefined;
    // A write goes to the origin it was addressed to or nowhere: following a redirect elsewhere would
    // hand the body and its request id (an order, a checkout) to another host and take that host's
    // answer as the result. The redirect itself is the answer; the request was not taken here.
    const follow =
      target !== undefined && redirectMethod(res.statusCode, method) && (isRead(req.method) || target.origin === url.origin);
    if (!follow) {
      const text = stripBom(await res.body.text());
      return { type: 'response', response: { status: res.statusCode, headers: flatten(res.headers), url, ...parseJson(text) } };
    }
    await res.body.dump();
    if (hop >= maxRedirects) return { type: 'protocol', detail: `more than ${maxRedirects} redirects` };
    url = target;
    if (url.protocol !== 'https:' && url.protocol !== 'http:') {
      return { type: 'protocol', detail: `redirect to unsupported scheme ${url.protocol}` };
    }
    if (res.statusCode === 303 && method !== 'HEAD') {
      method = 'GET';
      body = undefined;
    }
  }
}

function resolveLocation(location: string, base: URL): URL | undefined {
  try {
    return new URL(location, base);
  } catch {
    return undefined;
  }
}

/** 307/308 repeat any method; 303 becomes GET; 301/302 are followed only for reads. */
function redirectMethod(status: number, method: string): boolean {
  if (status === 307 || status === 308 || status === 303) return true;
  return method === 'GET' || method === 'HEAD';
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export function parseJson(text: string): { text: string; json: unknown; jsonError?: string } {
  if (text.trim() === '') return { text, json: undefined };
  try {
    return { text, json: JSON.parse(text) as unknown };
  } catch (err) {
    return { text, json: undefined, jsonError: err instanceof Error ? err.message : String(err) };
  }
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function flatten(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e !== null && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function isTimeoutCode(code: string | undefined): boolean {
  return code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT';
}

function describe(err: unknown): string {
  const code = errorCode(err);
  const message = err instanceof Error ? err.message : String(err);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
