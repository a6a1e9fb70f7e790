// A request document parsed once per version: its tree (values, names and offsets), the syntax
// errors and the line map that turns offsets into LSP positions. Validation, completion, hover,
// quick fixes and the CLI all read this one object (the server keeps one per document version).
// Well-formed JSON is read by JSON.parse, and its tree only where something is reported
// (wellFormedSource.ts); anything else by the tolerant parser, which reports each error.
import { type ParseError } from 'jsonc-parser';
import { type Range } from 'vscode-languageserver-types';
import { LineMap, type LineLookup } from './lineMap';
import { tolerantParse } from './tolerantParse';
import { memberNode, SourceContainer, type SourceNode, SourceStore } from './sourceTree';
import { readWellFormed, type WellFormed, wellFormedSource } from './wellFormedSource';

/** Documents above this size are not checked: parsing tens of megabytes on every keystroke would stall the editor. */
export const DEFAULT_MAX_DOCUMENT_LENGTH = 5 * 1024 * 1024;

export interface ParsedRequest {
  readonly uri: string;
  readonly text: string;
  readonly lines: LineLookup;
  /** Holds the document's value in slot 0; empty for an empty document, or when `skipped` says why it was not parsed. */
  readonly source: SourceContainer;
  readonly syntaxErrors: readonly ParseError[];
  /**
   * The document's value as JSON.parse reads it, when the text is well-formed JSON: checks read
   * values here and ask `source` only for where something is (unless an object repeats a name,
   * which JSON.parse keeps once; see normalizePlain).
   */
  readonly wellFormed?: WellFormed;
  readonly skipped?: 'tooLarge' | 'tooDeep';
  /** The size above which a document is not checked (`skipped: 'tooLarge'`), in UTF-16 code units. */
  readonly maxLength: number;
}

/**
 * The one parse of a document. Well-formed JSON (nearly every request body) is read by the native
 * JSON.parse, its tree only on demand; anything else by the tolerant parser, which reports each
 * error. What follows reads the same tree either way.
 */
export function parseRequest(uri: string, text: string, maxLength = DEFAULT_MAX_DOCUMENT_LENGTH): ParsedRequest {
  const empty = () => new SourceContainer(new SourceStore(), 'array', -1, undefined, 0);
  if (text.length > maxLength) {
    return { uri, text, lines: LineMap.of(text), source: empty(), syntaxErrors: [], maxLength, skipped: 'tooLarge' };
  }
  const wellFormed = readWellFormed(text);
  if (wellFormed) {
    const lines = LineMap.of(text, wellFormed.lineStarts);
    return { uri, text, lines, source: wellFormedSource(text, wellFormed), syntaxErrors: [], maxLength, wellFormed };
  }
  const lines = LineMap.of(text);
  try {
    const { document, errors } = tolerantParse(text);
    return { uri, text, lines, source: document, syntaxErrors: errors, maxLength };
  } catch (err) {
    // jsonc-parser descends recursively; absurd nesting exhausts the stack. Report, never crash.
    if (err instanceof RangeError) {
      return { uri, text, lines, source: empty(), syntaxErrors: [], maxLength, skipped: 'tooDeep' };
    }
    throw err;
  }
}

/** The document's value, or undefined for an empty (or skipped) document. */
export function sourceRoot(parsed: ParsedRequest): SourceNode | undefined {
  return memberNode(parsed.source, 0);
}

export function rangeOf(parsed: ParsedRequest, offset: number, length: number): Range {
  return { start: parsed.lines.positionAt(offset), end: parsed.lines.positionAt(offset + length) };
}

/** The range of anything with an offset and length: a value of the tree, or the token being typed. */
export function nodeRange(parsed: ParsedRequest, node: { offset: number; length: number }): Range {
  return rangeOf(parsed, node.offset, node.length);
}
