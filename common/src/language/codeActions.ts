// Quick fixes: the fix descriptions a diagnostic carries become workspace edits. Every fix is
// applied to the current text in memory and sent as one replacement of the span that changed,
// so several insertions into the same object never conflict.
import { applyEdits, type FormattingOptions, modify, type Node, parseTree } from 'jsonc-parser';
import { type CodeAction, CodeActionKind, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { type FixSpec, isDiagnosticData } from './fixes';
import { nodeAtPath, type ParsedRequest, propertyNode } from './parsedRequest';

export function codeActionsFor(parsed: ParsedRequest, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diag of diagnostics) {
    if (!isDiagnosticData(diag.data)) continue;
    for (const fix of diag.data.fixes) {
      const edit = fixToEdit(parsed, fix);
      if (!edit) continue;
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        isPreferred: fix.preferred === true,
        edit: { changes: { [parsed.uri]: [edit] } },
      });
    }
  }
  return actions;
}

/** The fix as one text edit against the document, or undefined when it no longer applies. */
export function fixToEdit(parsed: ParsedRequest, fix: FixSpec): TextEdit | undefined {
  if (fix.replace && !fix.set && !fix.remove && !fix.renumber && fix.replace.length === 1) {
    return { range: fix.replace[0].range, newText: fix.replace[0].newText };
  }
  let after: string | undefined;
  try {
    after = applyFix(parsed, fix);
  } catch {
    // jsonc-parser's modify refuses some broken documents ("Overlapping edit"); then the fix waits for valid JSON.
    return undefined;
  }
  return after === undefined || after === parsed.text ? undefined : spanEdit(parsed, after);
}

/** The document text with the fix applied. */
export function applyFix(parsed: ParsedRequest, fix: FixSpec): string | undefined {
  let text = parsed.text;
  const formatting = formattingOf(text);
  if (fix.replace) {
    // Apply from the end so earlier offsets stay valid.
    const sorted = [...fix.replace].sort((a, b) => parsed.lines.offsetAt(b.range.start) - parsed.lines.offsetAt(a.range.start));
    for (const r of sorted) {
      const start = parsed.lines.offsetAt(r.range.start);
      const end = parsed.lines.offsetAt(r.range.end);
      text = text.slice(0, start) + r.newText + text.slice(end);
    }
  }
  for (const { path, value } of fix.set ?? []) text = applyEdits(text, modify(text, path, value, { formattingOptions: formatting }));
  if (fix.remove) text = applyEdits(text, modify(text, fix.remove, undefined, { formattingOptions: formatting }));
  if (fix.renumber) text = renumber(text, fix.renumber.arrayPath, fix.renumber.numberProperty, formatting);
  return text;
}

function renumber(text: string, arrayPath: (string | number)[], numberProperty: string, formatting: FormattingOptions): string {
  const root = parseTree(text);
  const array = nodeAtPath(root, arrayPath);
  if (array?.type !== 'array') return text;
  // Replace existing numbers back to front (offsets stay valid), then add the missing ones.
  const lines = array.children ?? [];
  const missing: number[] = [];
  for (let index = lines.length - 1; index >= 0; index--) {
    const line: Node = lines[index];
    const value = line.type === 'object' ? propertyNode(line, numberProperty)?.children?.[1] : undefined;
    if (value) text = text.slice(0, value.offset) + String(index) + text.slice(value.offset + value.length);
    else if (line.type === 'object') missing.push(index);
  }
  for (const index of missing) text = applyEdits(text, modify(text, [...arrayPath, index, numberProperty], index, { formattingOptions: formatting }));
  return text;
}

/** Indentation as the document already uses it, so inserted properties look like their neighbours. */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1];
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (!indent) return { insertSpaces: true, tabSize: 2, eol };
  return indent.startsWith('\t') ? { insertSpaces: false, tabSize: 1, eol } : { insertSpaces: true, tabSize: Math.min(indent.length, 8), eol };
}

/** One edit replacing just the part of the text that differs. */
function spanEdit(parsed: ParsedRequest, after: string): TextEdit {
  const before = parsed.text;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { range: { start: parsed.lines.positionAt(start), end: parsed.lines.positionAt(endBefore) }, newText: after.slice(start, endAfter) };
}
