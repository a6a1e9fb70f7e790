// "Run Request" above each request document. CodeLenses cannot carry a `when` clause, so trust is
// checked here (and the lenses refresh when the workspace becomes trusted).
import * as vscode from 'vscode';
import { type RequestKind } from '../../../common/src/requestKinds';
import { config } from '../config';

export class RunCodeLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly kindOf: (document: vscode.TextDocument) => RequestKind | undefined) {
    this.subscriptions = [
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire()),
      // The lenses follow send.codeLens and, through the document kinds, requestFiles.
      config.onDidChange((change) => {
        if (change.affects('run') || change.affects('requestFiles')) this.changed.fire();
      }),
    ];
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (!vscode.workspace.isTrusted || !config.run.codeLens) return [];
    const kind = this.kindOf(document);
    if (!kind) return [];
    const title =
      kind.send.spendsMoney || kind.send.checkout ? `$(play) Run ${kind.title} (asks before buying)` : '$(play) Run Request';
    return [
      new vscode.CodeLens(new vscode.Range(0, 0, 0, 0), {
        title,
        command: 'partnerCenter.runRequest',
        arguments: [document.uri],
      }),
    ];
  }

  dispose(): void {
    this.changed.dispose();
    this.subscriptions.forEach((d) => d.dispose());
  }
}
