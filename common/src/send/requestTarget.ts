// What a request really addresses, decided once. The client sends `new URL(endpoint + path)`, which
// drops dot segments (also when written %2e), reads a backslash as a slash and removes tabs and
// newlines; the service then reads duplicate slashes as one, percent-encoded letters as letters and
// path names without regard to case. A decision made on the path as written ("is this a
// purchase?") can therefore be about another URL than the one that goes out: `/v1/./customers/x/orders`
// placed an order unconfirmed. So a written path is first brought to one canonical form, that form
// is what is sent, and its kind, customer and whether it spends money are decided from it, here.
import { versionedPath } from '../api/versionedPath';
import { type HttpMethod, nonSpendingWrites, type RequestKind, requestKinds } from '../requestKinds';
import { customerScope, matchTemplate } from './pathTemplate';

export type CanonicalPath = { path: string; problem?: undefined } | { problem: string; path?: undefined };

/** RFC 3986 §2.3: escapes of these mean the character itself, so they are decoded. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * The path as it will be sent: `/v1` added when missing (as the client does), backslashes read as
 * slashes, escapes of unreserved characters decoded, empty and `.` segments removed and `..`
 * applied. Placeholders such as `{customerId}` are kept. A path that cannot be sent unambiguously
 * (control characters, a fragment, a bad or an encoded-separator escape, leaving `/v1`) is a problem.
 */
export function canonicalPath(written: string): CanonicalPath {
  if (/[\u0000-\u001f\u007f]/.test(written)) {
    return {
      problem: `The path ${JSON.stringify(written)} contains a control character (a tab or a line break); the URL parser would silently drop it.`,
    };
  }
  if (written.includes('#')) {
    return { problem: `The path ${JSON.stringify(written)} contains "#": what follows it would not be sent.` };
  }
  const query = written.indexOf('?');
  // The URL parser reads "\\" as "/" in http(s) paths; reading it so before `/v1` is looked for keeps "/v1\\x" one API path.
  const pathPart = (query < 0 ? written : written.slice(0, query)).replace(/\\/g, '/');
  const search = query < 0 ? '' : written.slice(query);
  const segments: string[] = [];
  for (const raw of versionedPath(pathPart).split('/')) {
    const segment = decodeSegment(raw);
    if (typeof segment !== 'string') return { problem: `The path ${JSON.stringify(written)} ${segment.problem}` };
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (segments.length === 0) return { problem: `The path ${JSON.stringify(written)} climbs above the root with "..".` };
      segments.pop();
      continue;
    }
    segments.push(segment);
  }
  if (segments[0]?.toLowerCase() !== 'v1') {
    return {
      problem: `The path ${JSON.stringify(written)} resolves to /${segments.join('/')}, outside the Partner Center API (/v1).`,
    };
  }
  return { path: `/${segments.join('/')}${search}` };
}

function decodeSegment(raw: string): string | { problem: string } {
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) return { problem: `has a "%" that does not start an escape such as %20 (in "${raw}").` };
  let separator = false;
  const decoded = raw.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    if (char === '/' || char === '\\' || char === '\0') separator = true;
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
  if (separator) {
    return {
      problem: `encodes "/", "\\" or a NUL (%2F, %5C, %00) in "${raw}"; servers disagree on what that addresses, so write the path without it.`,
    };
  }
  try {
    decodeURIComponent(decoded);
  } catch {
    return { problem: `has escapes that are not UTF-8 text (in "${raw}").` };
  }
  return decoded;
}

export interface RequestTarget {
  /** The kind whose rules the call follows, when its method and path are one of the table's. */
  kind?: RequestKind;
  /** Which step of that kind: its main send or its checkout; `other` for any other call. */
  step: 'send' | 'checkout' | 'other';
  /** Placeholder values read from the path (`customerId`, `subscriptionId`, `cartId`...). */
  values: Record<string, string>;
  /** The customer the path is under, when it names one. */
  customerId?: string;
  /** The path is under `/customers/{id}/`, written out or as a placeholder. */
  underCustomer: boolean;
  spendsMoney: boolean;
}

/**
 * Kind, customer and spending of a call, from its canonical path (see canonicalPath). A known kind
 * spends as its row says; any other write under a customer spends unless the table lists it as
 * harmless; reads never spend.
 */
export function classifyRequest(method: HttpMethod, path: string): RequestTarget {
  const match = matchKind(method, path);
  const scope = customerScope(path);
  const values = match?.values ?? (scope?.customerId ? { customerId: scope.customerId } : {});
  const kind = match?.kind;
  const step = match?.step ?? 'other';
  const isRead = method === 'GET';
  const spendsMoney =
    !isRead && (kind ? step === 'checkout' || kind.send.spendsMoney : !!scope && !isNonSpendingWrite(method, path));
  return { kind, step, values, customerId: values.customerId, underCustomer: !!scope, spendsMoney };
}

/** Which kind (and step) a method and path belong to, with the placeholder values found in the path. */
export function matchKind(
  method: HttpMethod,
  path: string,
): { kind: RequestKind; step: 'send' | 'checkout'; values: Record<string, string> } | undefined {
  for (const kind of requestKinds) {
    if (kind.send.envelope) continue;
    if (kind.send.method === method) {
      const values = matchTemplate(kind.send.pathTemplate, path);
      if (values) return { kind, step: 'send', values };
    }
    if (kind.send.checkout && method === 'POST') {
      const values = matchTemplate(kind.send.checkout.pathTemplate, path);
      if (values) return { kind, step: 'checkout', values };
    }
  }
  return undefined;
}

function isNonSpendingWrite(method: HttpMethod, path: string): boolean {
  return nonSpendingWrites.some((w) => w.method === method && matchTemplate(w.pathTemplate, path) !== undefined);
}

/** The path part of `url` below the endpoint's own path: what `classifyRequest` reads for a URL about to be sent. */
export function pathBelowEndpoint(endpoint: string, url: URL): string | undefined {
  const base = new URL(endpoint).pathname.replace(/\/+$/, '');
  if (base !== '' && !url.pathname.toLowerCase().startsWith(`${base.toLowerCase()}/`)) return undefined;
  return `${url.pathname.slice(base.length)}${url.search}`;
}
