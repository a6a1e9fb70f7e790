// Validation of one request document: syntax (optional: in VS Code the JSON extension reports it),
// casing notes, schema, then the cross-field and catalog rules. Pure: the same input gives the
// same diagnostics, in the server, the CLI and the tests.
import { type Diagnostic, type Range } from 'vscode-languageserver-types';
import { printParseErrorCode } from 'jsonc-parser';
import { CATALOG_OFF, type CatalogView } from './catalog';
import { codes } from './codes';
import { envelopeBody } from './envelope';
import { anchorRange, diagnostic, jsonText, keyRange } from './diagnosticFactory';
import { normalize, type NormalizeNote, normalizePlain, type PlainNote, TooDeepError } from './normalize';
import { nodeRange, type ParsedRequest, rangeOf, sourceRoot } from './parsedRequest';
import {
  childAt,
  containerOf,
  KEY_OFFSET,
  MEMBER_END,
  memberIndex,
  memberNode,
  type SourceContainer,
  type SourceNode,
  valueType,
  writtenPath,
} from './sourceTree';
import { rules } from './rules';
import { writtenNames } from './wellFormedSource';
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
  /**
   * Whether diagnostics carry their quick fixes (`data`). Default true; the command line, which
   * prints none, says false: working out the fixes of every mismatched line of a long order was a
   * good part of checking it.
   */
  fixes?: boolean;
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function validateRequest(parsed: ParsedRequest, kind: RequestKind, options: ValidationOptions = {}): Diagnostic[] {
  const out = diagnosticsOf(parsed, kind, options);
  // Without fixes, whichever check made the diagnostic.
  if (options.fixes === false) for (const d of out) delete d.data;
  return out;
}

function diagnosticsOf(parsed: ParsedRequest, kind: RequestKind, options: ValidationOptions): Diagnostic[] {
  if (parsed.skipped === 'tooLarge') {
    return [
      diagnostic(
        START,
        codes.tooLarge,
        `This document is too large to check as you type (${megabytes(parsed.text.length)} MB, over the ${megabytes(parsed.maxLength)} MB limit), so it was not checked. Run "Partner Center: Check This Document Once" (the quick fix) to check it now, or check it with the command line's validate.`,
      ),
    ];
  }
  if (parsed.skipped === 'tooDeep') return [tooDeep()];
  const out: Diagnostic[] = [];
  if (options.reportSyntaxErrors !== false) {
    for (const error of parsed.syntaxErrors) {
      out.push(
        diagnostic(
          rangeOf(parsed, error.offset, Math.max(error.length, 1)),
          codes.syntax,
          `Invalid JSON: ${describeSyntaxError(printParseErrorCode(error.error))}`,
        ),
      );
    }
  }
  const document = documentChecked(parsed);
  if (!document) return out;
  if (!checkDocument(parsed, document, kind, options, out)) return out;
  // A `*.request.json` call to where a kind is sent: its body is checked as a document of that kind.
  const body = kind.send.envelope ? envelopeBody(document.node(), kind) : undefined;
  if (body) checkDocument(parsed, bodyChecked(parsed, body.node), body.kind, options, out);
  return out;
}

/**
 * A value checked as a document: its node in the source tree, made when first asked for, and for
 * a well-formed document its plain value, which the checks read instead of the tree: then a
 * document with nothing to report never reads its tree (wellFormedSource.ts).
 */
interface Checked {
  node(): SourceNode;
  /** The value as JSON.parse reads it, and how many names its text writes. */
  readonly plain?: { readonly value: unknown; readonly names: number };
}

function documentChecked(parsed: ParsedRequest): Checked | undefined {
  const plain = parsed.wellFormed;
  if (plain) {
    let node: SourceNode | undefined;
    // A well-formed text always has a value.
    return { plain, node: () => (node ??= sourceRoot(parsed)!) };
  }
  const node = sourceRoot(parsed);
  return node && { node: () => node };
}

function bodyChecked(parsed: ParsedRequest, node: SourceNode): Checked {
  if (!parsed.wellFormed) return { node: () => node };
  // The body's text is well-formed JSON when the whole document's is.
  const text = parsed.text.slice(node.offset, node.offset + node.length);
  return { node: () => node, plain: { value: JSON.parse(text) as unknown, names: writtenNames(text) } };
}

/**
 * Checks the document (or an envelope's body) `checked` as a document of `kind`: shape, casing,
 * schema, rules. Ranges and fix paths are the whole text's, whatever the value checked is. False
 * when checking had to stop (the value nests too deeply).
 */
