// The fast path: a parser for well-formed JSON only (RFC 8259, whitespace limited to space, tab and
// line ends, nesting up to MAX_DEPTH) that feeds the source-tree builder directly and notes line
// starts on the way. At the first thing it does not expect it gives up, and the caller parses
// with jsonc-parser instead, which reports the errors. For any text it accepts, jsonc-parser
// reports no error and would send the builder the same events.
import { MAX_DEPTH } from './normalize';
import { SourceBuilder } from './sourceBuilder';
import { type SourceContainer } from './sourceTree';

export interface StrictResult {
  document: SourceContainer;
  lineStarts: number[];
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
  return { document: parser.builder.finish(), lineStarts: parser.lineStarts };
}

class StrictParser {
  readonly builder = new SourceBuilder();
  readonly lineStarts = [0];
  private pos = 0;
  /**
   * The last name and string value read at each member position. Sibling objects (line items)
   * repeat their names and many values in the same order: reusing the string already made saves
   * an allocation, and a name that is the same string object is a cheaper property lookup later.
   */
  private readonly names: string[] = [];
  private readonly strings: string[] = [];

  constructor(private readonly text: string) {}

  document(): void {
    this.skipWhitespace();
    this.value(0, -1);
    this.skipWhitespace();
    if (this.pos !== this.text.length) throw GIVE_UP;
  }

  /** `member` is the value's position in its object, or -1 in an array. */
  private value(depth: number, member: number): void {
    const start = this.pos;
    switch (this.text.charCodeAt(start)) {
      case 0x7b: return this.object(depth + 1);
      case 0x5b: return this.array(depth + 1);
      case 0x22: {
        const value = member >= 0 ? this.reusedString(this.strings, member) : this.string();
        this.builder.scalar(value, start, this.pos - start);
        return;
      }
      case 0x74: return this.keyword('true', true);
      case 0x66: return this.keyword('false', false);
      case 0x6e: return this.keyword('null', null);
      default: {
        const value = this.number();
        this.builder.scalar(value, start, this.pos - start);
      }
    }
  }

  private object(depth: number): void {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const text = this.text;
    this.builder.beginContainer('object', this.pos);
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) !== 0x7d) {
      for (let member = 0; ; member++) {
        const keyStart = this.pos;
        if (text.charCodeAt(keyStart) !== 0x22) throw GIVE_UP;
        const key = this.reusedString(this.names, member);
        this.builder.property(key, keyStart, this.pos - keyStart);
        this.skipWhitespace();
        if (text.charCodeAt(this.pos) !== 0x3a) throw GIVE_UP;
        this.pos++;
        this.skipWhitespace();
        this.value(depth, member);
        this.skipWhitespace();
        const next = text.charCodeAt(this.pos);
        if (next === 0x7d) break;
        if (next !== 0x2c) throw GIVE_UP;
        this.builder.comma(this.pos);
        this.pos++;
        this.skipWhitespace();
      }
    }
    this.builder.endContainer(this.pos, 1);
    this.pos++;
  }

  private array(depth: number): void {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const text = this.text;
    this.builder.beginContainer('array', this.pos);
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) !== 0x5d) {
      for (;;) {
        this.value(depth, -1);
        this.skipWhitespace();
        const next = text.charCodeAt(this.pos);
        if (next === 0x5d) break;
        if (next !== 0x2c) throw GIVE_UP;
        this.builder.comma(this.pos);
        this.pos++;
        this.skipWhitespace();
      }
    }
    this.builder.endContainer(this.pos, 1);
    this.pos++;
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

  private keyword(word: string, value: boolean | null): void {
    const start = this.pos;
    if (!this.text.startsWith(word, start)) throw GIVE_UP;
    this.pos += word.length;
    this.builder.scalar(value, start, word.length);
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

const ESCAPES = new Map<number, string>([[0x22, '"'], [0x5c, '\\'], [0x2f, '/'], [0x62, '\b'], [0x66, '\f'], [0x6e, '\n'], [0x72, '\r'], [0x74, '\t']]);

function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

function skipDigits(text: string, from: number): number {
  let pos = from;
  while (isDigit(text.charCodeAt(pos))) pos++;
  return pos;
}
