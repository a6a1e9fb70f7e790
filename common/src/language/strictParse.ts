// The fast path: a parser for well-formed JSON only (RFC 8259, whitespace limited to space, tab and
// line ends, nesting up to MAX_DEPTH) that feeds the source-tree builder directly and notes line
// starts on the way. At the first thing it does not expect it gives up, and the caller parses
// with jsonc-parser instead, which reports the errors. For any text it accepts, jsonc-parser
// reports no error and would send the builder the same events.
import { LineStarts } from './lineMap';
import { MAX_DEPTH } from './normalize';
import { SourceBuilder } from './sourceBuilder';
import { type SourceContainer } from './sourceTree';

export interface StrictResult {
  document: SourceContainer;
  lineStarts: Int32Array;
}

/** Thrown to leave the descent at once; caught in strictParse. */
const GIVE_UP = new Error('not strict JSON');

export function strictParse(text: string): StrictResult | undefined {
  const parser = new StrictParser(text);
  try {
    parser.document();
  } catch (err) {
    if (err === GIVE_UP) return undefined;
    throw err;
  }
  return { document: parser.builder.finish(), lineStarts: parser.lineStarts.done() };
}

class StrictParser {
  readonly builder: SourceBuilder;
  readonly lineStarts = new LineStarts();
  private pos = 0;
  /**
   * The last name and string value read at each member position. Sibling objects (line items)
   * repeat their names and many values in the same order: reusing the string already made saves
   * an allocation, and a name that is the same string object is a cheaper property lookup later.
   */
  private readonly names: string[] = [];
  private readonly strings: string[] = [];
  /**
   * How many times in a row reusing failed at each value position. Some positions change on every
   * line (ids, names); comparing with the previous one there is wasted work, so after two misses
   * it is tried only every eighth time.
   */
  private readonly misses: number[] = [];

  constructor(private readonly text: string) {
    this.builder = new SourceBuilder(text.length);
  }

  document(): void {
    this.skipWhitespace();
    this.element(0);
    this.skipWhitespace();
    if (this.pos !== this.text.length) throw GIVE_UP;
  }

  /** A value in an array (or the document holder), whose container is at `depth`. */
  private element(depth: number): void {
    const start = this.pos;
    const code = this.text.charCodeAt(start);
    if (code === 0x7b || code === 0x5b) return this.container(code === 0x7b ? 'object' : 'array', depth + 1);
    const value = this.scalar(-1);
    this.builder.element(value, start, this.pos - start);
  }

  /** A string, number or keyword; `member` is its position in its object, or -1 in an array. */
  private scalar(member: number): string | number | boolean | null {
    switch (this.text.charCodeAt(this.pos)) {
      case 0x22:
        return member >= 0 ? this.reusedValue(member) : this.string();
      case 0x74:
        return this.keyword('true', true);
      case 0x66:
        return this.keyword('false', false);
      case 0x6e:
        return this.keyword('null', null);
      default:
        return this.number();
    }
  }

  // Objects and arrays tell the builder only what it cannot be told in one call: a member with a
  // scalar value goes over whole, and commas are not reported (in well-formed JSON every member
  // is complete before its comma, so the builder would have nothing to do with them). Whitespace
  // is skipped by a call only where there is some: the calls, not the characters, were the cost.
  private container(type: 'object' | 'array', depth: number): void {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    this.builder.beginContainer(type, this.pos);
    this.pos++;
    this.skipWhitespace();
    const close = type === 'object' ? 0x7d : 0x5d;
    if (this.text.charCodeAt(this.pos) !== close) {
      if (type === 'object') this.members(depth);
      else this.elements(depth);
    }
    this.builder.endContainer(this.pos, 1);
    this.pos++;
  }

  /** The members of a non-empty object at `depth`, up to its closing brace. */
  private members(depth: number): void {
    const text = this.text;
    for (let member = 0; ; member++) {
      const keyStart = this.pos;
      if (text.charCodeAt(keyStart) !== 0x22) throw GIVE_UP;
      const key = this.reusedString(this.names, member);
      const keyLength = this.pos - keyStart;
      if (text.charCodeAt(this.pos) <= 0x20) this.skipWhitespace();
      if (text.charCodeAt(this.pos) !== 0x3a) throw GIVE_UP;
      this.pos++;
      // Nearly always one space after the colon.
      if (text.charCodeAt(this.pos) === 0x20 && text.charCodeAt(this.pos + 1) > 0x20) this.pos++;
      else if (text.charCodeAt(this.pos) <= 0x20) this.skipWhitespace();
      const valueStart = this.pos;
      const code = text.charCodeAt(valueStart);
      if (code === 0x7b || code === 0x5b) {
        this.builder.property(key, keyStart, keyLength);
        this.container(code === 0x7b ? 'object' : 'array', depth + 1);
      } else {
        const value = this.scalar(member);
        this.builder.member(key, keyStart, keyLength, value, valueStart, this.pos - valueStart);
      }
      if (this.closesAfter(0x7d)) return;
    }
  }

  /** The elements of a non-empty array at `depth`, up to its closing bracket. */
  private elements(depth: number): void {
    for (;;) {
      this.element(depth);
      if (this.closesAfter(0x5d)) return;
    }
  }

  /**
   * After a member or element: true at the container's closing bracket `close` (left for the
   * caller), past the comma and the space after it otherwise.
   */
  private closesAfter(close: number): boolean {
    if (this.text.charCodeAt(this.pos) <= 0x20) this.skipWhitespace();
    const next = this.text.charCodeAt(this.pos);
    if (next === close) return true;
    if (next !== 0x2c) throw GIVE_UP;
    this.pos++;
    this.skipWhitespace();
    return false;
  }

