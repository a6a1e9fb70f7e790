// An order: status icon and date; its line items beneath. While it is pending it is polled, and
// when it settles the customer's subscriptions and entitlements (if shown) are reloaded, since
// provisioning is what creates them.
import * as vscode from 'vscode';
import { type Order } from '../../../common/src/api';
import { type ExplorerNode } from './node';
import { OrderLineItemNode } from './OrderLineItemNode';
import { type OrdersFolderNode } from './OrdersFolderNode';
import { type PollableNode } from './poller';
import { contextValue, describe, isPendingStatus, shortDate, statusIcon } from './presentation';
import { type ResourceNode } from './resourceNode';
import { type TreeContext } from './treeContext';

export class OrderNode implements PollableNode, ResourceNode {
  static readonly contextValue = 'partnerCenter.order';
  readonly id: string;

  constructor(public order: Order, readonly folder: OrdersFolderNode, private readonly ctx: TreeContext) {
    this.id = `${folder.customer.id}/order/${order.id}`;
  }

  get customerId(): string {
    return this.folder.customer.customer.id;
  }

  get resourceId(): string {
    return this.order.id ?? '';
  }

  get apiPath(): string {
    return `/customers/${this.customerId}/orders/${this.order.id}`;
  }

  get documentTitle(): string {
    return `Order ${this.order.id}`;
  }

  getParent(): ExplorerNode {
    return this.folder;
  }

  isSettled(): boolean {
    return !isPendingStatus(this.order.status);
  }

  async poll(signal: AbortSignal): Promise<boolean> {
    const fresh = await this.ctx.client().orders.get(this.customerId, this.resourceId, { signal });
    const before = JSON.stringify([this.order.status, this.order.lineItems.map((l) => l.subscriptionId)]);
    this.order = fresh;
    const changed = before !== JSON.stringify([fresh.status, fresh.lineItems.map((l) => l.subscriptionId)]);
    if (changed && this.isSettled()) {
      for (const folder of [this.folder.customer.subscriptions, this.folder.customer.entitlements]) {
        if (folder.isLoaded) folder.refresh();
      }
    }
    return changed;
  }

  getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve(this.order.lineItems.map((line) => new OrderLineItemNode(line, this)));
  }

  getTreeItem(): vscode.TreeItem {
    const o = this.order;
    const item = new vscode.TreeItem(`Order ${o.id}`, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = describe(o.status, shortDate(o.creationDate));
    item.iconPath = statusIcon(o.status, 'package');
    item.contextValue = contextValue(OrderNode.contextValue, 'partnerCenter.resource', isPendingStatus(o.status) ? 'partnerCenter.pending' : 'partnerCenter.settled');
    item.tooltip = new vscode.MarkdownString(
      `**Order ${o.id}**\n\n- Status: ${o.status ?? 'unknown'}\n- Created: ${o.creationDate ?? '—'}\n- Billing cycle: ${o.billingCycle}\n- Line items: ${o.lineItems.length}` +
        (o.totalPrice !== undefined ? `\n- Total: ${o.currencySymbol ?? ''}${o.totalPrice}` : ''),
    );
    return item;
  }
}
