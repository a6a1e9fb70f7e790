// Quick fixes: the fix descriptions a diagnostic carries become workspace edits (fixEdits.ts),
// each touching only the text its fix changes.
import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { fixEdits, type Layout, layoutOf } from './fixEdits';
import { type FixSpec, isDiagnosticData } from './fixes';
import { type ParsedRequest } from './parsedRequest';

export function codeActionsFor(parsed: ParsedRequest, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  let layout: Layout | undefined;
  for (const diag of diagnostics) {
    if (!isDiagnosticData(diag.data)) continue;
    for (const fix of diag.data.fixes) {
      const edits = fixToEdits(parsed, fix, () => (layout ??= layoutOf(parsed.text)));
      if (!edits) continue;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        isPreferred: fix.preferred === true,
        edit: { changes: { [parsed.uri]: edits } },
      });
    }
  }
  return actions;
}

/** The fix as edits of the document, or undefined when it no longer applies. */
export function fixToEdits(parsed: ParsedRequest, fix: FixSpec, layout: () => Layout): TextEdit[] | undefined {
  // A single replacement (most fixes) is its own edit; the layout is read only for fixes that insert.
  if (fix.replace && !fix.set && !fix.remove && !fix.renumber && fix.replace.length === 1) {
    return [{ range: fix.replace[0].range, newText: fix.replace[0].newText }];
  }
  return fixEdits(parsed, fix, layout());
}
