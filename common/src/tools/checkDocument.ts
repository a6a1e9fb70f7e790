// One check of a request document's text, as the language server checks it as you type, with the
// catalog rules against the host's live catalog: validate_request answers with it, and
// draft_request checks every draft with it before handing it over.
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { catalogView, type CatalogView } from '../language/catalog';
import { getLanguageService } from '../language/languageService';
import { type RequestKind } from '../requestKinds';
import { type ToolContext } from './toolTypes';

export interface ToolDiagnostic {
  code: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  /** 1-based, as people and models count lines. */
  line: number;
  column: number;
}

const SEVERITY: Record<number, ToolDiagnostic['severity']> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

// The tools read whole documents once, as the CLI does: no as-you-type size limit.
const service = getLanguageService({ maxDocumentLength: Infinity });

/** The document's kind when none is given: a `$schema`, then the file name's pattern, as everywhere. */
export function kindOfText(fileName: string, text: string): RequestKind | undefined {
  return service.kindOf(service.parse(uriFor(fileName), text));
}

function uriFor(fileName: string): string {
  return `untitled:/agent/${encodeURIComponent(fileName)}`;
}

export async function checkDocument(
  text: string,
  kind: RequestKind,
  fileName: string,
  ctx: ToolContext,
): Promise<ToolDiagnostic[]> {
  const parsed = service.parse(uriFor(fileName), text.replace(/^\uFEFF/, ''));
  const ids = service.catalogItemIds(parsed, kind);
  let view: CatalogView = catalogView(true, []);
  if (ids.length > 0) {
    const answer = await ctx.catalog.resolveItems(ids);
    view = catalogView(answer.available, Object.entries(answer.items), answer.reason);
  }
  let diagnostics;
  try {
    diagnostics = service.validate(parsed, kind, { catalog: view });
  } catch (err) {
    diagnostics = [service.notChecked(err)];
  }
  return diagnostics.map((d) => ({
    code: String(d.code),
    severity: SEVERITY[d.severity ?? DiagnosticSeverity.Error],
    message: typeof d.message === 'string' ? d.message : String(d.message),
    line: d.range.start.line + 1,
    column: d.range.start.character + 1,
  }));
}

/** One line per diagnostic, errors first, for the model to read. */
export function describeDiagnostics(diagnostics: readonly ToolDiagnostic[]): string {
  const order = ['error', 'warning', 'information', 'hint'];
  return [...diagnostics]
    .sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || a.line - b.line)
    .map((d) => `- line ${d.line}: ${d.severity} ${d.code}: ${d.message}`)
    .join('\n');
}
