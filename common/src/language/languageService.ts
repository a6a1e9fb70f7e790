// The request language service: every language feature as a function of (parsed document, request
// kind, settings, catalog). No LSP runtime and no `vscode` here; the server, the CLI, the benchmark
// and the tests all call this same object.
import { type CodeAction, type CompletionList, type Diagnostic, type Hover, type Position } from 'vscode-languageserver-types';
import { type CatalogView, isCatalogItemId, isPlaceholderCatalogItemId } from './catalog';
import { codeActionsFor, fixAllAction } from './codeActions';
import { complete, type CompletionData } from './completion';
import { hover } from './hover';
import { envelopeBody } from './envelope';
import { DEFAULT_MAX_DOCUMENT_LENGTH, type ParsedRequest, parseRequest, sourceRoot } from './parsedRequest';
import { childAt, containerOf, memberIndex, SourceContainer } from './sourceTree';
import { notCheckedDiagnostic, validateRequest, type ValidationOptions } from './validation';
import { type RequestKind, requestKindOf } from '../requestKinds';

export interface LanguageSettings {
  /** Extra glob → kind associations (`partnerCenter.requestFiles`). */
  requestFiles: Record<string, string>;
}

export interface RequestLanguageService {
  /** `maxLength` replaces the service's size limit for this one document (a check asked for once). */
  parse(uri: string, text: string, maxLength?: number): ParsedRequest;
  /** The document's kind, decided as everywhere else (requestKindOf): its `$schema`, then the built-in file patterns, then the user's. */
  kindOf(parsed: ParsedRequest, settings?: LanguageSettings): RequestKind | undefined;
  validate(parsed: ParsedRequest, kind: RequestKind, options?: ValidationOptions): Diagnostic[];
  /** What to report instead when `validate` failed: the document was not checked, and why. */
  notChecked(err: unknown): Diagnostic;
  /** The catalog item ids the document's lines name, for resolving them before validation. */
  catalogItemIds(parsed: ParsedRequest, kind: RequestKind): string[];
  complete(parsed: ParsedRequest, kind: RequestKind, position: Position, data: CompletionData): CompletionList;
  hover(parsed: ParsedRequest, kind: RequestKind, position: Position, catalog: CatalogView): Hover | undefined;
  codeActions(parsed: ParsedRequest, diagnostics: readonly Diagnostic[]): CodeAction[];
  /** "Fix all": the safe fixes of these diagnostics (the whole document's) as one source.fixAll action. */
  fixAll(parsed: ParsedRequest, diagnostics: readonly Diagnostic[]): CodeAction | undefined;
}

export interface LanguageServiceOptions {
  maxDocumentLength?: number;
}

export function getLanguageService(options: LanguageServiceOptions = {}): RequestLanguageService {
  const maxLength = options.maxDocumentLength ?? DEFAULT_MAX_DOCUMENT_LENGTH;
  return {
    parse: (uri, text, limit = maxLength) => parseRequest(uri, text, limit),
    kindOf: (parsed, settings) => requestKindOf(parsed.uri, parsed.text, settings?.requestFiles ?? {}),
    validate: validateRequest,
    notChecked: notCheckedDiagnostic,
    catalogItemIds,
    complete: (parsed, kind, position, data) => complete(parsed, kind, parsed.lines.offsetAt(position), data),
    hover: (parsed, kind, position, catalog) => hover(parsed, kind, parsed.lines.offsetAt(position), catalog),
    codeActions: codeActionsFor,
    fixAll: fixAllAction,
  };
}

function catalogItemIds(parsed: ParsedRequest, kind: RequestKind): string[] {
  // An envelope's ids are its body's, when the body is a document of a kind that buys things.
  const root = sourceRoot(parsed);
  const body = root ? envelopeBody(root, kind) : undefined;
  const shape = (body?.kind ?? kind).lineItems;
  const lines = shape ? containerOf(childAt(body?.node ?? root, shape.property)) : undefined;
  if (!shape || lines?.type !== 'array') return [];
  const ids = new Set<string>();
  for (let i = 0; i < lines.memberCount; i++) {
    const line = lines.value(i);
    const slot = line instanceof SourceContainer && line.type === 'object' ? memberIndex(line, shape.catalogItemProperty) : -1;
    const value = slot >= 0 ? (line as SourceContainer).value(slot) : undefined;
    if (typeof value === 'string' && isCatalogItemId(value) && !isPlaceholderCatalogItemId(value.trim())) ids.add(value.trim());
  }
  return [...ids];
}
