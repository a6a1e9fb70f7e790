// Turns the source tree into the value Partner Center would see: property names and enum values
// in their canonical casing. Partner Center reads both without regard to case, so the schemas only
// list the canonical spelling and this pass folds the rest, remembering each fold as a note (the
// casing hints), plus duplicate keys and response-only fields. Notes name the member (container
// and slot); ranges are made only when a note becomes a diagnostic.
import { canonicalEnumValue, canonicalPropertyName, declaredProperties, propertySchema, type SchemaNode } from './schemaModel';
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
export function normalize(
  owner: SourceContainer,
  slot: number,
  schema: SchemaNode,
  options: { reportReadOnly: boolean },
): Normalized {
  const notes: NormalizeNote[] = [];

  // `enumValues` is `sub.enum`, passed along because the callers have it at hand: reading it from
  // schema nodes of many shapes is a slow property lookup, and this runs for every value.
  const build = (
    value: unknown,
    sub: SchemaNode | undefined,
    enumValues: readonly unknown[] | undefined,
    depth: number,
    holder: SourceContainer,
    at: number,
  ): unknown => {
    if (depth > MAX_DEPTH) throw new TooDeepError();
    if (value instanceof SourceContainer) {
      return value.type === 'object' ? buildObject(value, sub, depth) : buildArray(value, sub, depth);
    }
    if (typeof value === 'string' && enumValues && !enumValues.includes(value)) {
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
    const declared = sub ? declaredProperties(sub) : undefined;
    for (let i = 0; i < object.memberCount; i++) {
      const written = keys[first + i];
      // A declared name written as declared is its own canonical spelling (the usual case).
      const property = declared?.get(written);
      let canonical = written;
      let valueSchema: SchemaNode | undefined;
      let readOnly: boolean;
      let enumValues: readonly unknown[] | undefined;
      if (property !== undefined) {
        ({ schema: valueSchema, readOnly, enumValues } = property);
      } else {
        canonical = canonicalPropertyName(sub, written) ?? written;
        valueSchema = propertySchema(sub, canonical);
        readOnly = valueSchema?.readOnly === true;
        enumValues = valueSchema?.enum;
      }
      if (canonical !== written) notes.push({ kind: 'propertyCasing', owner: object, slot: i, canonical });
      if (hasOwn.call(out, canonical)) notes.push({ kind: 'duplicate', owner: object, slot: i, canonical });
      // A null read-only field says nothing (the .NET SDK writes null for every unset property).
      if (readOnly && options.reportReadOnly && values[first + i] !== null) {
        notes.push({ kind: 'readOnly', owner: object, slot: i, name: canonical });
      }
      // A value the parser could not read (`"a": ,`) is left out: the syntax error covers it.
      if (values[first + i] === undefined) continue;
      const value = build(values[first + i], valueSchema, enumValues, depth + 1, object, i);
      // Plain assignment would treat "__proto__" as the prototype; define that one as data instead.
      if (canonical === '__proto__') {
        Object.defineProperty(out, canonical, { value, enumerable: true, writable: true, configurable: true });
      } else out[canonical] = value;
    }
    return out;
  };

  const buildArray = (array: SourceContainer, sub: SchemaNode | undefined, depth: number): unknown[] => {
    const items = sub?.items;
    const itemEnum = items?.enum;
    const { values } = array.store;
    const first = array.first;
    // Sized once: line-item arrays run to thousands, and growing them by push copies them repeatedly.
    const out: unknown[] = new Array<unknown>(array.memberCount);
    for (let i = 0; i < array.memberCount; i++) out[i] = build(values[first + i], items, itemEnum, depth + 1, array, i);
    return out;
  };

  return { value: build(owner.value(slot), schema, schema.enum, 0, owner, slot), notes };
}
