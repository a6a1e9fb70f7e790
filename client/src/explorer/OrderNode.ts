// An order: status icon and date; its line items beneath. While it is pending it is polled, and
// when it settles the customer's subscriptions and entitlements (if shown) are reloaded, since
// provisioning is what creates them.
import * as vscode from 'vscode';
import { type Order } from '../../../common/src/api';
import { CustomerResourceNode } from './CustomerResourceNode';
import { type ExplorerNode } from './node';
import { OrderLineItemNode } from './OrderLineItemNode';
import { describe, shortDate, statusIcon, treeItem } from './presentation';

export class OrderNode extends CustomerResourceNode<Order> {
  static readonly contextValue = 'partnerCenter.order';
  protected readonly idKey = 'order';

  get documentTitle(): string {
    return `Order ${this.order.id}`;
  }

  get order(): Order {
    return this.resource;
  }

  protected fetch(signal: AbortSignal): Promise<Order> {
    return this.ctx.client().orders.get(this.customerId, this.resourceId, { signal });
  }

  protected shown(order: Order): unknown {
    return [order.status, order.lineItems.map((l) => l.subscriptionId)];
  }

  protected override settled(): void {
    const customer = this.folder.customer;
    for (const folder of [customer.subscriptions, customer.entitlements]) {
      if (folder.isLoaded) folder.refresh();
    }
  }

  getChildren(): Promise<ExplorerNode[]> {
    return Promise.resolve(this.order.lineItems.map((line) => new OrderLineItemNode(line, this)));
  }

  getTreeItem(): vscode.TreeItem {
    const o = this.order;
    const item = treeItem(this, OrderNode, `Order ${o.id}`, vscode.TreeItemCollapsibleState.Collapsed, ...this.resourceFlags);
    item.description = describe(o.status, shortDate(o.creationDate));
    item.iconPath = statusIcon(o.status, 'package');
    item.tooltip = new vscode.MarkdownString(
      `**Order ${o.id}**\n\n- Status: ${o.status ?? 'unknown'}\n- Created: ${o.creationDate ?? '—'}\n- Billing cycle: ${o.billingCycle}\n- Line items: ${o.lineItems.length}` +
        (o.totalPrice !== undefined ? `\n- Total: ${o.currencySymbol ?? ''}${o.totalPrice}` : ''),
    );
    return item;
  }
}
