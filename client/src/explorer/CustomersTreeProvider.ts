// The Customers view: customers page by page from Partner Center, a "Load more…" node while the
// service has more, an error node (with retry) when a page fails, and a sign-in node when there is
// no account. Loads of the same level share one request; a refresh starts over.
import * as vscode from 'vscode';
import { type Customer, type Page } from '../../../common/src/api';
import { type PartnerCenterConnection, NotSignedInError } from '../connection';
import { readSettings } from '../settings';
import { CustomerNode } from './CustomerNode';
import { ErrorNode, LoadMoreNode, SignInNode } from './messageNodes';
import { type ExplorerNode } from './node';

const ROOT_ID = 'customers';

interface RootState {
  customers: Customer[];
  next?: string;
  error?: unknown;
  loading?: Promise<void>;
  started: boolean;
}

export class CustomersTreeProvider implements vscode.TreeDataProvider<ExplorerNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ExplorerNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private root: RootState = { customers: [], started: false };
  private generation = 0;

  constructor(private readonly connection: PartnerCenterConnection) {}

  getTreeItem(node: ExplorerNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getParent(node: ExplorerNode): ExplorerNode | undefined {
    return node.getParent?.();
  }

  async getChildren(node?: ExplorerNode): Promise<ExplorerNode[]> {
    if (node) return node.getChildren ? node.getChildren(new vscode.CancellationTokenSource().token) : [];
    if (!this.root.started) await this.loadNextPage();
    else if (this.root.loading) await this.root.loading;
    return this.rootNodes();
  }

  /** Forgets everything loaded and asks the service again. */
  refresh(): void {
    this.generation++;
    this.root = { customers: [], started: false };
    this.changed.fire(undefined);
  }

  /** Appends the next page (the "Load more…" node's action). */
  async loadMore(): Promise<void> {
    await this.loadNextPage();
    this.changed.fire(undefined);
  }

  private rootNodes(): ExplorerNode[] {
    const { error } = this.root;
    if (error instanceof NotSignedInError) return [new SignInNode(this.connection.current.label)];
    const nodes: ExplorerNode[] = this.root.customers.map((c) => new CustomerNode(c));
    if (error) nodes.push(new ErrorNode(ROOT_ID, error, () => void this.retry()));
    else if (this.root.next) nodes.push(new LoadMoreNode(ROOT_ID, nodes.length, () => void this.loadMore()));
    return nodes;
  }

  private async retry(): Promise<void> {
    this.root.error = undefined;
    await this.loadNextPage();
    this.changed.fire(undefined);
  }

  private loadNextPage(): Promise<void> {
    // Concurrent requests for the same page share one HTTP call.
    if (this.root.loading) return this.root.loading;
    const generation = this.generation;
    const state = this.root;
    const continuation = state.next;
    state.started = true;
    state.loading = (async () => {
      try {
        const client = this.connection.getClient();
        const page: Page<Customer> = await client.customers.listPage({ size: readSettings().pageSize }, continuation);
        if (generation !== this.generation) return;
        state.customers.push(...page.items);
        state.next = page.hasMore ? page.next : undefined;
        state.error = undefined;
      } catch (err) {
        if (generation === this.generation) state.error = err;
      } finally {
        state.loading = undefined;
      }
    })();
    return state.loading;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
