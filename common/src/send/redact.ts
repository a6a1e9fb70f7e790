// Everything that is kept (history, exports, response documents) passes through here first. The
// client never hands us the Authorization header, but a generic request may name its own headers,
// and some answers hold secrets (a new customer's initial password), so both are masked by name.

const MASK = '***';
const SECRET_HEADER = /^(authorization|proxy-authorization|cookie|set-cookie|x-ms-authorization-auxiliary|ms-continuationtoken)$|token|secret|api-?key/i;
const SECRET_FIELD = /^(password|passwd|secret|client_?secret|access_?token|refresh_?token|id_?token|token|authorization|api_?key)$/i;

export function redactHeaders(headers: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!headers) return undefined;
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, SECRET_HEADER.test(k) ? MASK : v]));
}

export function redactBody(value: unknown, depth = 0): unknown {
  if (depth > 64) return MASK;
  if (Array.isArray(value)) return value.map((v) => redactBody(v, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, SECRET_FIELD.test(k) ? MASK : redactBody(v, depth + 1)]));
  }
  return value;
}

/** Masks bearer tokens that slipped into free text (error messages, descriptions). */
export function redactText(text: string): string {
  return text.replace(/(bearer\s+)[A-Za-z0-9\-._~+/]+=*/gi, `$1${MASK}`);
}
