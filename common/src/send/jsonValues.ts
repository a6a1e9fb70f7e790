// Small helpers for reading request bodies. Partner Center matches property names without regard
// to case (reference §2.1), so documents may say `LineItems` or `lineItems`; every read here does too.

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The key of `obj` that matches `name` case-insensitively (the exact spelling wins). */
export function keyOf(obj: JsonObject, name: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(obj, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

export function prop(obj: unknown, name: string): unknown {
  if (!isObject(obj)) return undefined;
  const key = keyOf(obj, name);
  return key === undefined ? undefined : obj[key];
}

export function stringProp(obj: unknown, name: string): string | undefined {
  const value = prop(obj, name);
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export function numberProp(obj: unknown, name: string): number | undefined {
  const value = prop(obj, name);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** Deep equality of JSON values (key order ignored). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  }
  if (!isObject(a) || !isObject(b)) return false;
  const ka = Object.keys(a);
  return (
    ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && jsonEqual(a[k], b[k]))
  );
}

/** A stable fingerprint of a JSON value: same content, same hash, whatever the key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
