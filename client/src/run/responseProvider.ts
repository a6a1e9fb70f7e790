// Responses open as read-only JSON documents beside the request, under their own URI scheme, so
// they never ask to be saved and re-open from the history by id.
import * as vscode from 'vscode';
import { type History } from '../../../common/src/send/history';
import { responseDocument } from '../../../common/src/send/responseDocument';

export const RESPONSE_SCHEME = 'partner-center-response';

export class ResponseProvider implements vscode.TextDocumentContentProvider {
  constructor(private readonly history: () => History) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const id = new URLSearchParams(uri.query).get('id') ?? '';
    const record = await this.history().get(id);
    return record ? responseDocument(record) : `{\n  "error": "This response is no longer in the history."\n}\n`;
  }
}

export function responseUri(recordId: string, title: string): vscode.Uri {
  const name = `${title.replace(/[^\w.-]+/g, '-')}.response.json`;
  return vscode.Uri.from({ scheme: RESPONSE_SCHEME, path: `/${name}`, query: `id=${recordId}` });
}

export async function openResponse(recordId: string, title: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(responseUri(recordId, title));
  await vscode.languages.setTextDocumentLanguage(document, 'json');
  return vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: false });
}
