// Quick fixes: the fix descriptions a diagnostic carries become workspace edits (fixEdits.ts),
// each touching only the text its fix changes. "Fix all" (source.fixAll) applies the safe ones
// together.
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

/**
 * One action applying every safe fix of the document's diagnostics (FixSpec.safe), or undefined
 * when there is none. A fix whose edits would touch text another one already changes is left for
 * the next run (several diagnostics share one renumbering, which is applied once).
 */
export function fixAllAction(parsed: ParsedRequest, diagnostics: readonly Diagnostic[]): CodeAction | undefined {
  let layout: Layout | undefined;
  const seen = new Set<string>();
  const accepted: { start: number; end: number }[] = [];
  const edits: TextEdit[] = [];
  for (const diag of diagnostics) {
    if (!isDiagnosticData(diag.data)) continue;
    const fix = diag.data.fixes.find((f) => f.safe);
    const key = fix && JSON.stringify(fix);
    if (!fix || !key || seen.has(key)) continue;
    seen.add(key);
    const fixEdits = fixToEdits(parsed, fix, () => (layout ??= layoutOf(parsed.text)));
    if (!fixEdits) continue;
    const spans = fixEdits.map((e) => ({ start: parsed.lines.offsetAt(e.range.start), end: parsed.lines.offsetAt(e.range.end) }));
    const overlaps = spans.some(
      (a) => accepted.some((b) => a.start < b.end && b.start < a.end) || accepted.some((b) => a.start === b.start),
    );
    if (overlaps) continue;
    accepted.push(...spans);
    edits.push(...fixEdits);
  }
  if (edits.length === 0) return undefined;
  return {
    title: 'Fix all safe Partner Center problems',
    kind: CodeActionKind.SourceFixAll,
    edit: { changes: { [parsed.uri]: edits } },
  };
}

/** The fix as edits of the document, or undefined when it no longer applies. */
export function fixToEdits(parsed: ParsedRequest, fix: FixSpec, layout: () => Layout): TextEdit[] | undefined {
  // A single replacement (most fixes) is its own edit; the layout is read only for fixes that insert.
  if (fix.replace && !fix.set && !fix.remove && !fix.renumber && fix.replace.length === 1) {
    return [{ range: fix.replace[0].range, newText: fix.replace[0].newText }];
  }
  return fixEdits(parsed, fix, layout());
}
