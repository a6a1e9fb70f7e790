// Every node of the Partner Center explorer implements this one interface; one class per kind.
// Ids are built from data keys (never labels) so VS Code keeps expansion and selection across refreshes.
import type * as vscode from 'vscode';

export interface ExplorerNode {
  /** Hierarchical and stable: `customer/<tenant id>`, `customer/<id>/orders`, ... (see childId). */
  readonly id: string;
  getTreeItem(): vscode.TreeItem;
  /** Cancellation is the node's own: a refresh aborts its load in flight (see ParentNode). */
  getChildren?(): Promise<ExplorerNode[]>;
  getParent?(): ExplorerNode | undefined;
}

/** The class side of a node kind: the context value package.json menus match with `viewItem =~ /…/`. */
export interface NodeKind {
  readonly contextValue: string;
}

/**
 * A child's id is its parent's id and its own key, so a kind that can stand under several parents
 * (an error, "Sign in", "Load more…") never gives two items the same id: VS Code refuses a second
 * one ("Element with id … is already registered") and the level shows nothing. The root's id is
 * empty, so its children's ids are their keys.
 */
export function childId(parent: ExplorerNode, key: string): string {
  return parent.id === '' ? key : `${parent.id}/${key}`;
}
