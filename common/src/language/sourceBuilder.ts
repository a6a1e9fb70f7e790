// Builds the source tree from parser events. Both parsers drive it: the strict one for well-formed
// JSON and jsonc-parser's visit() for everything else, so the two cannot disagree on the shape of
// the result. The events and their meaning follow jsonc-parser's parseTree: a property is open
// from its key until its value ends, a comma or the closing brace, and a missing value stays
// missing.
//
// Members of the containers still open wait on a scratch stack (innermost last); when a container
// closes, its members are copied to the document's store in one contiguous run. That keeps the
// tree to one small object per container plus three arrays per document.
import { MEMBER_END, SourceContainer, SourceStore, SPAN_STRIDE, VALUE_LENGTH, VALUE_OFFSET } from './sourceTree';

export class SourceBuilder {
  readonly store = new SourceStore();
  /** Holds the document's value in slot 0. */
  readonly document = new SourceContainer(this.store, 'array', -1, undefined, 0);
  private current = this.document;
  /** Scratch stack position where each open container's members begin (parallel to the open containers). */
  private readonly starts: number[] = [0];
  private readonly keys: string[] = [];
  private readonly values: unknown[] = [];
  private spans = new Int32Array(64 * SPAN_STRIDE);
  private top = 0;
  /** The current object's last member still waits for its value or its end. */
  private open = false;

  beginContainer(type: 'object' | 'array', offset: number): void {
    const parent = this.current;
    // In an object the value fills the slot its key opened; in an array it takes a new one.
    const slot = parent.type === 'object' ? this.top - 1 - this.start() : this.top - this.start();
    const container = new SourceContainer(this.store, type, offset, parent, slot);
    // Descend even if it cannot be placed, so that its end event closes it and not its parent.
    this.place(container, offset, -1);
    this.current = container;
    this.starts.push(this.top);
    this.open = false;
  }

  property(name: string, offset: number, length: number): void {
    this.push(name, undefined, offset, length, -1, -1);
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
    this.flush(container);
    this.current = owner;
    // Its members are gone from the stack, so the member holding it is on top again.
    if (this.top > this.start() && this.values[this.top - 1] === container) this.spans[(this.top - 1) * SPAN_STRIDE + VALUE_LENGTH] = container.length;
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
    this.flush(this.document);
    return this.document;
  }

  private start(): number {
    return this.starts[this.starts.length - 1];
  }

  /** Moves a closing container's members from the scratch stack to the store. */
  private flush(container: SourceContainer): void {
    const start = this.starts.pop()!;
    const store = this.store;
    const first = store.values.length;
    container.first = first;
    container.memberCount = this.top - start;
    for (let i = start; i < this.top; i++) {
      store.keys.push(this.keys[i]);
      store.values.push(this.values[i]);
    }
    store.spans = ensureCapacity(store.spans, (first + this.top - start) * SPAN_STRIDE);
    store.spans.set(this.spans.subarray(start * SPAN_STRIDE, this.top * SPAN_STRIDE), first * SPAN_STRIDE);
    this.top = start;
  }

  private push(key: string, value: unknown, keyOffset: number, keyLength: number, valueOffset: number, valueLength: number): void {
    const i = this.top++;
    this.keys[i] = key;
    this.values[i] = value;
    const at = i * SPAN_STRIDE;
    if (at + SPAN_STRIDE > this.spans.length) this.spans = ensureCapacity(this.spans, at + SPAN_STRIDE);
    this.spans[at] = keyOffset;
    this.spans[at + 1] = keyLength;
    this.spans[at + 2] = valueOffset;
    this.spans[at + 3] = valueLength;
    this.spans[at + 4] = -1;
  }

  /** Puts a value in the current container: a new array element, or the open property's value. */
  private place(value: unknown, offset: number, length: number): boolean {
    if (this.current.type === 'array') {
      this.push('', value, -1, -1, offset, length);
      return true;
    }
    // parseTree gives an object only values that follow a key; the parser never sends others.
    if (!this.open) return false;
    const i = this.top - 1;
    this.values[i] = value;
    this.spans[i * SPAN_STRIDE + VALUE_OFFSET] = offset;
    this.spans[i * SPAN_STRIDE + VALUE_LENGTH] = length;
    return true;
  }

  /** Only object members need their end (to delete a whole property); array elements keep -1. */
  private completeMember(end: number): void {
    if (this.current.type === 'array' || !this.open) return;
    this.spans[(this.top - 1) * SPAN_STRIDE + MEMBER_END] = end;
    this.open = false;
  }
}

/** The same array if it is long enough, else a copy with at least twice the room. */
function ensureCapacity(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  if (length <= array.length) return array;
  const grown = new Int32Array(Math.max(length, array.length * 2));
  grown.set(array);
  return grown;
}
