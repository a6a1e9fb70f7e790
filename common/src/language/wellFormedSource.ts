// Well-formed JSON (nearly every request body) is read by the native JSON.parse, and its source
// tree only when something asks where a value is: for a diagnostic, a fix, a completion. The
// tree is read one container at a time (UNREAD), so reporting one line of a 20,000-line order
// reads the document's root, its line-item array and that line, and nothing more; a valid
// document reads none of it. Checking a long order this way costs little more than JSON.parse
// itself (issue 14: the command line's validate at most twice node + JSON.parse).
//
// The tree read here is the one the parsers build from the same text (sourceBuilder.ts): the same
// keys, values and spans. It relies on the text being well-formed, which JSON.parse proved.
import {
  KEY_LENGTH,
  KEY_OFFSET,
  MEMBER_END,
  SourceContainer,
  SourceStore,
  SPAN_STRIDE,
  UNREAD,
  VALUE_LENGTH,
  VALUE_OFFSET,
} from './sourceTree';

export interface WellFormed {
  /** The document's value, as JSON.parse reads it. */
  readonly value: unknown;
  /**
   * How many names the text writes. JSON.parse keeps only the last of names an object repeats,
   * so `value` holds fewer exactly when some object repeats one (normalizePlain counts them).
   */
  readonly names: number;
  /**
   * Each object and array of the text, in text order: where it opens, where it ends (after its
   * closing bracket) and how many commas it holds directly (its members less one, if any).
   */
  readonly opens: Int32Array;
  readonly ends: Int32Array;
  readonly commas: Int32Array;
  /**
   * For each container, the index of the first container that opens after it ends (`count` when
   * none does): its next sibling, if that opens before their parent ends.
   */
  readonly after: Int32Array;
  /**
   * Where each line starts, the first at 0 (as LineMap finds them): a well-formed text breaks
   * lines only between tokens, where this scan looks at every character anyway, so a long
   * document is not searched a second time for its line ends when something in it is reported.
   */
  readonly lineStarts: Int32Array;
}

/** The text's value and structure when it is well-formed JSON, else undefined (then the tolerant parser reads it, and reports what is wrong). */
export function readWellFormed(text: string): WellFormed | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return { value, ...scanStructure(text) };
}

/** How many names a well-formed text writes. */
export function writtenNames(text: string): number {
  return scanStructure(text).names;
}

/**
 * One pass over a well-formed text: how many names it writes (in well-formed JSON every colon
 * outside a string follows a name), where each container ends and how many members it has, so
 * that reading a container later never scans what it holds, and where its lines start. Its
 * unescaped quotes open and close strings in turn; no string holds a line end.
 */
function scanStructure(text: string): Omit<WellFormed, 'value'> {
  let names = 0;
  // Sized for a usual document at once: growing them in the middle of the scan is rare, and costs
  // more than copying (the scan's compiled code had never run that way, and is thrown away).
  let opens: Int32Array = new Int32Array(Math.max(64, text.length >> 6));
  let ends: Int32Array = new Int32Array(opens.length);
  let commas: Int32Array = new Int32Array(opens.length);
  let after: Int32Array = new Int32Array(opens.length);
  let count = 0;
  let lineStarts: Int32Array = new Int32Array(Math.max(64, text.length >> 4));
  let lines = 1;
  const open: number[] = [];
  let current = -1;
  for (let pos = 0; pos < text.length; pos++) {
    const code = text.charCodeAt(pos);
    if (code <= 0x20) {
      if (code !== 0x0a && code !== 0x0d) continue;
      // "\r\n" ends one line; a lone "\r" ends one too.
      if (code === 0x0d && text.charCodeAt(pos + 1) === 0x0a) pos++;
      if (lines === lineStarts.length) lineStarts = grown(lineStarts);
      lineStarts[lines++] = pos + 1;
      // The indentation that follows, in a loop of its own: most of a pretty-printed text's
      // characters, and the scan runs mostly before V8 has optimized it.
      while (text.charCodeAt(pos + 1) === 0x20) pos++;
    } else if (code === 0x22) {
      pos = stringEnd(text, pos) - 1;
    } else if (code === 0x2c) {
      commas[current]++;
    } else if (code === 0x3a) {
      names++;
    } else if (code === 0x7b || code === 0x5b) {
      if (count === opens.length) {
        opens = grown(opens);
        ends = grown(ends);
        commas = grown(commas);
        after = grown(after);
      }
      opens[count] = pos;
      open.push(current);
      current = count++;
    } else if (code === 0x7d || code === 0x5d) {
      ends[current] = pos + 1;
      after[current] = count;
      current = open.pop()!;
    }
  }
  return {
    names,
    opens: opens.subarray(0, count),
    ends: ends.subarray(0, count),
    commas: commas.subarray(0, count),
    after: after.subarray(0, count),
    lineStarts: lineStarts.subarray(0, lines),
  };
}

