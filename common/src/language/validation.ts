// Validation of one request document: syntax (optional: in VS Code the JSON extension reports it),
// casing notes, schema, then the cross-field and catalog rules. Pure: the same input gives the
// same diagnostics, in the server, the CLI and the tests.
import { type Diagnostic, type Range } from 'vscode-languageserver-types';
import { type Node, printParseErrorCode } from 'jsonc-parser';
import { CATALOG_OFF, type CatalogView } from './catalog';
import { codes } from './codes';
import { anchorRange, diagnostic, jsonText } from './diagnosticFactory';
import { normalize, type NormalizeNote, TooDeepError } from './normalize';
import { nodeRange, ownPath, type ParsedRequest, rangeOf } from './parsedRequest';
import { rules } from './rules';
import { type JsonObject } from './rules/ruleContext';
import { schemaDiagnostics } from './schemaDiagnostics';
import { rootSchema } from './schemaModel';
import { type RequestKind } from '../requestKinds';

export interface ValidationOptions {
  /** What the catalog says about the document's items; without it the catalog rules report they are off. */
  catalog?: CatalogView;
  /** The editor's JSON support already reports syntax errors; the CLI wants them. Default true. */
  reportSyntaxErrors?: boolean;
  /** "Today", for date rules (tests pin it). */
  now?: Date;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function validateRequest(parsed: ParsedRequest, kind: RequestKind, options: ValidationOptions = {}): Diagnostic[] {
  if (parsed.skipped === 'tooLarge') {
    return [diagnostic(START, codes.tooLarge, `This document is too large (${Math.round(parsed.text.length / 1024 / 1024)} MB) to check while typing; Partner Center request bodies are far smaller.`)];
  }
  if (parsed.skipped === 'tooDeep') return [tooDeep()];
  const out: Diagnostic[] = [];
  if (options.reportSyntaxErrors !== false) {
    for (const error of parsed.syntaxErrors) {
      out.push(diagnostic(rangeOf(parsed, error.offset, Math.max(error.length, 1)), codes.syntax, `Invalid JSON: ${describeSyntaxError(printParseErrorCode(error.error))}`));
    }
  }
  const root = parsed.root;
  if (!root) return out;
  if (root.type !== 'object') {
    out.push(diagnostic(nodeRange(parsed, root), codes.notAnObject, `A ${kind.title.toLowerCase()} body must be a JSON object.`));
    return out;
  }
  const schema = rootSchema(kind.id);
  let normalized;
  try {
    normalized = normalize(root, schema, { reportReadOnly: !kind.acceptsReadOnlyFields });
  } catch (err) {
    if (err instanceof TooDeepError || err instanceof RangeError) return [...out, tooDeep()];
    throw err;
  }
  for (const note of normalized.notes) out.push(noteDiagnostic(parsed, note));
  out.push(...schemaDiagnostics(parsed, kind.id, schema, normalized.value));
  const ctx = {
    parsed, root, kind,
    value: normalized.value as JsonObject,
    catalog: options.catalog ?? CATALOG_OFF,
    now: options.now ?? new Date(),
    report: (d: Diagnostic) => out.push(d),
  };
  for (const rule of rules) rule(ctx);
  return out;
}

function tooDeep(): Diagnostic {
  return diagnostic(START, codes.tooDeep, 'This document nests too deeply to be a Partner Center request; it was not checked.');
}

function describeSyntaxError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function noteDiagnostic(parsed: ParsedRequest, note: NormalizeNote): Diagnostic {
  switch (note.kind) {
    case 'propertyCasing': {
      const range = nodeRange(parsed, note.keyNode);
      return diagnostic(range, codes.propertyCasing, `Partner Center accepts "${String(note.keyNode.value)}", but its documented spelling is "${note.canonical}".`,
        [{ title: `Use "${note.canonical}"`, preferred: true, replace: [{ range, newText: jsonText(note.canonical) }] }]);
    }
    case 'valueCasing': {
      const range = nodeRange(parsed, note.valueNode);
      return diagnostic(range, codes.valueCasing, `Partner Center accepts "${String(note.valueNode.value)}", but its documented spelling is "${note.canonical}".`,
        [{ title: `Use "${note.canonical}"`, preferred: true, replace: [{ range, newText: jsonText(note.canonical) }] }]);
    }
    case 'duplicate':
      return diagnostic(nodeRange(parsed, note.keyNode), codes.duplicateProperty,
        `"${note.canonical}" appears more than once (names are read without regard to case); only the last one counts.`,
        [{ title: 'Remove this duplicate', preferred: true, replace: [{ range: propertyDeletionRange(parsed, note.keyNode.parent!), newText: '' }] }]);
    case 'readOnly':
      return diagnostic(anchorRange(parsed, note.propertyNode.children?.[1] ?? note.propertyNode), codes.readOnlyProperty,
        `"${note.name}" is filled in by Partner Center; it is ignored in a request.`,
        [{ title: `Remove "${note.name}"`, remove: ownPath(note.propertyNode.children![0]) }]);
  }
}

/** A property with the comma that separates it from its neighbour, so removing it leaves valid JSON. */
function propertyDeletionRange(parsed: ParsedRequest, property: Node): Range {
  const siblings = property.parent?.children ?? [];
  const index = siblings.indexOf(property);
  if (index > 0) {
    const previous = siblings[index - 1];
    return rangeOf(parsed, previous.offset + previous.length, property.offset + property.length - (previous.offset + previous.length));
  }
  const next = siblings[index + 1];
  return next ? rangeOf(parsed, property.offset, next.offset - property.offset) : nodeRange(parsed, property);
}
