// "Entitlements" under a customer: software and reserved-instance entitlements, with expiry dates.
import * as vscode from 'vscode';
import { type CustomerNode } from './CustomerNode';
import { EntitlementNode } from './EntitlementNode';
import { type ExplorerNode } from './node';
import { ParentNode } from './ParentNode';
import { type TreeContext } from './treeContext';

export class EntitlementsFolderNode extends ParentNode {
  static readonly contextValue = 'partnerCenter.entitlementsFolder';

  constructor(readonly customer: CustomerNode, ctx: TreeContext) {
    super(`${customer.id}/entitlements`, ctx, customer);
  }

  protected async loadChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    const entitlements = await this.ctx.client().entitlements.list(this.customer.customer.id, { showExpiry: true, signal });
    return entitlements.map((e, index) => new EntitlementNode(e, `${this.id}/${e.referenceOrder?.id ?? 'order'}/${e.referenceOrder?.lineItemId ?? index}/${e.productId}:${e.skuId}`, this, this.ctx));
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Entitlements', vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('verified');
    item.contextValue = EntitlementsFolderNode.contextValue;
    if (this.isLoaded) item.description = `${this.loadedChildren.filter((c) => c instanceof EntitlementNode).length}`;
    return item;
  }
}
