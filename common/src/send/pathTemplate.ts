// Paths of the request-kinds table are templates such as /v1/customers/{customerId}/orders. This
// file fills them, lists their placeholders and recognises a concrete path as one of them, which is
// how a generic request (`*.request.json`) is found to be, say, an order and treated as a purchase.
import { versionedPath } from '../api/versionedPath';

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]);
}

/**
 * Fills every placeholder; each value is encoded so it stays one path segment. `.` and `..` are
 * refused: encoding leaves them as they are, and the URL parser would then move to another path.
 */
export function fillPath(template: string, values: Record<string, string | undefined>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = values[name]?.trim();
    if (value === undefined || value === '') throw new MissingPathValueError(name);
    if (value === '.' || value === '..') {
      throw new MissingPathValueError(name, `"${value}" cannot be the {${name}} of a path: it would address another resource.`);
    }
    return encodeURIComponent(value);
  });
}

export class MissingPathValueError extends Error {
  constructor(
    readonly placeholder: string,
    message = `The path needs a value for {${placeholder}}.`,
  ) {
    super(message);
    this.name = 'MissingPathValueError';
  }
}

/**
 * The placeholder values when `path` has the template's shape, else undefined. A placeholder
 * written literally in the path (`{customerId}`) matches too and yields no value.
 */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  // `/v1` is optional in documents (the client adds it); comparisons use the versioned form.
  const want = versionedPath(template).split('?')[0].split('/');
  const have = versionedPath(path).split('?')[0].replace(/\/+$/, '').split('/');
  if (want.length !== have.length) return undefined;
  const values: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const name = /^\{([A-Za-z][A-Za-z0-9]*)\}$/.exec(want[i])?.[1];
    if (name) {
      if (have[i] === '') return undefined;
      if (have[i] !== `{${name}}`) values[name] = decodeURIComponent(have[i]);
    } else if (want[i].toLowerCase() !== have[i].toLowerCase()) {
      return undefined;
    }
  }
  return values;
}

/**
 * The customer a path is under (`/v1/customers/{id}/…`, at least one segment below the customer),
 * with the id as written; a literal `{customerId}` yields no id. Undefined for other paths.
 */
export function customerScope(path: string): { customerId?: string } | undefined {
  const parts = versionedPath(path).split('?')[0].replace(/\/+$/, '').split('/');
  if (parts.length < 5 || parts[2].toLowerCase() !== 'customers' || parts[3] === '') return undefined;
  return parts[3] === '{customerId}' ? {} : { customerId: decodeURIComponent(parts[3]) };
}
