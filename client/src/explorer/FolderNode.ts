// A folder under a customer (Orders, Subscriptions, Entitlements): a label, an icon, and once
// loaded the number of resources it holds. Each kind says only how it looks and how to list its
// resources; those still pending are followed until they settle.
import * as vscode from 'vscode';
import { type CustomerNode } from './CustomerNode';
import { CustomerResourceNode } from './CustomerResourceNode';
import { childId, type ExplorerNode, type NodeKind } from './node';
import { type ChildPage, ParentNode } from './ParentNode';
import { treeItem } from './presentation';
import { type TreeContext } from './treeContext';

export interface FolderLook {
  /** The folder's part of its id, and of its resources' API path (`/customers/{id}/orders`). */
  key: string;
  label: string;
  icon: string;
}

export abstract class FolderNode extends ParentNode {
  /** Each folder class says how it looks; the base reads them from the class being made. */
  declare static readonly contextValue: string;
  declare static readonly look: FolderLook;
  private readonly kind: NodeKind & { look: FolderLook };

  constructor(
    readonly customer: CustomerNode,
    ctx: TreeContext,
  ) {
    super(childId(customer, new.target.look.key), ctx, customer);
    this.kind = new.target;
  }

  get customerId(): string {
    return this.customer.customer.id;
  }

  /** Where the folder's resources are read, relative to the API root. */
  get collectionPath(): string {
    return `${this.customer.apiPath}/${this.kind.look.key}`;
  }

  /** Every resource of the folder, as nodes (the service does not page these lists). */
  protected abstract list(signal: AbortSignal): Promise<ExplorerNode[]>;

  protected async loadChildren(signal: AbortSignal): Promise<ChildPage> {
    const nodes = await this.list(signal);
    for (const node of nodes) if (node instanceof CustomerResourceNode) this.ctx.poller.follow(node);
    return { nodes };
  }

  /**
   * The count is part of the folder's own row, which VS Code does not redraw when it asks for the
   * children: once the first load answers, the folder is redrawn so "Orders 10" shows on first
   * expansion, not only after a refresh (issue 12).
   */
  override async getChildren(): Promise<ExplorerNode[]> {
    const wasLoaded = this.isLoaded;
    const children = await super.getChildren();
    if (!wasLoaded && this.isLoaded) this.ctx.changed(this);
    return children;
  }

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(this, this.kind, this.kind.look.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.iconPath = new vscode.ThemeIcon(this.kind.look.icon);
    if (this.isLoaded && !this.loadFailed) item.description = `${this.loadedChildren.length}`;
    return item;
  }
}
