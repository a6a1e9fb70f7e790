// Everything that is kept (history, exports, response documents) passes through here first. The
// client never hands us the Authorization header, but a generic request may name its own headers
// and query parameters, and answers hold secrets (a new customer's initial password, continuation
// tokens, signed links), so values are masked by the name they go under, and tokens by their shape
// wherever they appear in text.

const MASK = '***';

/** Header names that carry credentials: auth schemes, cookies, and every "…key", "…token", "…secret". */
const SECRET_HEADER = /authorization|cookie|token|secret|key|password|credential|signature|session/i;

/** Body property names that hold secrets. Matched anywhere in the name: `secretValue`, `privateKey`, `refresh_token`. */
const SECRET_FIELD =
  /password|passwd|secret|token|api_?key|private_?key|access_?key|subscription_?key|shared_?key|account_?key|pfx|certificate|credential|connection_?string|^authorization$/i;

/** Query parameter names that carry credentials (OAuth tokens and codes, SAS signatures, API keys). */
const SECRET_QUERY =
  /^(access_?token|id_?token|refresh_?token|.*token|sig|signature|code|client_?secret|secret|password|key|api[-_]?key|subscription[-_]?key|.*_key)$/i;

export function redactHeaders(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SECRET_HEADER.test(k) ? MASK : redactText(v)]));
}

export function redactBody(value: unknown, depth = 0): unknown {
  if (depth > 64) return MASK;
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((v) => redactBody(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // Headers written as name/value pairs, as in `links.next.headers` ({ key: "MS-ContinuationToken", value: "…" }).
    const pairName = typeof record.key === 'string' ? record.key : typeof record.name === 'string' ? record.name : undefined;
    const secretPair = pairName !== undefined && SECRET_HEADER.test(pairName) && 'value' in record;
    return Object.fromEntries(
      Object.entries(record).map(([k, v]) => [
        k,
        SECRET_FIELD.test(k) || (secretPair && k === 'value') ? MASK : redactBody(v, depth + 1),
      ]),
    );
  }
  return value;
}

/** Masks bearer tokens, JWTs and secret query values that slipped into free text (errors, descriptions, links). */
export function redactText(text: string): string {
  return text
    .replace(/(bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1${MASK}`)
    .replace(/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, MASK)
    .replace(/([?&;]([^=&#\s"']+)=)([^&#\s"']*)/g, (all, lead: string, name: string) =>
      SECRET_QUERY.test(decodeName(name)) ? `${lead}${MASK}` : all,
    );
}

/** A URL (or a path with a query) with secret query values masked. */
export function redactUrl(url: string): string {
  return redactText(url);
}

export function redactQuery<T>(query: Record<string, T> | undefined): Record<string, T | string> | undefined {
  if (!query) return undefined;
  return Object.fromEntries(
    Object.entries(query).map(([k, v]) => [k, SECRET_QUERY.test(k) ? MASK : typeof v === 'string' ? redactText(v) : v]),
  );
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
