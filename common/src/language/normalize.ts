// Turns the source tree into the value Partner Center would see: property names and enum values
// in their canonical casing. Partner Center reads both without regard to case, so the schemas only
// list the canonical spelling and this pass folds the rest, remembering each fold as a note (the
// casing hints), plus duplicate keys and response-only fields. Notes name the member (container
// and slot); ranges are made only when a note becomes a diagnostic.
import { canonicalEnumValue, canonicalPropertyName, propertySchema, type SchemaNode } from './schemaModel';
import { SourceContainer } from './sourceTree';

export type NormalizeNote =
  | { kind: 'propertyCasing'; owner: SourceContainer; slot: number; canonical: string }
  | { kind: 'valueCasing'; owner: SourceContainer; slot: number; canonical: string }
  | { kind: 'duplicate'; owner: SourceContainer; slot: number; canonical: string }
  | { kind: 'readOnly'; owner: SourceContainer; slot: number; name: string };

export interface Normalized {
  value: unknown;
  notes: NormalizeNote[];
}

/** Deeper than any request body; deeper documents are reported instead of walked. */
export const MAX_DEPTH = 64;

export class TooDeepError extends Error {
  constructor() {
    super(`The document nests deeper than ${MAX_DEPTH} levels.`);
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

/** Normalizes the value in `owner`'s member `slot` (for the whole document: the document holder and 0). */
export function normalize(owner: SourceContainer, slot: number, schema: SchemaNode, options: { reportReadOnly: boolean }): Normalized {
  const notes: NormalizeNote[] = [];

  const build = (value: unknown, sub: SchemaNode | undefined, depth: number, holder: SourceContainer, at: number): unknown => {
    if (depth > MAX_DEPTH) throw new TooDeepError();
    if (value instanceof SourceContainer) return value.type === 'object' ? buildObject(value, sub, depth) : buildArray(value, sub, depth);
    if (typeof value === 'string' && sub?.enum && !sub.enum.includes(value)) {
      const canonical = canonicalEnumValue(sub, value);
      if (canonical !== undefined) {
        notes.push({ kind: 'valueCasing', owner: holder, slot: at, canonical });
        return canonical;
      }
    }
    return value;
  };

  const buildObject = (object: SourceContainer, sub: SchemaNode | undefined, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const { keys, values } = object.store;
    const first = object.first;
    for (let i = 0; i < object.memberCount; i++) {
      const written = keys[first + i];
      const canonical = canonicalPropertyName(sub, written) ?? written;
      if (canonical !== written) notes.push({ kind: 'propertyCasing', owner: object, slot: i, canonical });
      if (hasOwn.call(out, canonical)) notes.push({ kind: 'duplicate', owner: object, slot: i, canonical });
      const valueSchema = propertySchema(sub, canonical);
      if (valueSchema?.readOnly && options.reportReadOnly) notes.push({ kind: 'readOnly', owner: object, slot: i, name: canonical });
      // A value the parser could not read (`"a": ,`) is left out: the syntax error covers it.
      if (values[first + i] === undefined) continue;
      const value = build(values[first + i], valueSchema, depth + 1, object, i);
      // Plain assignment would treat "__proto__" as the prototype; define that one as data instead.
      if (canonical === '__proto__') Object.defineProperty(out, canonical, { value, enumerable: true, writable: true, configurable: true });
      else out[canonical] = value;
    }
    return out;
  };

  const buildArray = (array: SourceContainer, sub: SchemaNode | undefined, depth: number): unknown[] => {
    const items = sub?.items;
    const { values } = array.store;
    const first = array.first;
    const out: unknown[] = [];
    for (let i = 0; i < array.memberCount; i++) out.push(build(values[first + i], items, depth + 1, array, i));
    return out;
  };

  return { value: build(owner.value(slot), schema, 0, owner, slot), notes };
}
