// The Customers view: customers page by page from Partner Center (optionally filtered by the
// service's starts_with on company name or domain), a "Load more…" node while it has more, an
// error node with retry when a page fails, and a sign-in node when there is no account.
// Loads of the same level share one request; a refresh starts over and cancels what is in flight.
import * as vscode from 'vscode';
import { type Customer, type CustomerFilterField } from '../../../common/src/api';
import { NotSignedInError, type PartnerCenterConnection } from '../connection';
import { readSettings } from '../settings';
import { CustomerNode } from './CustomerNode';
import { ErrorNode, LoadMoreNode, partnerCenterError, StartEmulatorNode } from './messageNodes';
import { type ExplorerNode } from './node';
import { ParentNode } from './ParentNode';
import { type PollableNode, Poller } from './poller';
import { type TreeContext } from './treeContext';

export const CUSTOMERS_VIEW_ID = 'partnerCenter.customers';
const ROOT_ID = 'customers';

export interface CustomerFilter { field: CustomerFilterField; value: string }

interface RootState {
  customers: CustomerNode[];
  next?: string;
  error?: unknown;
  loading?: Promise<void>;
  started: boolean;
  abort: AbortController;
}

export class CustomersTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changedEmitter = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changedEmitter.event;
  private root: RootState = this.emptyRoot();
  private filterValue: CustomerFilter | undefined;
  readonly poller: Poller;
  readonly ctx: TreeContext;
  private treeView: vscode.TreeView<ExplorerNode> | undefined;

  constructor(private readonly connection: PartnerCenterConnection, log: vscode.LogOutputChannel) {
    this.poller = new Poller(
      () => readSettings().pollIntervalSeconds * 1000,
      (node) => this.changedEmitter.fire(node),
      (node: PollableNode, err) => log.warn(`Could not refresh ${node.id}: ${err instanceof Error ? err.message : String(err)}`),
    );
    this.ctx = {
      client: () => this.connection.getClient(),
      changed: (node) => this.changedEmitter.fire(node),
      withProgress: async (work) => vscode.window.withProgress({ location: { viewId: CUSTOMERS_VIEW_ID } }, work),
      poller: this.poller,
      view: () => this.treeView,
    };
  }

  attach(view: vscode.TreeView<ExplorerNode>): void {
    this.treeView = view;
  }

  get filter(): CustomerFilter | undefined {
    return this.filterValue;
  }

  /** Customers loaded so far (the explorer's current list). */
  get customers(): readonly CustomerNode[] {
    return this.root.customers;
  }

  get hasMore(): boolean {
    return this.root.next !== undefined;
  }

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.getParent?.();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) return node.getChildren ? node.getChildren() : [];
    if (!this.root.started) await this.loadNextPage();
    else if (this.root.loading) await this.root.loading;
    return this.rootNodes();
  }

  /** Forgets everything loaded (cancelling loads and polls in flight) and asks the service again. */
  refresh(node?: ExplorerNode): void {
    if (node instanceof ParentNode) return node.refresh();
    if (node) return this.changedEmitter.fire(node);
    this.root.abort.abort();
    this.poller.clear();
    this.root = this.emptyRoot();
    this.changedEmitter.fire(undefined);
  }

  /** Cancels whatever is loading; the levels that were cancelled load again when next shown. */
  cancelLoading(): void {
    this.refresh();
  }

  setFilter(filter: CustomerFilter | undefined): void {
    this.filterValue = filter && filter.value.trim() !== '' ? { field: filter.field, value: filter.value.trim() } : undefined;
    this.refresh();
  }

  /** Appends the next page (the "Load more…" node's action). */
  async loadMore(): Promise<void> {
    await this.loadNextPage();
    this.changedEmitter.fire(undefined);
  }

  private emptyRoot(): RootState {
    return { customers: [], started: false, abort: new AbortController() };
  }

  private rootNodes(): ExplorerNode[] {
    const { error } = this.root;
    // Not signed in at all: an empty view shows the welcome content (sign in, or try the emulator).
    if (error instanceof NotSignedInError) return [];
    const { environment, endpoint } = this.connection.current;
    if (environment === 'emulator' && this.root.customers.length === 0 && partnerCenterError(error)?.kind === 'network') {
      return [new StartEmulatorNode(endpoint), new ErrorNode(ROOT_ID, error, () => void this.retry())];
    }
    const nodes: ExplorerNode[] = [...this.root.customers];
    if (error) nodes.push(new ErrorNode(ROOT_ID, error, () => void this.retry()));
    else if (this.root.next) nodes.push(new LoadMoreNode(ROOT_ID, nodes.length, () => this.loadMore()));
    return nodes;
  }

  private async retry(): Promise<void> {
    this.root.error = undefined;
    await this.loadNextPage();
    this.changedEmitter.fire(undefined);
  }

  private loadNextPage(): Promise<void> {
    // Concurrent requests for the same page share one HTTP call.
    if (this.root.loading) return this.root.loading;
    const state = this.root;
    const continuation = state.next;
    state.started = true;
    state.loading = this.ctx
      .withProgress(async () => {
        try {
          const page = await this.connection.getClient().customers.listPage({ size: readSettings().pageSize, filter: this.filterValue, signal: state.abort.signal }, continuation);
          if (state !== this.root) return;
          state.customers.push(...page.items.map((c: Customer) => new CustomerNode(c, this.ctx)));
          state.next = page.hasMore ? page.next : undefined;
          state.error = undefined;
        } catch (err) {
          if (state === this.root && !state.abort.signal.aborted) state.error = err;
        }
      })
      .finally(() => {
        state.loading = undefined;
      });
    return state.loading;
  }

  dispose(): void {
    this.root.abort.abort();
    this.poller.dispose();
    this.changedEmitter.dispose();
  }
}
