// Read-only JSON documents of Partner Center resources, one virtual document per resource
// (`partner-center-resource:/customers/{id}/orders/{id}.json`). Each read fetches the resource
// again from the service, so "Refresh" on the editor shows its current state.
import * as vscode from 'vscode';
import { type PartnerCenterConnection } from '../connection';

export const RESOURCE_SCHEME = 'partner-center-resource';

export function resourceDocumentUri(apiPath: string): vscode.Uri {
  return vscode.Uri.from({ scheme: RESOURCE_SCHEME, path: `${apiPath}.json` });
}

export class ResourceDocumentProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly connection: PartnerCenterConnection) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const abort = new AbortController();
    token.onCancellationRequested(() => abort.abort());
    const apiPath = uri.path.replace(/\.json$/, '');
    try {
      const response = await this.connection
        .getClient()
        .request({ method: 'GET', path: apiPath, signal: abort.signal, throwOnHttpError: true });
      return `${JSON.stringify(response.body, null, 2)}\n`;
    } catch (err) {
      // The document says what went wrong instead of failing to open: the person can refresh it.
      return `${JSON.stringify({ error: err instanceof Error ? err.message : String(err) }, null, 2)}\n`;
    }
  }

  refresh(uri: vscode.Uri): void {
    this.changed.fire(uri);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
