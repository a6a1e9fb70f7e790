// Turns the document into the value Partner Center would see: property names and enum values
// in their canonical casing. Partner Center reads both without regard to case, so the schemas only
// list the canonical spelling and this pass folds the rest, remembering each fold as a note (the
// casing hints), plus duplicate keys and response-only fields. Notes name the member (container
// and slot, or for a well-formed document read by JSON.parse its written path); ranges are made
// only when a note becomes a diagnostic. The two walks, of the source tree and of a plain value,
// decide each member alike (undeclaredFacts, enumCasing).
import {
  canonicalEnumValue,
  canonicalPropertyName,
  DeclaredProperty,
  declaredProperties,
  propertySchema,
  type SchemaNode,
} from './schemaModel';
import { SourceContainer } from './sourceTree';

export type NormalizeNote =
  | { kind: 'propertyCasing'; owner: SourceContainer; slot: number; canonical: string }
  | { kind: 'valueCasing'; owner: SourceContainer; slot: number; canonical: string }
  | { kind: 'duplicate'; owner: SourceContainer; slot: number; canonical: string }
  | { kind: 'readOnly'; owner: SourceContainer; slot: number; name: string };

/** Where a note of normalizePlain is: the member's path in the document's own spelling, from the value normalized. */
export type PlainNote = DistributiveOmit<NormalizeNote, 'owner' | 'slot'> & { path: (string | number)[] };
type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export interface Normalized<Note = NormalizeNote> {
  value: unknown;
  notes: Note[];
}

export interface NormalizedPlain extends Normalized<PlainNote> {
  /** How many names the value's objects hold; fewer than the text writes when an object repeats one. */
  names: number;
  /** Some name starts with a digit: JavaScript may list it out of written order (see normalizePlain). */
  digitNames: boolean;
}

/** Deeper than any request body; deeper documents are reported instead of walked. */
export const MAX_DEPTH = 64;

export class TooDeepError extends Error {
  constructor() {
    super(`The document nests deeper than ${MAX_DEPTH} levels.`);
  }
}

const hasOwn = Object.prototype.hasOwnProperty;

/** What normalization reads of a member's schema; a declared property's are made once per schema (DeclaredProperty). */
interface MemberFacts {
  readonly schema: SchemaNode | undefined;
  readonly readOnly: boolean;
  /** `schema.enum`, read once: reading it from schema nodes of many shapes is a slow property lookup. */
  readonly enumValues: readonly unknown[] | undefined;
}

const NO_SCHEMA: MemberFacts = { schema: undefined, readOnly: false, enumValues: undefined };

/** The facts of a member whose written name is not a declared one, by its canonical name. */
function undeclaredFacts(sub: SchemaNode | undefined, canonical: string): MemberFacts {
  const schema = propertySchema(sub, canonical);
  return schema ? new DeclaredProperty(schema) : NO_SCHEMA;
}

/** The canonical spelling of an enum value written otherwise, or undefined when it is canonical or unknown. */
function enumCasing(value: unknown, sub: SchemaNode | undefined, enumValues: readonly unknown[] | undefined): string | undefined {
  return typeof value === 'string' && enumValues && !enumValues.includes(value) ? canonicalEnumValue(sub, value) : undefined;
}

/** A new object with the members of `object` written before `name`, unchanged. */
function copyBefore(object: Record<string, unknown>, name: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const earlier in object) {
    if (earlier === name) break;
    setMember(out, earlier, object[earlier]);
  }
  return out;
}

/** Sets `out[name]`; plain assignment would treat "__proto__" as the prototype, so that one is defined as data. */
function setMember(out: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
  else out[name] = value;
}

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
    const canonical = enumCasing(value, sub, enumValues);
    if (canonical === undefined) return value;
    notes.push({ kind: 'valueCasing', owner: holder, slot: at, canonical });
    return canonical;
  };

  const buildObject = (object: SourceContainer, sub: SchemaNode | undefined, depth: number): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    const { keys, values } = object.store;
    const first = object.first;
    const declared = sub ? declaredProperties(sub) : undefined;
    for (let i = 0; i < object.memberCount; i++) {
      const written = keys[first + i];
      // A declared name written as declared is its own canonical spelling (the usual case).
      let facts: MemberFacts | undefined = declared?.get(written);
      let canonical = written;
      if (facts === undefined) {
        canonical = canonicalPropertyName(sub, written) ?? written;
        facts = undeclaredFacts(sub, canonical);
      }
      if (canonical !== written) notes.push({ kind: 'propertyCasing', owner: object, slot: i, canonical });
      if (hasOwn.call(out, canonical)) notes.push({ kind: 'duplicate', owner: object, slot: i, canonical });
      // A null read-only field says nothing (the .NET SDK writes null for every unset property).
      if (facts.readOnly && options.reportReadOnly && values[first + i] !== null) {
        notes.push({ kind: 'readOnly', owner: object, slot: i, name: canonical });
      }
      // A value the parser could not read (`"a": ,`) is left out: the syntax error covers it.
      if (values[first + i] === undefined) continue;
      // Through value(): a tree read on demand holds containers it has not read yet.
      setMember(out, canonical, build(object.value(i), facts.schema, facts.enumValues, depth + 1, object, i));
    }
    return out;
  };

  const buildArray = (array: SourceContainer, sub: SchemaNode | undefined, depth: number): unknown[] => {
    const items = sub?.items;
    const itemEnum = items?.enum;
    // Sized once: line-item arrays run to thousands, and growing them by push copies them repeatedly.
    const out: unknown[] = new Array<unknown>(array.memberCount);
    for (let i = 0; i < array.memberCount; i++) out[i] = build(array.value(i), items, itemEnum, depth + 1, array, i);
    return out;
  };

  return { value: build(owner.value(slot), schema, schema.enum, 0, owner, slot), notes };
}

