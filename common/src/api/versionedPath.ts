// Kept in a module of its own, with no imports: the language service classifies a request's path
// (common/src/send/requestTarget.ts) without pulling the API client into the language server.

/** A path with `/v1` in front, added only when missing: documents and callers may write either. */
export function versionedPath(path: string): string {
  const rel = path.startsWith('/') ? path : `/${path}`;
  return /^\/v1(\/|\?|$)/i.test(rel) ? rel : `/v1${rel}`;
}
