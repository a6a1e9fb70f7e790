// The History view: every run, newest first, with its calls as children. Records come from the
// history store, so the view shows the same list after a reload.
import * as vscode from 'vscode';
import { type Exchange, type History, type HistoryRecord, type RunStatus } from '../../../common/src/send';
import { runStatusWord } from '../../../common/src/send/responseDocument';

export type HistoryNode =
  { type: 'record'; record: HistoryRecord } | { type: 'call'; record: HistoryRecord; exchange: Exchange; index: number };

export class HistoryTreeProvider implements vscode.TreeDataProvider<HistoryNode>, vscode.Disposable {
  static readonly recordContext = 'partnerCenter.historyRecord';
  private readonly changed = new vscode.EventEmitter<HistoryNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly history: () => History) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: HistoryNode): Promise<HistoryNode[]> {
    if (!node) return (await this.history().list()).map((record) => ({ type: 'record', record }));
    if (node.type === 'record' && node.record.exchanges.length > 1) {
      return node.record.exchanges.map((exchange, index) => ({ type: 'call', record: node.record, exchange, index }));
    }
    return [];
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    if (node.type === 'call') {
      const e = node.exchange;
      const item = new vscode.TreeItem(`${e.call.method} ${e.call.path}`, vscode.TreeItemCollapsibleState.None);
      item.id = `history/${node.record.id}/${node.index}`;
      item.description = `${e.status ?? e.outcome} · ${e.durationMs} ms`;
      item.tooltip = `Request id ${e.requestId}\nCorrelation id ${e.correlationId}`;
      item.iconPath = iconFor(e);
      return item;
    }
    const r = node.record;
    const last = r.exchanges.at(-1);
    const item = new vscode.TreeItem(
      r.title,
      r.exchanges.length > 1 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.id = `history/${r.id}`;
    item.description = `${runStatusWord(r)} · ${new Date(r.time).toLocaleString()}`;
    item.tooltip = new vscode.MarkdownString(
      `**${r.summary}**\n\n${r.environment}\n\n${r.exchanges.map((e) => `- \`${e.call.method} ${e.call.path}\` → ${e.status ?? e.outcome} (request id \`${e.requestId}\`)`).join('\n')}`,
    );
    // The run's own status when it was kept: a checkout declined after its cart was created ends
    // with a successful call, and is still no success.
    item.iconPath = r.status ? iconForRun(r.status) : last ? iconFor(last) : new vscode.ThemeIcon('circle-slash');
    item.contextValue = HistoryTreeProvider.recordContext;
    item.command = { command: 'partnerCenter.history.open', title: 'Open Response', arguments: [node] };
    return item;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function iconForRun(status: RunStatus): vscode.ThemeIcon {
  switch (status) {
    case 'done':
    case 'alreadyDone':
      return iconForOutcome('ok');
    case 'failed':
    case 'blocked':
      return iconForOutcome('failed');
    case 'unknown':
      return iconForOutcome('unknown');
    case 'declined':
    case 'cancelled':
      return iconForOutcome('cancelled');
  }
}

function iconFor(e: Exchange): vscode.ThemeIcon {
  return iconForOutcome(e.outcome);
}

function iconForOutcome(outcome: Exchange['outcome']): vscode.ThemeIcon {
  switch (outcome) {
    case 'ok':
      return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    case 'failed':
      return new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'));
    case 'unknown':
      return new vscode.ThemeIcon('question', new vscode.ThemeColor('list.warningForeground'));
    case 'cancelled':
      return new vscode.ThemeIcon('circle-slash');
  }
}
