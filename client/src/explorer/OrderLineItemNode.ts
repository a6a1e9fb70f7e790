// One line of an order: offer, quantity, term and billing cycle. Once provisioned it leads to its
// subscription (the click reveals it under the customer's Subscriptions).
import * as vscode from 'vscode';
import { type OrderLineItem } from '../../../common/src/api';
import { childId, type ExplorerNode } from './node';
import { type OrderNode } from './OrderNode';
import { describe, termLabel, treeItem } from './presentation';

export class OrderLineItemNode implements ExplorerNode {
  static readonly contextValue = 'partnerCenter.orderLineItem';
  readonly id: string;

  constructor(
    readonly line: OrderLineItem,
    readonly order: OrderNode,
  ) {
    this.id = childId(order, `line/${line.lineItemNumber}`);
  }

  getParent(): ExplorerNode {
    return this.order;
  }

  getTreeItem(): vscode.TreeItem {
    const line = this.line;
    const flag = line.subscriptionId ? 'partnerCenter.hasSubscription' : 'partnerCenter.noSubscription';
    const item = treeItem(this, OrderLineItemNode, line.friendlyName || line.offerId, vscode.TreeItemCollapsibleState.None, flag);
    item.description = describe(`×${line.quantity}`, termLabel(line.termDuration), this.order.order.billingCycle);
    item.iconPath = new vscode.ThemeIcon('symbol-field');
    item.tooltip = new vscode.MarkdownString(
      `**Line ${line.lineItemNumber}**\n\n- Offer: \`${line.offerId}\`\n- Quantity: ${line.quantity}\n- Term: ${line.termDuration ?? '—'}\n- Billing cycle: ${this.order.order.billingCycle}` +
        (line.subscriptionId ? `\n- Subscription: \`${line.subscriptionId}\`` : '\n- Not provisioned yet'),
    );
    if (line.subscriptionId) {
      item.command = {
        command: 'partnerCenter.revealSubscription',
        title: 'Show Subscription',
        arguments: [this.order.customerId, line.subscriptionId],
      };
    }
    return item;
  }
}
