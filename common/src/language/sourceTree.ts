// The parsed document as a compact tree, the one every feature reads: one small object per JSON
// object or array, whose members (names, values, text offsets) sit in three arrays shared by the
// whole document. jsonc-parser's node tree (three nodes and an array per property) is not built:
// allocating and collecting those nodes was most of the time of checking a long order. Validation,
// completion, hover and quick fixes look values up here; ranges are made only for what they report.

export type ValueType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** The numbers kept per member in `SourceStore.spans`. */
export const KEY_OFFSET = 0;
export const KEY_LENGTH = 1;
export const VALUE_OFFSET = 2;
export const VALUE_LENGTH = 3;
/** Where the member ends: after its value, or (value missing) at the comma or brace that closed it. */
export const MEMBER_END = 4;
export const SPAN_STRIDE = 5;

/**
 * Members of the containers at one nesting depth of a document. Containers at the same depth never
 * overlap in the text (one closes before the next opens), so each one's members are contiguous
 * here, from its `first`, written in place while parsing.
 */
/** Shared by every new store: never written, only replaced when the store grows. */
const NO_SPANS = new Int32Array(0);

export class SourceStore {
  /** Member names as written (escapes decoded); '' for array elements. */
  keys: string[] = [];
  /** The scalar as written, the nested container, or undefined when the value is missing. */
  values: unknown[] = [];
  /** SPAN_STRIDE numbers per member; -1 for a key in an array, and for a missing value. */
  spans: Int32Array = NO_SPANS;
  /** Members written so far (the arrays above hold room for more). */
  count = 0;
  /** For a tree read on demand: reads the containers this store holds as UNREAD. */
  reader?: ContainerReader;
}

export class SourceContainer {
  /** Index of the first member in the store, and how many there are; set when the container closes. */
  first = 0;
  memberCount = 0;
  /** Up to and including the closing bracket (or to the end of the text when it is missing). */
  length = -1;

  /**
   * `owner` and `slot` say where the container sits; the document's own value sits in slot 0 of a
   * container with no owner, so every value, the root too, is (owner, slot).
   */
  constructor(
    readonly store: SourceStore,
    readonly type: 'object' | 'array',
    readonly offset: number,
    readonly owner: SourceContainer | undefined,
    readonly slot: number,
  ) {}

  key(slot: number): string {
    return this.store.keys[this.first + slot];
  }

  /** The member's value; a container not read yet (UNREAD) is read now, once. */
  value(slot: number): unknown {
    const value = this.store.values[this.first + slot];
    return value === UNREAD ? this.readMember(slot) : value;
  }

  span(slot: number, field: number): number {
    return this.store.spans[(this.first + slot) * SPAN_STRIDE + field];
  }

  keyList(): string[] {
    return this.store.keys.slice(this.first, this.first + this.memberCount);
  }

  private readMember(slot: number): SourceContainer {
    const container = this.store.reader!(this, slot);
    this.store.values[this.first + slot] = container;
    return container;
  }
}

/**
 * What a store of a tree read on demand (wellFormedSource.ts) holds in place of a nested object or
 * array it has not read yet; its span is known. `SourceContainer.value` reads it on first use with
 * the store's reader and puts the container in its place. Whatever reads a store's values without
 * `value` only compares them with null and undefined (normalize).
 */
export const UNREAD = Symbol('unread container');

/** Reads the container in `owner`'s member `slot` (its value is UNREAD). */
export type ContainerReader = (owner: SourceContainer, slot: number) => SourceContainer;

/** One value of the document, made when asked for: where it is, what it is, who holds it. */
export interface SourceNode {
  readonly type: ValueType;
  readonly offset: number;
  readonly length: number;
  /** Scalars as written (not case-folded); for objects and arrays, their container. */
  readonly value: unknown;
  readonly owner: SourceContainer;
  readonly slot: number;
}

export function valueType(value: unknown): ValueType {
  if (value instanceof SourceContainer) return value.type;
  if (value === null) return 'null';
  return typeof value as 'string' | 'number' | 'boolean';
}

/** The value in a member slot, or undefined when the member has none. */
export function memberNode(owner: SourceContainer, slot: number): SourceNode | undefined {
  const value = owner.value(slot);
  if (value === undefined) return undefined;
  return {
    type: valueType(value),
    offset: owner.span(slot, VALUE_OFFSET),
    length: owner.span(slot, VALUE_LENGTH),
    value,
    owner,
    slot,
  };
}

export function containerOf(node: SourceNode | undefined): SourceContainer | undefined {
  return node?.value instanceof SourceContainer ? node.value : undefined;
}

/**
 * The member of an object with this canonical name: keys match without regard to case (that is
 * how Partner Center reads them), and with repeated keys the last one wins, as in JSON.parse.
 */
