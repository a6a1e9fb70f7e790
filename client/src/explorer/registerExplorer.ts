// Creates the Customers view and the commands that act on it.
import * as vscode from 'vscode';
import { type PartnerCenterConnection } from '../connection';
import { CustomersTreeProvider } from './CustomersTreeProvider';
import { type ErrorNode, type LoadMoreNode } from './messageNodes';
import { CustomerNode } from './CustomerNode';
import { type ExplorerNode } from './node';

export interface Explorer {
  provider: CustomersTreeProvider;
  view: vscode.TreeView<ExplorerNode>;
}

export function registerExplorer(context: vscode.ExtensionContext, connection: PartnerCenterConnection): Explorer {
  const provider = new CustomersTreeProvider(connection);
  const view = vscode.window.createTreeView('partnerCenter.customers', { treeDataProvider: provider, showCollapseAll: true });
  const describe = () => {
    view.description = connection.current.label;
  };
  describe();
  context.subscriptions.push(
    provider,
    view,
    connection.onDidChange(() => {
      describe();
      provider.refresh();
    }),
    vscode.commands.registerCommand('partnerCenter.refreshExplorer', () => provider.refresh()),
    vscode.commands.registerCommand('partnerCenter.loadMore', (node: LoadMoreNode) => node.load()),
    vscode.commands.registerCommand('partnerCenter.retry', (node: ErrorNode) => node.retry()),
    vscode.commands.registerCommand('partnerCenter.copyId', async (node?: ExplorerNode) => {
      const target = node ?? view.selection[0];
      if (target instanceof CustomerNode) await vscode.env.clipboard.writeText(target.customer.id);
    }),
  );
  return { provider, view };
}
