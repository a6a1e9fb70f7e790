// A folder under a customer (Orders, Subscriptions, Entitlements): a label, an icon, and once
// loaded the number of resources it holds. Each kind says only how to load its children.
import * as vscode from 'vscode';
import { type CustomerNode } from './CustomerNode';
import { ErrorNode, SignInNode } from './messageNodes';
import { ParentNode } from './ParentNode';
import { type TreeContext } from './treeContext';

export abstract class FolderNode extends ParentNode {
  constructor(readonly customer: CustomerNode, ctx: TreeContext, private readonly kind: { key: string; label: string; icon: string; contextValue: string }) {
    super(`${customer.id}/${kind.key}`, ctx, customer);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.kind.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.kind.icon);
    item.contextValue = this.kind.contextValue;
    if (this.isLoaded) item.description = `${this.loadedChildren.filter((c) => !(c instanceof ErrorNode || c instanceof SignInNode)).length}`;
    return item;
  }
}
