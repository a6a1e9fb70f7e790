// One way to build a diagnostic: stable code, default severity for the code, our source, and the
// quick fixes attached as data.
import { type Diagnostic, type Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, defaultSeverity } from './codes';
import { type FixSpec } from './fixes';
import { nodeRange, type ParsedRequest, rangeOf } from './parsedRequest';
import { KEY_LENGTH, KEY_OFFSET, type SourceContainer, type SourceNode } from './sourceTree';

export function diagnostic(range: Range, code: string, message: string, fixes: FixSpec[] = []): Diagnostic {
  const result: Diagnostic = { range, severity: defaultSeverity(code), code, source: DIAGNOSTIC_SOURCE, message };
  if (fixes.length > 0) result.data = { fixes };
  return result;
}

/**
 * Where to point at a whole object or array: its property name when it has one (short, and what
 * people look at), otherwise its opening bracket.
 */
export function anchorRange(parsed: ParsedRequest, node: SourceNode): Range {
  if (node.owner.type === 'object') return keyRange(parsed, node.owner, node.slot);
  if (node.type === 'object' || node.type === 'array') return rangeOf(parsed, node.offset, 1);
  return nodeRange(parsed, node);
}

/** The range of an object member's name, quotes included. */
export function keyRange(parsed: ParsedRequest, object: SourceContainer, slot: number): Range {
  return rangeOf(parsed, object.span(slot, KEY_OFFSET), object.span(slot, KEY_LENGTH));
}

/** A JSON literal for a value, as it appears in a replacement. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value);
}