/**
 * normalize() for a well-formed document read by JSON.parse (ParsedRequest.wellFormed), walking
 * the plain value instead of the source tree, so that a document with nothing to report never
 * reads its tree. The answer holds only when the value has every name the text writes, in
 * written order: the caller compares `names` with the text's, and takes the tree instead when
 * they differ (an object repeats a name, which JSON.parse keeps once) or when `digitNames` (a
 * name like "0" or "17", which JavaScript lists first). Request bodies have neither. What needs
 * no change is not copied: the result shares those objects with `root`, which is not to be
 * changed afterwards.
 */
export function normalizePlain(root: unknown, schema: SchemaNode, options: { reportReadOnly: boolean }): NormalizedPlain {
  const notes: PlainNote[] = [];
  const reportReadOnly = options.reportReadOnly;
  let names = 0;
  let digitNames = false;
  const path: (string | number)[] = [];
  const at = (member: string | number) => [...path, member];

  const build = (
    value: unknown,
    sub: SchemaNode | undefined,
    enumValues: readonly unknown[] | undefined,
    depth: number,
    member: string | number | undefined,
  ): unknown => {
    if (depth > MAX_DEPTH) throw new TooDeepError();
    if (typeof value === 'object' && value !== null) {
      if (member !== undefined) path.push(member);
      const built = Array.isArray(value)
        ? buildArray(value, sub, depth)
        : buildObject(value as Record<string, unknown>, sub, depth);
      if (member !== undefined) path.pop();
      return built;
    }
    return scalar(value, sub, enumValues, member);
  };

  /** A scalar in its canonical casing, noted when that differs from the written one. */
  const scalar = (
    value: unknown,
    sub: SchemaNode | undefined,
    enumValues: readonly unknown[] | undefined,
    member: string | number | undefined,
  ): unknown => {
    const canonical = enumCasing(value, sub, enumValues);
    if (canonical === undefined) return value;
    notes.push({ kind: 'valueCasing', path: member === undefined ? [...path] : at(member), canonical });
    return canonical;
  };

  // Copied only when something in them changes: a document written canonically (nearly every one)
  // is its own normalized value, and copying a long order's every line was most of this walk.
  const buildObject = (object: Record<string, unknown>, sub: SchemaNode | undefined, depth: number): Record<string, unknown> => {
    let out: Record<string, unknown> | undefined;
    const declared = sub ? declaredProperties(sub) : undefined;
    for (const written in object) {
      names++;
      const first = written.charCodeAt(0);
      if (first >= 0x30 && first <= 0x39) digitNames = true;
      const value = object[written];
      let facts: MemberFacts | undefined = declared?.get(written);
      let canonical = written;
      if (facts === undefined) {
        canonical = canonicalPropertyName(sub, written) ?? written;
        facts = undeclaredFacts(sub, canonical);
      }
      if (canonical !== written) {
        out ??= copyBefore(object, written);
        notes.push({ kind: 'propertyCasing', path: at(written), canonical });
      }
      // Until a name changes every name is its own, and no two written names are the same.
      if (out && hasOwn.call(out, canonical)) notes.push({ kind: 'duplicate', path: at(written), canonical });
      if (facts.readOnly && reportReadOnly && value !== null) {
        notes.push({ kind: 'readOnly', path: at(written), name: canonical });
      }
      // As build() does, without calling it for a scalar no enum constrains (most members).
      let built = value;
      if (typeof value === 'object' && value !== null) built = build(value, facts.schema, facts.enumValues, depth + 1, written);
      else if (depth >= MAX_DEPTH) throw new TooDeepError();
      else if (typeof value === 'string' && facts.enumValues) built = scalar(value, facts.schema, facts.enumValues, written);
      if (built !== value) out ??= copyBefore(object, written);
      if (out) setMember(out, canonical, built);
    }
    return out ?? object;
  };

  const buildArray = (array: unknown[], sub: SchemaNode | undefined, depth: number): unknown[] => {
    const items = sub?.items;
    const itemEnum = items?.enum;
    let out: unknown[] | undefined;
    for (let i = 0; i < array.length; i++) {
      const value = array[i];
      let built = value;
      if (typeof value === 'object' && value !== null) built = build(value, items, itemEnum, depth + 1, i);
      else if (depth >= MAX_DEPTH) throw new TooDeepError();
      else if (typeof value === 'string' && itemEnum) built = scalar(value, items, itemEnum, i);
      if (built !== array[i]) out ??= array.slice(0, i);
      if (out) out[i] = built;
    }
    return out ?? array;
  };

  const value = build(root, schema, schema.enum, 0, undefined);
  return { value, notes, names, digitNames };
}