function grown(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** After the closing quote of the string whose opening quote is at `from`. */
function stringEnd(text: string, from: number): number {
  let quote = from;
  for (;;) {
    quote = text.indexOf('"', quote + 1);
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
  }
}

/** The document holder (its value in slot 0) of a well-formed text, whose containers are read on first use. */
export function wellFormedSource(text: string, structure: WellFormed): SourceContainer {
  const reader = new MemberReader(text, structure);
  const document = new SourceContainer(reader.readMembers('array', reader.skipWhitespace(0), 1), 'array', -1, undefined, 0);
  document.memberCount = 1;
  return document;
}

class MemberReader {
  /** Bound once: every store of the document shares it. */
  private readonly read = (owner: SourceContainer, slot: number): SourceContainer => {
    const offset = owner.span(slot, VALUE_OFFSET);
    const type = this.text.charCodeAt(offset) === 0x7b ? 'object' : 'array';
    const index = this.containerIndex(offset);
    const count = this.memberCount(offset, index);
    const store =
      (type === 'array' && this.containerElements(index, count)) ||
      this.readMembers(type, this.skipWhitespace(offset + 1), count);
    const container = new SourceContainer(store, type, offset, owner, slot);
    container.length = owner.span(slot, VALUE_LENGTH);
    container.memberCount = store.count;
    return container;
  };

  constructor(
    private readonly text: string,
    private readonly structure: WellFormed,
  ) {}

  /**
   * Reads `count` members of an object or array from `start` (the document holder's one value,
   * for the holder). Nested containers stay unread.
   */
  readMembers(type: 'object' | 'array', start: number, count: number): SourceStore {
    const text = this.text;
    const isObject = type === 'object';
    const keys = new Array<string>(count);
    const values = new Array<unknown>(count);
    const spans = new Int32Array(count * SPAN_STRIDE);
    let pos = start;
    for (let i = 0; i < count; i++) {
      if (i > 0) pos = this.skipWhitespace(this.skipWhitespace(pos) + 1); // past the comma
      let keyOffset = -1;
      let keyLength = -1;
      let key = '';
      if (isObject) {
        keyOffset = pos;
        pos = stringEnd(text, pos);
        keyLength = pos - keyOffset;
        key = this.stringValue(keyOffset, pos);
        // Past the colon and the whitespace around it.
        pos = this.skipWhitespace(this.skipWhitespace(pos) + 1);
      }
      const valueOffset = pos;
      const code = text.charCodeAt(pos);
      let value: unknown;
      if (code === 0x7b || code === 0x5b) {
        pos = this.structure.ends[this.containerIndex(pos)];
        value = UNREAD;
      } else if (code === 0x22) {
        pos = stringEnd(text, pos);
        value = this.stringValue(valueOffset, pos);
      } else {
        pos = this.scalarEnd(pos);
        value = JSON.parse(text.slice(valueOffset, pos)) as unknown;
      }
      keys[i] = key;
      values[i] = value;
      // As the builder records them: a member ends with its value; array elements have no key and no end.
      const at = i * SPAN_STRIDE;
      spans[at + KEY_OFFSET] = keyOffset;
      spans[at + KEY_LENGTH] = keyLength;
      spans[at + VALUE_OFFSET] = valueOffset;
      spans[at + VALUE_LENGTH] = pos - valueOffset;
      spans[at + MEMBER_END] = isObject ? pos : -1;
    }
    const store = new SourceStore();
    store.keys = keys;
    store.values = values;
    store.spans = spans;
    store.count = count;
    store.reader = this.read;
    return store;
  }

  /**
   * The members of an array whose elements are all objects or arrays (a line-item array), read
   * from the scan alone: their spans are the scan's, so the array's text is not read again, which
   * for a long order's lines was most of reporting the first of them. Undefined when some element
   * is something else.
   */
  private containerElements(index: number, count: number): SourceStore | undefined {
    const { opens, ends, after } = this.structure;
    const end = ends[index];
    let child = index + 1;
    const spans = new Int32Array(count * SPAN_STRIDE);
    for (let i = 0; i < count; i++, child = after[child]) {
      if (!(child < opens.length && opens[child] < end)) return undefined;
      const at = i * SPAN_STRIDE;
      spans[at + KEY_OFFSET] = -1;
      spans[at + KEY_LENGTH] = -1;
      spans[at + VALUE_OFFSET] = opens[child];
      spans[at + VALUE_LENGTH] = ends[child] - opens[child];
      spans[at + MEMBER_END] = -1;
    }
    const store = new SourceStore();
    store.keys = new Array<string>(count).fill('');
    store.values = new Array<unknown>(count).fill(UNREAD);
    store.spans = spans;
    store.count = count;
    store.reader = this.read;
    return store;
  }

  /** How many members the container that opens at `offset` (the scan's `index`) holds. */
  private memberCount(offset: number, index: number): number {
    const { ends, commas } = this.structure;
    // Empty when only whitespace lies between its brackets.
    return this.skipWhitespace(offset + 1) === ends[index] - 1 ? 0 : commas[index] + 1;
  }

  skipWhitespace(from: number): number {
    const text = this.text;
    let pos = from;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return pos;
      pos++;
    }
  }

  /** The string literal from `start` to `end` (quotes included), escapes decoded as JSON.parse does. */
  private stringValue(start: number, end: number): string {
    const inner = this.text.slice(start + 1, end - 1);
    return inner.includes('\\') ? (JSON.parse(this.text.slice(start, end)) as string) : inner;
  }

  /** The scan's index of the object or array that opens at `offset`. */
  private containerIndex(offset: number): number {
    const { opens } = this.structure;
    let low = 0;
    let high = opens.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (opens[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /** After a number, true, false or null. */
  private scalarEnd(from: number): number {
    const text = this.text;
    let pos = from;
    for (;;) {
      const code = text.charCodeAt(pos);
      // Ends at whitespace, a comma, a closing bracket or the end of the text (NaN).
      if (!(code > 0x20) || code === 0x2c || code === 0x7d || code === 0x5d) return pos;
      pos++;
    }
  }
}
