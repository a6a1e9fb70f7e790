// A request document parsed once: the source tree (values and offsets, for validation), the
// syntax errors, the line map that turns offsets into LSP positions, and, built only when
// completion or hover first asks, jsonc-parser's node tree. Everything else reads this object,
// never the text.
import { type Node, type ParseError, parseTree } from 'jsonc-parser';
import { type Range } from 'vscode-languageserver-types';
import { LineMap, type LineLookup } from './lineMap';
import { strictParse } from './strictParse';
import { tolerantParse } from './tolerantParse';
import { memberNode, SourceContainer, type SourceNode, SourceStore } from './sourceTree';

/** Documents above this size are not checked: parsing tens of megabytes on every keystroke would stall the editor. */
export const DEFAULT_MAX_DOCUMENT_LENGTH = 5 * 1024 * 1024;

export interface ParsedRequest {
  readonly uri: string;
  readonly text: string;
  readonly lines: LineLookup;
  /** Holds the document's value in slot 0; empty for an empty document, or when `skipped` says why it was not parsed. */
  readonly source: SourceContainer;
  /** jsonc-parser's tree of the same text, for completion and hover; made on first use. */
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly ParseError[];
  readonly skipped?: 'tooLarge' | 'tooDeep';
  /** The size above which a document is not checked (`skipped: 'tooLarge'`), in UTF-16 code units. */
  readonly maxLength: number;
  /** The document's own `$schema`, which can select the request kind. */
  readonly schemaRef?: string;
}

const PARSE_OPTIONS = { allowTrailingComma: false, disallowComments: true };

class ParsedDocument implements ParsedRequest {
  private tree: Node | undefined | null = null;

  constructor(
    readonly uri: string,
    readonly text: string,
    readonly lines: LineLookup,
    readonly source: SourceContainer,
    readonly syntaxErrors: readonly ParseError[],
    readonly maxLength: number,
    readonly skipped?: 'tooLarge' | 'tooDeep',
  ) {}

  get root(): Node | undefined {
    if (this.tree === null) this.tree = this.skipped || this.source.memberCount === 0 ? undefined : parseTree(this.text, [], PARSE_OPTIONS);
    return this.tree;
  }

  get schemaRef(): string | undefined {
    // Like jsonc-parser's findNodeAtLocation: the first "$schema" (exact spelling) that has a value.
    const root = memberNode(this.source, 0);
    if (!(root?.value instanceof SourceContainer) || root.type !== 'object') return undefined;
    const object = root.value;
    for (let i = 0; i < object.memberCount; i++) {
      const value = object.value(i);
      if (object.key(i) === '$schema' && value !== undefined) return typeof value === 'string' ? value : undefined;
    }
    return undefined;
  }
}

export function parseRequest(uri: string, text: string, maxLength = DEFAULT_MAX_DOCUMENT_LENGTH): ParsedRequest {
  const empty = () => new SourceContainer(new SourceStore(), 'array', -1, undefined, 0);
  if (text.length > maxLength) return new ParsedDocument(uri, text, LineMap.of(text), empty(), [], maxLength, 'tooLarge');
  const strict = strictParse(text);
  if (strict) return new ParsedDocument(uri, text, new LineMap(text, strict.lineStarts), strict.document, [], maxLength);
  try {
    const { document, errors } = tolerantParse(text);
    return new ParsedDocument(uri, text, LineMap.of(text), document, errors, maxLength);
  } catch (err) {
    // jsonc-parser descends recursively; absurd nesting exhausts the stack. Report, never crash.
    if (err instanceof RangeError) return new ParsedDocument(uri, text, LineMap.of(text), empty(), [], maxLength, 'tooDeep');
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

/** The range of anything with an offset and length: a jsonc-parser node or a source node. */
export function nodeRange(parsed: ParsedRequest, node: { offset: number; length: number }): Range {
  return rangeOf(parsed, node.offset, node.length);
}

// jsonc-parser tree lookups, for completion and quick fixes (validation reads the source tree).

/**
 * The node at a path of canonical names: keys match without regard to case (that is how Partner
 * Center reads them), and with duplicate keys the last one wins, as in JSON.parse.
 */
export function nodeAtPath(root: Node | undefined, path: readonly (string | number)[]): Node | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.type === 'array') {
      node = node.children?.[typeof segment === 'number' ? segment : Number(segment)];
    } else if (node.type === 'object') {
      node = propertyNode(node, String(segment))?.children?.[1];
    } else {
      return undefined;
    }
  }
  return node;
}

/** The property node of an object with this name (any casing, last one wins). */
export function propertyNode(objectNode: Node, name: string): Node | undefined {
  const children = objectNode.children ?? [];
  // Names are nearly always written canonically: compare exactly first, fold case only if needed.
  for (let i = children.length - 1; i >= 0; i--) {
    if (children[i].children?.[0]?.value === name) return children[i];
  }
  const folded = name.toLowerCase();
  for (let i = children.length - 1; i >= 0; i--) {
    const key = children[i].children?.[0]?.value;
    if (typeof key === 'string' && key.length === folded.length && key.toLowerCase() === folded) return children[i];
  }
  return undefined;
}
