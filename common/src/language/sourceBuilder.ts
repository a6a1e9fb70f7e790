// Builds the source tree from parser events: jsonc-parser's visit() drives it for documents that
// are not well-formed JSON (well-formed ones are read by wellFormedSource.ts into the same tree).
// The events and their meaning follow jsonc-parser's parseTree: a property is open from its key
// until its value ends, a comma or the closing brace, and a missing value stays missing.
//
// Members go straight to the store of their container's nesting depth (see SourceStore): siblings
// at one depth follow each other, so each container's members form one run there without being
// copied when it closes. The tree is one small object per container plus a few arrays per depth.
import { MEMBER_END, SourceContainer, SourceStore, SPAN_STRIDE, VALUE_LENGTH, VALUE_OFFSET } from './sourceTree';

/** The largest second size grow() guesses for a store; beyond it the store doubles. */
const MAX_GUESS = 8192;

export class SourceBuilder {
  /** The store of each nesting depth; the document holder's is the first. */
  private readonly levels = [new SourceStore()];
  /** Holds the document's value in slot 0. */
  readonly document = new SourceContainer(this.levels[0], 'array', -1, undefined, 0);
  private current = this.document;
  private depth = 0;
  /** The current object's last member still waits for its value or its end. */
  private open = false;

  /** @param textLength the length of the text parsed, to guess how large a store may grow (see grow). */
  constructor(private readonly textLength = 0) {}

  beginContainer(type: 'object' | 'array', offset: number): void {
    const parent = this.current;
    const parentStore = parent.store;
    // In an object the value fills the slot its key opened; in an array it takes a new one.
    const slot = parent.type === 'object' ? parentStore.count - 1 - parent.first : parentStore.count - parent.first;
    this.depth++;
    const store = this.levels[this.depth] ?? (this.levels[this.depth] = new SourceStore());
    const container = new SourceContainer(store, type, offset, parent, slot);
    container.first = store.count;
    // Descend even if it cannot be placed, so that its end event closes it and not its parent.
    this.place(container, offset, -1);
    this.current = container;
    this.open = false;
  }

  property(name: string, offset: number, length: number): void {
    this.push(name, undefined, offset, length, -1, -1, -1);
    this.open = true;
  }

  scalar(value: string | number | boolean | null, offset: number, length: number): void {
    if (this.place(value, offset, length)) this.completeMember(offset + length);
  }

  endContainer(offset: number, length: number): void {
    const end = offset + length;
    this.completeMember(end);
    const container = this.current;
    const owner = container.owner;
    // Never above the document: a stray end event cannot close it.
    if (!owner) return;
    container.length = end - container.offset;
    container.memberCount = container.store.count - container.first;
    this.current = owner;
    this.depth--;
    // The member holding it is the owner's last one (unless it could not be placed).
    const store = owner.store;
    const last = store.count - 1;
    if (last >= owner.first && store.values[last] === container) {
      store.spans[last * SPAN_STRIDE + VALUE_LENGTH] = container.length;
    }
    this.open = owner.type === 'object';
    this.completeMember(end);
  }

  /** A comma ends a property that is still open (its value was missing). */
  comma(offset: number): void {
    this.completeMember(offset);
  }

  /** Closes the document holder; call once, after the last event. */
  finish(): SourceContainer {
    while (this.current.owner) this.endContainer(this.current.offset + Math.max(this.current.length, 0), 0);
    this.document.memberCount = this.document.store.count;
    return this.document;
  }

  private push(
    key: string,
    value: unknown,
    keyOffset: number,
    keyLength: number,
    valueOffset: number,
    valueLength: number,
    end: number,
  ): void {
    const store = this.current.store;
    const i = store.count++;
    if (i === store.keys.length) this.grow(store, valueOffset >= 0 ? valueOffset : keyOffset);
    store.keys[i] = key;
    store.values[i] = value;
    const at = i * SPAN_STRIDE;
    const spans = store.spans;
    spans[at] = keyOffset;
    spans[at + 1] = keyLength;
    spans[at + 2] = valueOffset;
    spans[at + 3] = valueLength;
    spans[at + 4] = end;
  }

  /**
   * Makes room in a store that is full, for a member at `offset`. A store that outgrows its first
   * small size usually holds the line items of a long document: its second size is guessed from
   * the text still to come (a member every 128 characters, at most MAX_GUESS), so that it is not
   * copied over and over on the way; those copies were most of the parse's garbage.
   */
  private grow(store: SourceStore, offset: number): void {
    const count = store.keys.length;
    const size = count === 0 ? 16 : count === 16 ? Math.max(32, Math.min((this.textLength - offset) >> 7, MAX_GUESS)) : count * 2;
    const keys = new Array<string>(size);
    const values = new Array<unknown>(size);
    for (let i = 0; i < count; i++) {
      keys[i] = store.keys[i];
      values[i] = store.values[i];
    }
    store.keys = keys;
    store.values = values;
    const spans = new Int32Array(size * SPAN_STRIDE);
    spans.set(store.spans);
    store.spans = spans;
  }

  /** Puts a value in the current container: a new array element, or the open property's value. */
  private place(value: unknown, offset: number, length: number): boolean {
    if (this.current.type === 'array') {
      this.push('', value, -1, -1, offset, length, -1);
      return true;
    }
    // parseTree gives an object only values that follow a key; the parser never sends others.
    if (!this.open) return false;
    const store = this.current.store;
    const i = store.count - 1;
    store.values[i] = value;
    store.spans[i * SPAN_STRIDE + VALUE_OFFSET] = offset;
    store.spans[i * SPAN_STRIDE + VALUE_LENGTH] = length;
    return true;
  }

  /** Only object members need their end (to delete a whole property); array elements keep -1. */
  private completeMember(end: number): void {
    if (this.current.type === 'array' || !this.open) return;
    const store = this.current.store;
    store.spans[(store.count - 1) * SPAN_STRIDE + MEMBER_END] = end;
    this.open = false;
  }
}
