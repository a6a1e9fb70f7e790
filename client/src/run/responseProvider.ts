// Responses open as read-only JSON documents beside the request, under their own URI scheme, so
// they never ask to be saved and re-open from the history by id.
import * as vscode from 'vscode';
import { type History } from '../../../common/src/send/history';
import { type HistoryRecord } from '../../../common/src/send/history';
import { responseDocument, responseTitle } from '../../../common/src/send/responseDocument';

export const RESPONSE_SCHEME = 'partner-center-response';

export class ResponseProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;

  constructor(private readonly history: () => History) {}

  /** Redraws the open response documents of a record (an order it placed has a new status). */
  recordChanged(recordId: string): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === RESPONSE_SCHEME && recordIdOf(document.uri) === recordId) this.changes.fire(document.uri);
    }
  }

  dispose(): void {
    this.changes.dispose();
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const record = await this.history().get(recordIdOf(uri) ?? '');
    return record ? responseDocument(record) : `{\n  "error": "This response is no longer in the history."\n}\n`;
  }
}

/** The History record a response document shows. */
export function recordIdOf(uri: vscode.Uri): string | undefined {
  return uri.scheme === RESPONSE_SCHEME ? (new URLSearchParams(uri.query).get('id') ?? undefined) : undefined;
}

/**
 * The tab shows the last path segment, the readable title (a slash in it would start a segment).
 * The record's id is the folder above it, so two sends in one second, with one title, are still two
 * documents, and the workbench tells their tabs apart by that folder.
 */
export function responseUri(record: HistoryRecord): vscode.Uri {
  const name = responseTitle(record).replace(/[/\\]+/g, '-');
  return vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${record.id.slice(0, 8)}/${name}`, query: `id=${record.id}` });
}

export async function openResponse(record: HistoryRecord): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(responseUri(record));
  await vscode.languages.setTextDocumentLanguage(document, 'json');
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
}