export function memberIndex(object: SourceContainer, name: string): number {
  const { keys } = object.store;
  const first = object.first;
  // Names are nearly always written canonically: compare exactly first, fold case only if needed.
  for (let i = object.memberCount - 1; i >= 0; i--) if (keys[first + i] === name) return i;
  const folded = name.toLowerCase();
  for (let i = object.memberCount - 1; i >= 0; i--) {
    const key = keys[first + i];
    if (key.length === folded.length && key.toLowerCase() === folded) return i;
  }
  return -1;
}

const slotsByKey = new WeakMap<SourceContainer, ReadonlyMap<string, number>>();

/**
 * An object's members by their exact written name (the last of repeated names), made once per
 * object: `memberIndex` scans the members, and asking it for each of thousands of members of one
 * object (every unknown property, every quick fix) would scan it thousands of times.
 */
export function slotsByWrittenKey(object: SourceContainer): ReadonlyMap<string, number> {
  let slots = slotsByKey.get(object);
  if (!slots) {
    const map = new Map<string, number>();
    for (let i = 0; i < object.memberCount; i++) map.set(object.key(i), i);
    slots = map;
    slotsByKey.set(object, slots);
  }
  return slots;
}

/** The value at a path of canonical names and indexes, from the document (the owner of the root). */
export function valueAt(document: SourceContainer, path: readonly (string | number)[]): SourceNode | undefined {
  return descend(document, 0, path);
}

/** The value at a path below a node (a line item's property, say) without walking from the root. */
export function childAt(node: SourceNode | undefined, ...path: (string | number)[]): SourceNode | undefined {
  return node && descend(node.owner, node.slot, path);
}

function descend(fromOwner: SourceContainer, fromSlot: number, path: readonly (string | number)[]): SourceNode | undefined {
  // Walks containers and slots; only the value found becomes a node object.
  let owner = fromOwner;
  let slot = fromSlot;
  for (const segment of path) {
    const container = owner.value(slot);
    if (!(container instanceof SourceContainer)) return undefined;
    if (container.type === 'array') {
      const index = typeof segment === 'number' ? segment : Number(segment);
      if (!(Number.isInteger(index) && index >= 0 && index < container.memberCount)) return undefined;
      slot = index;
    } else {
      slot = memberIndex(container, String(segment));
      if (slot < 0) return undefined;
    }
    owner = container;
  }
  return memberNode(owner, slot);
}

/**
 * What the text at an offset belongs to, innermost first: a member's key (`isKey`), a value, or the
 * rest of a member (type 'property': the colon and the space around it). `value` is the key's
 * name or the scalar as written; a container's is its SourceContainer.
 */
export interface SourceHit {
  readonly type: ValueType | 'property';
  readonly offset: number;
  readonly length: number;
  readonly value: unknown;
  readonly isKey: boolean;
}

/**
 * The innermost key, value or member whose text holds `offset` (its end excluded), for hover: the
 * answers of jsonc-parser's findNodeAtOffset on its own tree of the same text, without that tree.
 */
export function nodeAtOffset(document: SourceContainer, offset: number): SourceHit | undefined {
  let node = memberNode(document, 0);
  if (!node || !(node.offset <= offset && offset < node.offset + node.length)) return undefined;
  descend: for (;;) {
    const container = containerOf(node);
    if (!container) break;
    // Members are in text order: stop at the first that starts after the offset.
    for (let i = 0; i < container.memberCount; i++) {
      const value = memberNode(container, i);
      if (container.type === 'array') {
        if (!value || value.offset > offset) break;
        if (offset < value.offset + value.length) {
          node = value;
          continue descend;
        }
        continue;
      }
      const keyOffset = container.span(i, KEY_OFFSET);
      if (keyOffset > offset) break;
      const end = container.span(i, MEMBER_END);
      if (offset >= end) continue;
      const keyLength = container.span(i, KEY_LENGTH);
      if (offset < keyOffset + keyLength) {
        return { type: 'string', offset: keyOffset, length: keyLength, value: container.key(i), isKey: true };
      }
      if (value && value.offset <= offset && offset < value.offset + value.length) {
        node = value;
        continue descend;
      }
      return { type: 'property', offset: keyOffset, length: end - keyOffset, value: undefined, isKey: false };
    }
    break;
  }
  return { type: node.type, offset: node.offset, length: node.length, value: node.value, isKey: false };
}

/** The path to a member in the document's own spelling, for edits (jsonc-parser's modify matches keys exactly). */
export function writtenPath(owner: SourceContainer, slot: number): (string | number)[] {
  const path: (string | number)[] = [];
  let container: SourceContainer | undefined = owner;
  let index = slot;
  while (container?.owner) {
    path.push(container.type === 'object' ? container.key(index) : index);
    index = container.slot;
    container = container.owner;
  }
  return path.reverse();
}

/** Path for setting a property of an object, reusing the document's spelling of the name if present. */
export function setPathFor(object: SourceNode, canonicalName: string): (string | number)[] {
  const container = containerOf(object);
  const folded = canonicalName.toLowerCase();
  const written = container?.keyList().find((key) => key.toLowerCase() === folded);
  return [...writtenPath(object.owner, object.slot), written ?? canonicalName];
}
