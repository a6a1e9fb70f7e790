// A subscription: status, quantity, term, billing cycle and auto-renew. Pending ones are polled.
import * as vscode from 'vscode';
import { type Subscription } from '../../../common/src/api';
import { CustomerResourceNode } from './CustomerResourceNode';
import { describe, shortDate, statusIcon, termLabel, treeItem } from './presentation';

export class SubscriptionNode extends CustomerResourceNode<Subscription> {
  static readonly contextValue = 'partnerCenter.subscription';
  protected readonly idKey = 'subscription';

  get documentTitle(): string {
    return this.subscription.friendlyName ?? this.subscription.offerName ?? `Subscription ${this.subscription.id}`;
  }

  get subscription(): Subscription {
    return this.resource;
  }

  protected fetch(signal: AbortSignal): Promise<Subscription> {
    return this.ctx.client().subscriptions.get(this.customerId, this.resourceId, { signal });
  }

  protected shown(subscription: Subscription): unknown {
    return [subscription.status, subscription.quantity];
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.subscription;
    const item = treeItem(
      this,
      SubscriptionNode,
      s.friendlyName || s.offerName || s.id,
      vscode.TreeItemCollapsibleState.None,
      ...this.resourceFlags,
    );
    item.description = describe(
      s.status,
      s.quantity !== undefined && `×${s.quantity}`,
      termLabel(s.termDuration),
      s.billingCycle,
      s.autoRenewEnabled === undefined ? undefined : s.autoRenewEnabled ? 'auto-renew' : 'no auto-renew',
    );
    item.iconPath = statusIcon(s.status, 'versions');
    item.tooltip = new vscode.MarkdownString(
      `**${s.friendlyName || s.offerName || 'Subscription'}**\n\n- Subscription id: \`${s.id}\`\n- Offer: \`${s.offerId ?? '—'}\`\n- Status: ${s.status ?? '—'}\n- Quantity: ${s.quantity ?? '—'} ${s.unitType ?? ''}\n- Term: ${s.termDuration ?? '—'}, billed ${s.billingCycle ?? '—'}\n- Auto-renew: ${s.autoRenewEnabled ? 'on' : 'off'}\n- Commitment ends: ${shortDate(s.commitmentEndDate) ?? '—'}` +
        (s.orderId ? `\n- Order: \`${s.orderId}\`` : ''),
    );
    return item;
  }
}
