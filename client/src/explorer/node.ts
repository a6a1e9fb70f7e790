// Every node of the Partner Center explorer implements this one interface; one class per kind.
// Ids are built from data keys (never labels) so VS Code keeps expansion and selection across refreshes.
import type * as vscode from 'vscode';

export interface ExplorerNode {
  /** Hierarchical and stable: `customer/<tenant id>`, `customer/<id>/orders`, ... */
  readonly id: string;
  getTreeItem(): vscode.TreeItem;
  /** Cancellation is the node's own: a refresh aborts its load in flight (see ParentNode). */
  getChildren?(): Promise<ExplorerNode[]>;
  getParent?(): ExplorerNode | undefined;
}
