// Offsets ↔ line/character positions for one text, with the same answers as
// vscode-languageserver-textdocument (\r\n, \r and \n end a line; positions never land between the
// \r and \n of a line end). The line starts are found on first use: a valid document asks for
// no position at all, and a long one has thousands of lines. A well-formed document's come with
// the scan that reads its structure (wellFormedSource.ts), which passes every line end anyway.
import { type Position } from 'vscode-languageserver-types';

export interface LineLookup {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export class LineMap implements LineLookup {
  /** Begins with 0 and is ascending, one entry per line; undefined until first needed. */
  private starts: Int32Array | undefined;

  private constructor(
    private readonly text: string,
    starts?: Int32Array,
  ) {
    this.starts = starts;
  }

  /** `starts`, when the caller found them already (wellFormedSource.ts), are the ones this would find. */
  static of(text: string, starts?: Int32Array): LineMap {
    return new LineMap(text, starts);
  }

  private get lineStarts(): Int32Array {
    return (this.starts ??= findLineStarts(this.text));
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(Math.min(offset, this.text.length), 0);
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (starts[mid] > clamped) high = mid;
      else low = mid + 1;
    }
    const line = low - 1;
    return { line, character: this.beforeLineEnd(clamped, starts[line]) - starts[line] };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line];
    if (position.character <= 0) return start;
    const next = position.line + 1 < starts.length ? starts[position.line + 1] : this.text.length;
    return this.beforeLineEnd(Math.min(start + position.character, next), start);
  }

  private beforeLineEnd(offset: number, lineStart: number): number {
    let result = offset;
    while (result > lineStart && isLineEnd(this.text.charCodeAt(result - 1))) result--;
    return result;
  }
}

/** Native searches instead of a character loop; each kind of line end is searched again only once passed. */
function findLineStarts(text: string): Int32Array {
  // Room for a line every 32 characters, about what a pretty-printed order has, so that a long one is copied once or twice.
  const starts = new LineStarts(text.length >> 5);
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  while (lf !== -1 || cr !== -1) {
    let end: number;
    if (cr === -1 || (lf !== -1 && lf < cr)) end = lf + 1;
    else end = cr + (lf === cr + 1 ? 2 : 1);
    starts.push(end);
    if (lf !== -1 && lf < end) lf = text.indexOf('\n', end);
    if (cr !== -1 && cr < end) cr = text.indexOf('\r', end);
  }
  return starts.done();
}

function isLineEnd(code: number): boolean {
  return code === 10 || code === 13;
}

/**
 * Collects line starts in a typed array that doubles as it fills: a long document has thousands
 * of lines, and a plain array grown by push left several copies of them behind for the collector.
 */
class LineStarts {
  private starts: Int32Array;
  private count = 1;

  constructor(expected: number) {
    this.starts = new Int32Array(Math.max(expected, 256));
  }

  push(offset: number): void {
    if (this.count === this.starts.length) {
      const grown = new Int32Array(this.count * 2);
      grown.set(this.starts);
      this.starts = grown;
    }
    this.starts[this.count++] = offset;
  }

  /** The starts so far (the first is 0), as a view of exactly that length. */
  done(): Int32Array {
    return this.starts.subarray(0, this.count);
  }
}