  /** reusedString() for values, skipping the comparison at positions where it keeps failing. */
  private reusedValue(member: number): string {
    const misses = this.misses[member] ?? 0;
    if (misses < 2 || (misses & 7) === 0) {
      const previous = this.strings[member];
      const value = this.reusedString(this.strings, member);
      this.misses[member] = value === previous ? 0 : misses + 1;
      return value;
    }
    this.misses[member] = misses + 1;
    const start = this.pos + 1;
    const value = this.string();
    if (this.pos - start - 1 === value.length) this.strings[member] = value;
    return value;
  }

  /** Like string(), but returns the string last read at this member position when the text is the same. */
  private reusedString(cache: string[], member: number): string {
    const text = this.text;
    const start = this.pos + 1;
    const previous = cache[member];
    // A cached string has no quote, backslash or control character, so equal text means an equal string.
    if (previous !== undefined && text.charCodeAt(start + previous.length) === 0x22 && text.startsWith(previous, start)) {
      this.pos = start + previous.length + 1;
      return previous;
    }
    const value = this.string();
    if (this.pos - start - 1 === value.length) cache[member] = value;
    return value;
  }

  /** A string literal at `pos` (the opening quote); leaves `pos` after the closing quote. */
  private string(): string {
    const text = this.text;
    let pos = this.pos + 1;
    const start = pos;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === 0x22) {
        this.pos = pos + 1;
        return text.slice(start, pos);
      }
      // Escapes are rare in request bodies: decode them on a slower path. Control characters
      // (and NaN past the end) are not allowed in a JSON string.
      if (code === 0x5c) return this.escapedString(start, pos);
      if (!(code >= 0x20)) throw GIVE_UP;
      pos++;
    }
  }

  private escapedString(start: number, firstEscape: number): string {
    const text = this.text;
    let result = text.slice(start, firstEscape);
    let pos = firstEscape;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === 0x22) break;
      if (code === 0x5c) {
        const escaped = text.charCodeAt(pos + 1);
        const simple = ESCAPES.get(escaped);
        if (simple !== undefined) {
          result += simple;
          pos += 2;
        } else if (escaped === 0x75 && /^[0-9a-fA-F]{4}$/.test(text.substr(pos + 2, 4))) {
          result += String.fromCharCode(parseInt(text.substr(pos + 2, 4), 16));
          pos += 6;
        } else {
          throw GIVE_UP;
        }
        continue;
      }
      if (!(code >= 0x20)) throw GIVE_UP;
      result += text[pos];
      pos++;
    }
    this.pos = pos + 1;
    return result;
  }

  private number(): number {
    const text = this.text;
    const start = this.pos;
    let pos = start;
    const negative = text.charCodeAt(pos) === 0x2d;
    if (negative) pos++;
    // Integers are computed while scanning (no substring to convert); exact up to 15 digits.
    let integer = 0;
    const digitsStart = pos;
    if (text.charCodeAt(pos) === 0x30) {
      pos++;
    } else if (isDigit(text.charCodeAt(pos))) {
      while (isDigit(text.charCodeAt(pos))) integer = integer * 10 + text.charCodeAt(pos++) - 0x30;
    } else {
      throw GIVE_UP;
    }
    const next = text.charCodeAt(pos);
    if (next !== 0x2e && next !== 0x65 && next !== 0x45 && pos - digitsStart <= 15) {
      this.pos = pos;
      // -0 stays -0, as Number("-0") would make it.
      return negative ? -integer : integer;
    }
    if (text.charCodeAt(pos) === 0x2e) {
      if (!isDigit(text.charCodeAt(pos + 1))) throw GIVE_UP;
      pos = skipDigits(text, pos + 1);
    }
    const e = text.charCodeAt(pos);
    if (e === 0x65 || e === 0x45) {
      pos++;
      const sign = text.charCodeAt(pos);
      if (sign === 0x2b || sign === 0x2d) pos++;
      if (!isDigit(text.charCodeAt(pos))) throw GIVE_UP;
      pos = skipDigits(text, pos);
    }
    this.pos = pos;
    return Number(text.slice(start, pos));
  }

  private keyword(word: string, value: boolean | null): boolean | null {
    if (!this.text.startsWith(word, this.pos)) throw GIVE_UP;
    this.pos += word.length;
    return value;
  }

  /** Space, tab and line ends; records where each line starts. */
  private skipWhitespace(): void {
    const text = this.text;
    let pos = this.pos;
    // Most calls find a token right away (after a key, before a comma).
    const first = text.charCodeAt(pos);
    if (first > 0x20) return;
    for (;;) {
      const code = text.charCodeAt(pos);
      if (code === 0x20 || code === 0x09) {
        pos++;
      } else if (code === 0x0a) {
        pos++;
        this.lineStarts.push(pos);
      } else if (code === 0x0d) {
        pos += text.charCodeAt(pos + 1) === 0x0a ? 2 : 1;
        this.lineStarts.push(pos);
      } else {
        break;
      }
    }
    this.pos = pos;
  }
}

const ESCAPES = new Map<number, string>([
  [0x22, '"'],
  [0x5c, '\\'],
  [0x2f, '/'],
  [0x62, '\b'],
  [0x66, '\f'],
  [0x6e, '\n'],
  [0x72, '\r'],
  [0x74, '\t'],
]);

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function skipDigits(text: string, from: number): number {
  let pos = from;
  while (isDigit(text.charCodeAt(pos))) pos++;
  return pos;
}
