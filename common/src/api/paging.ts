// Following `links.next` (reference §2.3). Every page of one listing shares one MS-CorrelationId;
// each page is its own logical call with its own MS-RequestId. A next link is re-requested with the
// headers it carries (MS-ContinuationToken for seek paging) and must stay on the configured origin:
// a link elsewhere is refused rather than sent a continuation token or a bearer token.
import { PartnerCenterError } from './errors';
import { newCorrelationId } from './ids';
import { redactPath } from './logging';
import { type ApiRequest, type Requester } from './requester';
import { type Collection, type Link } from './types';

export interface Page<T> {
  items: T[];
  /** As the service reports it. For seek paging that may be the count of this page only, so
   *  "x of y" displays should not rely on it; `hasMore` is what says whether to offer "Load more…". */
  totalCount?: number;
  hasMore: boolean;
  /** Opaque; give it back to `listPage` to load the following page ("Load more…"). */
  next?: string;
}

export interface PageCall {
  signal?: AbortSignal;
  correlationId?: string;
  timeoutMs?: number;
}

interface ContinuationState {
  v: 1;
  uri: string;
  method: string;
  headers: Record<string, string>;
  correlationId: string;
}

export function encodeContinuation(state: Omit<ContinuationState, 'v'>): string {
  return Buffer.from(JSON.stringify({ v: 1, ...state }), 'utf8').toString('base64url');
}

export function decodeContinuation(token: string): ContinuationState {
  try {
    const state = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<ContinuationState>;
    if (state.v === 1 && typeof state.uri === 'string' && typeof state.correlationId === 'string') {
      return {
        v: 1,
        uri: state.uri,
        method: state.method ?? 'GET',
        headers: state.headers ?? {},
        correlationId: state.correlationId,
      };
    }
  } catch {
    // Fall through to the error below.
  }
  throw new TypeError('Not a continuation returned by this client.');
}

/** The request that follows a link: `/v1` is added by the requester when missing; other origins are refused. */
export function linkRequest(requester: Requester, link: Link, ctx: { requestId?: string; correlationId: string }): ApiRequest {
  const url = requester.resolveUrl(link.uri);
  if (!requester.isTrustedOrigin(url)) {
    throw new PartnerCenterError({
      kind: 'protocol',
      method: (link.method ?? 'GET').toUpperCase(),
      path: redactPath(url),
      requestId: ctx.requestId ?? '-',
      correlationId: ctx.correlationId,
      detail: `refusing to follow a link to another origin (${url.origin})`,
    });
  }
  const headers: Record<string, string> = {};
  for (const h of link.headers ?? []) {
    if (h && typeof h.key === 'string' && typeof h.value === 'string') headers[h.key] = h.value;
  }
  return { method: link.method ?? 'GET', path: link.uri, headers, correlationId: ctx.correlationId };
}

/** Fetches one page: the first (`first`) or the one a continuation points to. */
export async function fetchPage<T>(
  requester: Requester,
  first: ApiRequest,
  call: PageCall = {},
  continuation?: string,
): Promise<Page<T>> {
  let req: ApiRequest;
  if (continuation === undefined) {
    req = { ...first, correlationId: call.correlationId ?? first.correlationId ?? newCorrelationId() };
  } else {
    const state = decodeContinuation(continuation);
    const correlationId = call.correlationId ?? state.correlationId;
    req = linkRequest(requester, { uri: state.uri, method: state.method, headers: toPairs(state.headers) }, { correlationId });
  }
  req = { ...req, signal: call.signal ?? first.signal, timeoutMs: call.timeoutMs ?? first.timeoutMs };
  const res = await requester.call<Collection<T>>(req);
  const body = res.body;
  const items = Array.isArray(body?.items) ? body.items : [];
  const nextLink = body?.links?.next;
  let next: string | undefined;
  if (nextLink && typeof nextLink.uri === 'string' && nextLink.uri !== '') {
    // Validate now, so a bad link fails on the page that carries it, not on "Load more".
    const nextReq = linkRequest(requester, nextLink, { correlationId: res.correlationId });
    const sameAsThis = continuation !== undefined && sameRequest(decodeContinuation(continuation), nextReq);
    if (sameAsThis) {
      throw new PartnerCenterError({
        kind: 'protocol',
        method: 'GET',
        path: redactPath(requester.resolveUrl(nextLink.uri)),
        requestId: res.requestId,
        correlationId: res.correlationId,
        detail: 'the service returned the same next link again',
      });
    }
    next = encodeContinuation({
      uri: nextLink.uri,
      method: nextReq.method,
      headers: nextReq.headers ?? {},
      correlationId: res.correlationId,
    });
  }
  return {
    items,
    totalCount: typeof body?.totalCount === 'number' ? body.totalCount : undefined,
    hasMore: next !== undefined,
    next,
  };
}

/** Yields page after page until there is no next link. */
export async function* iteratePages<T>(requester: Requester, first: ApiRequest, call: PageCall = {}): AsyncGenerator<Page<T>> {
  const correlationId = call.correlationId ?? first.correlationId ?? newCorrelationId();
  let page = await fetchPage<T>(requester, first, { ...call, correlationId });
  yield page;
  while (page.next !== undefined) {
    page = await fetchPage<T>(requester, first, { ...call, correlationId }, page.next);
    yield page;
  }
}

export async function* iterateItems<T>(requester: Requester, first: ApiRequest, call: PageCall = {}): AsyncGenerator<T> {
  for await (const page of iteratePages<T>(requester, first, call)) yield* page.items;
}

/** Every item of a collection; follows next links in case the service starts paging it. */
export async function collectAll<T>(requester: Requester, first: ApiRequest, call: PageCall = {}): Promise<T[]> {
  const all: T[] = [];
  for await (const page of iteratePages<T>(requester, first, call)) all.push(...page.items);
  return all;
}

function toPairs(headers: Record<string, string>): { key: string; value: string }[] {
  return Object.entries(headers).map(([key, value]) => ({ key, value }));
}

function sameRequest(state: ContinuationState, req: ApiRequest): boolean {
  return state.uri === req.path && JSON.stringify(state.headers) === JSON.stringify(req.headers ?? {});
}
