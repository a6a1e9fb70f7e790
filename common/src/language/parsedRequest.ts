// A request document parsed once: the jsonc-parser tree (for ranges), the syntax errors, and the
// helpers that turn tree nodes into LSP ranges. Everything else reads this object, never the text.
import { type Node, type ParseError, parseTree, findNodeAtLocation } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type Range } from 'vscode-languageserver-types';

/** Documents above this size are not checked: parsing tens of megabytes on every keystroke would stall the editor. */
export const DEFAULT_MAX_DOCUMENT_LENGTH = 5 * 1024 * 1024;

export interface ParsedRequest {
  readonly uri: string;
  readonly text: string;
  readonly lines: TextDocument;
  /** Undefined for an empty document, or when `skipped` says why it was not parsed. */
  readonly root: Node | undefined;
  readonly syntaxErrors: readonly ParseError[];
  readonly skipped?: 'tooLarge' | 'tooDeep';
  /** The document's own `$schema`, which can select the request kind. */
  readonly schemaRef?: string;
}

export function parseRequest(uri: string, text: string, maxLength = DEFAULT_MAX_DOCUMENT_LENGTH): ParsedRequest {
  const lines = TextDocument.create(uri, 'json', 0, text);
  if (text.length > maxLength) return { uri, text, lines, root: undefined, syntaxErrors: [], skipped: 'tooLarge' };
  const syntaxErrors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = parseTree(text, syntaxErrors, { allowTrailingComma: false, disallowComments: true });
  } catch (err) {
    // jsonc-parser descends recursively; absurd nesting exhausts the stack. Report, never crash.
    if (err instanceof RangeError) return { uri, text, lines, root: undefined, syntaxErrors: [], skipped: 'tooDeep' };
    throw err;
  }
  const schemaNode = root?.type === 'object' ? findNodeAtLocation(root, ['$schema']) : undefined;
  const schemaRef = typeof schemaNode?.value === 'string' ? schemaNode.value : undefined;
  return { uri, text, lines, root, syntaxErrors, skipped: undefined, schemaRef };
}

export function rangeOf(parsed: ParsedRequest, offset: number, length: number): Range {
  return { start: parsed.lines.positionAt(offset), end: parsed.lines.positionAt(offset + length) };
}

export function nodeRange(parsed: ParsedRequest, node: Node): Range {
  return rangeOf(parsed, node.offset, node.length);
}

/** The property node (key + value) that owns `node`, when `node` is a property value or key. */
export function owningProperty(node: Node): Node | undefined {
  return node.parent?.type === 'property' ? node.parent : undefined;
}

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

/** The path in the document's own spelling, for edits (jsonc-parser's modify matches keys exactly). */
export function ownPath(node: Node): (string | number)[] {
  const path: (string | number)[] = [];
  let current: Node | undefined = node;
  while (current?.parent) {
    const parent: Node = current.parent;
    if (parent.type === 'property') {
      path.unshift(String(parent.children?.[0].value));
      current = parent.parent;
    } else if (parent.type === 'array') {
      path.unshift(parent.children?.indexOf(current) ?? 0);
      current = parent;
    } else {
      current = parent;
    }
  }
  return path;
}
