// A subscription: status, quantity, term, billing cycle and auto-renew, with what its lifecycle
// allows right now (issue 15): the cancellation window and the time left in it, suspended,
// auto-renew off, changes scheduled for the next term. Its context value carries one flag per
// lifecycle action it offers (common/src/lifecycle/actions.ts decides), so the menus show only
// those. Pending ones are polled.
import * as vscode from 'vscode';
import { type Subscription } from '../../../common/src/api';
import { availability, type LifecycleActionId, upgradeAvailability } from '../../../common/src/lifecycle/actions';

import {
  describeScheduled,
  subscriptionState,
  type SubscriptionState,
  timeLeft,
} from '../../../common/src/lifecycle/subscriptionState';
import { CustomerResourceNode } from './CustomerResourceNode';
import { describe, shortDate, statusIcon, termLabel, treeItem } from './presentation';

/** The actions whose availability depends on the subscription, each a context flag `partnerCenter.lifecycle.<id>`. */
const FLAGGED: readonly LifecycleActionId[] = ['quantity', 'suspend', 'reactivate', 'cancel', 'schedule', 'billingCycle'];

export class SubscriptionNode extends CustomerResourceNode<Subscription> {
  static readonly contextValue = 'partnerCenter.subscription';
  protected readonly idKey = 'subscription';

  get documentTitle(): string {
    return this.subscription.friendlyName ?? this.subscription.offerName ?? `Subscription ${this.subscription.id}`;
  }

  get subscription(): Subscription {
    return this.resource;
  }

  /** The lifecycle state as of now (the cancellation window closes while the tree is open). */
  lifecycle(now = Date.now()): SubscriptionState {
    return subscriptionState(this.subscription, now);
  }

  /** A lifecycle action settled: show the subscription as Partner Center answered it. */
  applied(fresh: Subscription): void {
    this.resource = fresh;
    this.ctx.changed(this);
  }

  protected fetch(signal: AbortSignal): Promise<Subscription> {
    return this.ctx.client().subscriptions.get(this.customerId, this.resourceId, { signal });
  }

  protected shown(s: Subscription): unknown {
    return [s.status, s.offerId, s.quantity, s.autoRenewEnabled, s.billingCycle, s.scheduledNextTermInstructions];
  }

  private lifecycleFlags(state: SubscriptionState): string[] {
    const flags = FLAGGED.filter((a) => availability(a, state).offered).map((a) => `partnerCenter.lifecycle.${a}`);
    if (state.active) flags.push(`partnerCenter.lifecycle.${state.autoRenew ? 'autoRenewOn' : 'autoRenewOff'}`);
    if (state.active && state.scheduled) flags.push('partnerCenter.lifecycle.scheduled');
    // Upgrade targets may exist (GET transitionEligibilities, read when Upgrade… is chosen).
    if (upgradeAvailability(state).offered) flags.push('partnerCenter.lifecycle.upgrade');
    // Outside the window the menu says why it cannot cancel instead of offering Cancel….
    if (!state.ended && !state.cancellation) flags.push('partnerCenter.lifecycle.cancelClosed');
    return flags;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.subscription;
    const state = this.lifecycle();
    const item = treeItem(
      this,
      SubscriptionNode,
      s.friendlyName || s.offerName || s.id,
      vscode.TreeItemCollapsibleState.None,
      ...this.resourceFlags,
      ...this.lifecycleFlags(state),
    );
    item.description = describe(
      s.status,
      s.quantity !== undefined && `×${s.quantity}`,
      termLabel(s.termDuration),
      s.billingCycle,
      s.autoRenewEnabled === undefined ? undefined : s.autoRenewEnabled ? 'auto-renew' : 'no auto-renew',
      state.cancellation && `cancellable, ${timeLeft(state.cancellation.msLeft)} left`,
      state.scheduled && !state.ended && 'changes scheduled',
    );
    item.iconPath = statusIcon(s.status, 'versions');
    item.tooltip = new vscode.MarkdownString(this.hover(s, state));
    return item;
  }

  private hover(s: Subscription, state: SubscriptionState): string {
    const lines = [
      `**${s.friendlyName || s.offerName || 'Subscription'}**`,
      '',
      `- Subscription id: \`${s.id}\``,
      `- Offer: \`${s.offerId ?? '—'}\``,
      `- Status: ${s.status ?? '—'}`,
      `- Quantity: ${s.quantity ?? '—'} ${s.unitType ?? ''}`,
      `- Term: ${s.termDuration ?? '—'}, billed ${s.billingCycle ?? '—'}`,
      `- Term ends: ${shortDate(s.commitmentEndDate) ?? '—'}`,
      `- Auto-renew: ${s.autoRenewEnabled ? 'on' : 'off'}`,
      `- Next renewal: ${state.nextRenewal ?? (state.ended ? '—' : 'none (auto-renew is off: it ends with its term)')}`,
      `- Scheduled for the next term: ${state.scheduled ? describeScheduled(state.scheduled) : 'nothing'}`,
      state.cancellation
        ? `- Cancellable until ${state.cancellation.until} (${timeLeft(state.cancellation.msLeft)} left); ${state.refundableQuantity} seat(s) refundable`
        : `- Cancellation: ${state.ended ? '—' : 'not possible now (only within seven days of purchase or renewal)'}`,
    ];
    if (s.orderId) lines.push(`- Order: \`${s.orderId}\``);
    return lines.join('\n');
  }
}
