// A resource listed in one of a customer's folders (an order, a subscription): it opens as JSON,
// its id can be copied, and while its status is pending it is polled until it settles.
import type * as vscode from 'vscode';
import { childId, type ExplorerNode } from './node';
import { type FolderNode } from './FolderNode';
import { type PollableNode } from './poller';
import { isPendingStatus } from './presentation';
import { type ResourceNode } from './resourceNode';
import { type TreeContext } from './treeContext';

export abstract class CustomerResourceNode<T extends { id?: string; status?: string }> implements PollableNode, ResourceNode {
  constructor(
    public resource: T,
    readonly folder: FolderNode,
    protected readonly ctx: TreeContext,
  ) {}

  /** Names the kind in the node's id (`…/orders/order/{id}`). */
  protected abstract readonly idKey: string;
  abstract getTreeItem(): vscode.TreeItem;
  abstract readonly documentTitle: string;
  /** Reads the resource again. */
  protected abstract fetch(signal: AbortSignal): Promise<T>;
  /** What the node shows that a poll can change; a poll redraws the node only when this differs. */
  protected abstract shown(resource: T): unknown;

  get id(): string {
    return childId(this.folder, `${this.idKey}/${this.resource.id}`);
  }

  get customerId(): string {
    return this.folder.customerId;
  }

  get resourceId(): string {
    return this.resource.id ?? '';
  }

  get apiPath(): string {
    return `${this.folder.collectionPath}/${this.resourceId}`;
  }

  getParent(): ExplorerNode {
    return this.folder;
  }

  get status(): string | undefined {
    return this.resource.status;
  }

  isSettled(): boolean {
    return !isPendingStatus(this.resource.status);
  }

  /** The context value flags every resource carries: it opens as JSON, and whether it is still pending. */
  protected get resourceFlags(): string[] {
    return ['partnerCenter.resource', this.isSettled() ? 'partnerCenter.settled' : 'partnerCenter.pending'];
  }

  async poll(signal: AbortSignal): Promise<boolean> {
    const fresh = await this.fetch(signal);
    const changed = JSON.stringify(this.shown(fresh)) !== JSON.stringify(this.shown(this.resource));
    this.resource = fresh;
    if (changed && this.isSettled()) this.settled();
    return changed;
  }

  /** Runs when a poll sees the resource settle. */
  protected settled(): void {}
}
