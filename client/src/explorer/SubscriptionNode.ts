// A subscription: status, quantity, term, billing cycle and auto-renew. Pending ones are polled.
import * as vscode from 'vscode';
import { type Subscription } from '../../../common/src/api';
import { type ExplorerNode } from './node';
import { type PollableNode } from './poller';
import { contextValue, describe, isPendingStatus, shortDate, statusIcon, termLabel } from './presentation';
import { type ResourceNode } from './resourceNode';
import { type SubscriptionsFolderNode } from './SubscriptionsFolderNode';
import { type TreeContext } from './treeContext';

export class SubscriptionNode implements PollableNode, ResourceNode {
  static readonly contextValue = 'partnerCenter.subscription';
  readonly id: string;

  constructor(public subscription: Subscription, readonly folder: SubscriptionsFolderNode, private readonly ctx: TreeContext) {
    this.id = `${folder.customer.id}/subscription/${subscription.id}`;
  }

  get customerId(): string {
    return this.folder.customer.customer.id;
  }

  get resourceId(): string {
    return this.subscription.id;
  }

  get apiPath(): string {
    return `/customers/${this.customerId}/subscriptions/${this.subscription.id}`;
  }

  get documentTitle(): string {
    return this.subscription.friendlyName ?? this.subscription.offerName ?? `Subscription ${this.subscription.id}`;
  }

  getParent(): ExplorerNode {
    return this.folder;
  }

  isSettled(): boolean {
    return !isPendingStatus(this.subscription.status);
  }

  async poll(signal: AbortSignal): Promise<boolean> {
    const fresh = await this.ctx.client().subscriptions.get(this.customerId, this.resourceId, { signal });
    const changed = fresh.status !== this.subscription.status || fresh.quantity !== this.subscription.quantity;
    this.subscription = fresh;
    return changed;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.subscription;
    const item = new vscode.TreeItem(s.friendlyName || s.offerName || s.id, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = describe(s.status, s.quantity !== undefined && `×${s.quantity}`, termLabel(s.termDuration), s.billingCycle, s.autoRenewEnabled === undefined ? undefined : s.autoRenewEnabled ? 'auto-renew' : 'no auto-renew');
    item.iconPath = statusIcon(s.status, 'versions');
    item.contextValue = contextValue(SubscriptionNode.contextValue, 'partnerCenter.resource', isPendingStatus(s.status) ? 'partnerCenter.pending' : 'partnerCenter.settled');
    item.tooltip = new vscode.MarkdownString(
      `**${s.friendlyName || s.offerName || 'Subscription'}**\n\n- Subscription id: \`${s.id}\`\n- Offer: \`${s.offerId ?? '—'}\`\n- Status: ${s.status ?? '—'}\n- Quantity: ${s.quantity ?? '—'} ${s.unitType ?? ''}\n- Term: ${s.termDuration ?? '—'}, billed ${s.billingCycle ?? '—'}\n- Auto-renew: ${s.autoRenewEnabled ? 'on' : 'off'}\n- Commitment ends: ${shortDate(s.commitmentEndDate) ?? '—'}` +
        (s.orderId ? `\n- Order: \`${s.orderId}\`` : ''),
    );
    return item;
  }
}
