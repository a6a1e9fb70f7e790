// "Orders" under a customer: one request lists them all (the service does not page orders),
// newest first; pending ones are followed until they settle.
import * as vscode from 'vscode';
import { type CustomerNode } from './CustomerNode';
import { type ExplorerNode } from './node';
import { OrderNode } from './OrderNode';
import { ParentNode } from './ParentNode';
import { type TreeContext } from './treeContext';

export class OrdersFolderNode extends ParentNode {
  static readonly contextValue = 'partnerCenter.ordersFolder';

  constructor(readonly customer: CustomerNode, ctx: TreeContext) {
    super(`${customer.id}/orders`, ctx, customer);
  }

  protected async loadChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    const orders = await this.ctx.client().orders.list(this.customer.customer.id, { signal });
    orders.sort((a, b) => (b.creationDate ?? '').localeCompare(a.creationDate ?? ''));
    const nodes = orders.map((order) => new OrderNode(order, this, this.ctx));
    nodes.forEach((node) => this.ctx.poller.follow(node));
    return nodes;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Orders', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('package');
    item.contextValue = OrdersFolderNode.contextValue;
    if (this.isLoaded) item.description = `${this.loadedChildren.filter((c) => c instanceof OrderNode).length}`;
    return item;
  }
}
