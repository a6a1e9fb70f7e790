// The Customers view's data provider: it hands VS Code the root level (CustomersRootNode) and its
// descendants, and owns what they share: the poller, progress in the view, and redraws.
import * as vscode from 'vscode';
import { type PartnerCenterConnection } from '../connection';
import { config } from '../config';
import { reachMilestone } from '../walkthroughProgress';
import { CustomerNode } from './CustomerNode';
import { type CustomerFilter, CustomersRootNode } from './CustomersRootNode';
import { type ExplorerNode } from './node';
import { ParentNode } from './ParentNode';
import { type PollableNode, Poller } from './poller';
import { type TreeContext } from './treeContext';

export const CUSTOMERS_VIEW_ID = 'partnerCenter.customers';
export { type CustomerFilter } from './CustomersRootNode';

export class CustomersTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changedEmitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changedEmitter.event;
  readonly poller: Poller;
  readonly ctx: TreeContext;
  private readonly root: CustomersRootNode;
  private treeView: vscode.TreeView<ExplorerNode> | undefined;

  constructor(connection: PartnerCenterConnection, log: vscode.LogOutputChannel) {
    this.poller = new Poller(
      () => config.explorer.pollIntervalSeconds * 1000,
      (node) => this.changedEmitter.fire(node),
      (node: PollableNode, err) => log.warn(`Could not refresh ${node.id}: ${err instanceof Error ? err.message : String(err)}`),
    );
    this.ctx = {
      client: () => connection.getClient(),
      // The root is not an element of the view: redrawing it is redrawing the view.
      changed: (node) => this.changedEmitter.fire(node === this.root ? undefined : node),
      withProgress: (work) =>
        this.whileLoading(() => vscode.window.withProgress({ location: { viewId: CUSTOMERS_VIEW_ID } }, work)),
      poller: this.poller,
      view: () => this.treeView,
      emulatorEndpoint: () => (connection.current.environment === 'emulator' ? connection.current.endpoint : undefined),
    };
    this.root = new CustomersRootNode(this.ctx);
  }

  private loads = 0;

  /** Keeps `partnerCenter.loading` true while anything loads, so Cancel Loading shows only then (issue 12). */
  private async whileLoading<T>(work: () => Thenable<T>): Promise<T> {
    if (this.loads++ === 0) void vscode.commands.executeCommand('setContext', 'partnerCenter.loading', true);
    try {
      return await work();
    } finally {
      if (--this.loads === 0) void vscode.commands.executeCommand('setContext', 'partnerCenter.loading', false);
    }
  }

  attach(view: vscode.TreeView<ExplorerNode>): void {
    this.treeView = view;
  }

  get filter(): CustomerFilter | undefined {
    return this.root.filter;
  }

  /** Customers loaded so far (the explorer's current list). */
  get customers(): readonly CustomerNode[] {
    return this.root.customers;
  }

  get hasMore(): boolean {
    return this.root.hasMore;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    const item = node.getTreeItem();
    // A screen reader reads a row's label and description, not its long tooltip (issue 12).
    const label = typeof item.label === 'string' ? item.label : item.label?.label;
    const description = typeof item.description === 'string' ? item.description : undefined;
    item.accessibilityInformation ??= { label: [label, description].filter(Boolean).join(', ') };
    return item;
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    const parent = node.getParent?.();
    return parent === this.root ? undefined : parent;
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    const level = node ?? this.root;
    const children = level.getChildren ? await level.getChildren() : [];
    // The walkthrough's first two steps: customers listed from a Partner Center, one of them opened.
    if (!node && children.some((child) => child instanceof CustomerNode)) reachMilestone('customersListed');
    if (node instanceof CustomerNode) reachMilestone('customerBrowsed');
    return children;
  }

  /** Forgets what `node` (or, without one, the whole view) loaded, cancelling loads and polls in flight, and asks the service again. */
  refresh(node?: ExplorerNode): void {
    if (node instanceof ParentNode) return node.refresh();
    if (node) return this.changedEmitter.fire(node);
    this.poller.clear();
    this.root.refresh();
  }

  /** Cancels whatever is loading; the levels that were cancelled load again when next shown. */
  cancelLoading(): void {
    this.refresh();
  }

  setFilter(filter: CustomerFilter | undefined): void {
    this.root.filter = filter;
    this.refresh();
  }

  /** Appends the next page of customers (what "Load more…" at the root does). */
  loadMore(): Promise<void> {
    return this.root.loadMore();
  }

  dispose(): void {
    this.poller.dispose();
    this.changedEmitter.dispose();
    this.root.refresh(); // cancels a load in flight; with the emitter gone, nothing asks again
  }
}
