// The shapes every Partner Center response shares: links, collections and resource attributes.
// Link URIs are relative and carry no `/v1`, as the real service emits them; clients add `/v1`.

export interface LinkHeader {
  key: string;
  value: string;
}

export interface Link {
  uri: string;
  method: string;
  headers: LinkHeader[];
}

export function link(uri: string, method = 'GET', headers: LinkHeader[] = []): Link {
  return { uri, method, headers };
}

export interface Collection<T> {
  totalCount: number;
  items: T[];
  links?: Record<string, Link>;
  attributes: { objectType: 'Collection' };
}

/** totalCount is the number of items in this response (for seek paging: in this page). */
export function collection<T>(items: T[], links?: Record<string, Link>): Collection<T> {
  return links
    ? { totalCount: items.length, items, links, attributes: { objectType: 'Collection' } }
    : { totalCount: items.length, items, attributes: { objectType: 'Collection' } };
}

export function attributes(objectType: string, etag?: string): { objectType: string; etag?: string } {
  return etag === undefined ? { objectType } : { etag, objectType };
}

/** ISO 8601 in UTC with a Z, the form the service uses for dates. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Etags are opaque strings; this one changes whenever the resource's version does. */
export function etag(id: string, version: number): string {
  return Buffer.from(`${id}:${version}`).toString('base64');
}
