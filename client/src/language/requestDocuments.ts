// Which open documents are Partner Center request documents, and of which kind: the `$schema` on
// the first lines, the built-in file patterns, then `partnerCenter.requestFiles`. The one place the
// extension decides it (the language client, Run Request and the CodeLens ask here); it is cheap,
// so the entry can ask it of every JSON file without loading anything.
import * as vscode from 'vscode';
import { type RequestKind, requestKindOf as kindOfText } from '../../../common/src/requestKinds';
import { config } from '../config';

export function requestKindOf(
  document: vscode.TextDocument,
  requestFiles: Record<string, string> = config.requestFiles,
): RequestKind | undefined {
  // The first lines are all the `$schema` sniff reads; asking for only them spares copying a large text.
  return kindOfText(document.uri.toString(), document.getText(new vscode.Range(0, 0, 20, 0)), requestFiles);
}

/** A request document the language server checks: one of the kinds, open as JSON. */
export function isCheckedRequestDocument(document: vscode.TextDocument, requestFiles?: Record<string, string>): boolean {
  return (
    (document.languageId === 'json' || document.languageId === 'jsonc') && requestKindOf(document, requestFiles) !== undefined
  );
}