function checkDocument(
  parsed: ParsedRequest,
  checked: Checked,
  kind: RequestKind,
  options: ValidationOptions,
  out: Diagnostic[],
): boolean {
  const type = checked.plain ? plainType(checked.plain.value) : checked.node().type;
  if (type !== 'object') {
    out.push(
      diagnostic(
        nodeRange(parsed, checked.node()),
        codes.notAnObject,
        `A ${kind.title.toLowerCase()} body must be a JSON object.`,
      ),
    );
    return true;
  }
  const schema = rootSchema(kind.id);
  const normalizeOptions = { reportReadOnly: !kind.acceptsReadOnlyFields };
  let value: unknown;
  let notes: readonly (NormalizeNote | PlainNote)[];
  let fromPlain = false;
  try {
    const plain = checked.plain && normalizePlain(checked.plain.value, schema, normalizeOptions);
    // The plain value holds fewer names than the text when an object repeats one: the tree has them all.
    if (plain && plain.names === checked.plain!.names && !plain.digitNames) {
      ({ value, notes } = plain);
      fromPlain = true;
    } else {
      const node = checked.node();
      ({ value, notes } = normalize(node.owner, node.slot, schema, normalizeOptions));
    }
  } catch (err) {
    if (err instanceof TooDeepError || err instanceof RangeError) {
      out.push(tooDeep());
      return false;
    }
    throw err;
  }
  for (const note of notes) out.push(noteDiagnostic(parsed, 'path' in note ? locate(checked.node(), note) : note));
  // One at a time: spreading a list into push() passes every element as an argument, and a long
  // array of wrong lines gives more diagnostics than the call stack holds arguments.
  for (const d of schemaDiagnostics(parsed, checked.node, kind.id, schema, value)) out.push(d);
  const ctx = {
    parsed,
    get root() {
      return checked.node();
    },
    // Names repeated up to case (both "quantity" and "Quantity") leave the tree and the value
    // apart: the value keeps the last, a look-up by name the exact one. Then the rules read the tree.
    wellFormed: fromPlain && !notes.some((note) => note.kind === 'duplicate'),
    kind,
    fixes: options.fixes !== false,
    value: value as JsonObject,
    catalog: options.catalog ?? CATALOG_OFF,
    now: options.now ?? new Date(),
    report: (d: Diagnostic) => out.push(d),
  };
  for (const rule of rules) rule(ctx);
  return true;
}

function plainType(value: unknown): string {
  return Array.isArray(value) ? 'array' : valueType(value);
}

/** The member a note of normalizePlain is about, by its written path below `root`. */
function locate(root: SourceNode, note: PlainNote): NormalizeNote {
  const { path, ...rest } = note;
  const owner = containerOf(childAt(root, ...path.slice(0, -1)))!;
  const last = path[path.length - 1];
  // A well-formed document repeats no name, so the written name finds its one member.
  const slot = typeof last === 'number' ? last : memberIndex(owner, last);
  return { ...rest, owner, slot } as NormalizeNote;
}

/** The diagnostic that replaces all others when checking the document failed (a bug of ours). */
export function notCheckedDiagnostic(err: unknown): Diagnostic {
  return diagnostic(
    START,
    codes.notChecked,
    `This document could not be checked: ${err instanceof Error ? err.message : String(err)}`,
  );
}

function megabytes(length: number): string {
  return (length / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}

function tooDeep(): Diagnostic {
  return diagnostic(START, codes.tooDeep, 'This document nests too deeply to be a Partner Center request; it was not checked.');
}

function describeSyntaxError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function noteDiagnostic(parsed: ParsedRequest, note: NormalizeNote): Diagnostic {
  const { owner, slot } = note;
  switch (note.kind) {
    case 'propertyCasing': {
      const range = keyRange(parsed, owner, slot);
      return diagnostic(
        range,
        codes.propertyCasing,
        `Partner Center reads "${owner.key(slot)}" as "${note.canonical}" (names are read without regard to case); "${note.canonical}" is the canonical spelling.`,
        [
          {
            title: `Use "${note.canonical}"`,
            preferred: true,
            safe: true,
            replace: [{ range, newText: jsonText(note.canonical) }],
          },
        ],
      );
    }
    case 'valueCasing': {
      const range = nodeRange(parsed, memberNode(owner, slot)!);
      return diagnostic(
        range,
        codes.valueCasing,
        `Partner Center reads "${String(owner.value(slot))}" as "${note.canonical}"; "${note.canonical}" is the canonical spelling.`,
        [
          {
            title: `Use "${note.canonical}"`,
            preferred: true,
            safe: true,
            replace: [{ range, newText: jsonText(note.canonical) }],
          },
        ],
      );
    }
    case 'duplicate':
      return diagnostic(
        keyRange(parsed, owner, slot),
        codes.duplicateProperty,
        `"${note.canonical}" appears more than once (names are read without regard to case); only the last one counts.`,
        [
          {
            title: 'Remove this duplicate',
            preferred: true,
            safe: true,
            replace: [{ range: propertyDeletionRange(parsed, owner, slot), newText: '' }],
          },
        ],
      );
    case 'readOnly': {
      const value = memberNode(owner, slot);
      return diagnostic(
        value ? anchorRange(parsed, value) : memberRange(parsed, owner, slot),
        codes.readOnlyProperty,
        `"${note.name}" is filled in by Partner Center; it is ignored in a request.`,
        [{ title: `Remove "${note.name}"`, safe: true, remove: writtenPath(owner, slot) }],
      );
    }
  }
}

/** From a member's name to its end (after its value, or the comma that ended it). */
function memberRange(parsed: ParsedRequest, object: SourceContainer, slot: number): Range {
  const start = object.span(slot, KEY_OFFSET);
  return rangeOf(parsed, start, object.span(slot, MEMBER_END) - start);
}

/** A property with the comma that separates it from its neighbour, so removing it leaves valid JSON. */
function propertyDeletionRange(parsed: ParsedRequest, object: SourceContainer, slot: number): Range {
  const end = object.span(slot, MEMBER_END);
  if (slot > 0) {
    const previousEnd = object.span(slot - 1, MEMBER_END);
    return rangeOf(parsed, previousEnd, end - previousEnd);
  }
  if (slot + 1 < object.memberCount) {
    const start = object.span(slot, KEY_OFFSET);
    return rangeOf(parsed, start, object.span(slot + 1, KEY_OFFSET) - start);
  }
  return memberRange(parsed, object, slot);
}
