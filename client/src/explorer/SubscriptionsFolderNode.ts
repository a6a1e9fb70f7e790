// "Subscriptions" under a customer: one request, every subscription (the service does not page them).
import * as vscode from 'vscode';
import { type CustomerNode } from './CustomerNode';
import { type ExplorerNode } from './node';
import { ParentNode } from './ParentNode';
import { SubscriptionNode } from './SubscriptionNode';
import { type TreeContext } from './treeContext';

export class SubscriptionsFolderNode extends ParentNode {
  static readonly contextValue = 'partnerCenter.subscriptionsFolder';

  constructor(readonly customer: CustomerNode, ctx: TreeContext) {
    super(`${customer.id}/subscriptions`, ctx, customer);
  }

  protected async loadChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    const subscriptions = await this.ctx.client().subscriptions.list(this.customer.customer.id, { signal });
    const nodes = subscriptions.map((s) => new SubscriptionNode(s, this, this.ctx));
    nodes.forEach((node) => this.ctx.poller.follow(node));
    return nodes;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Subscriptions', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('versions');
    item.contextValue = SubscriptionsFolderNode.contextValue;
    if (this.isLoaded) item.description = `${this.loadedChildren.filter((c) => c instanceof SubscriptionNode).length}`;
    return item;
  }
}
