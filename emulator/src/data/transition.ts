// What a transition does when it completes (create-a-new-subscription.md† "Upgrade for new
// commerce license-based subscriptions"), at `completeAt`, the provisioning delay after it was
// posted, as an order completes:
// - into an existing subscription: "seats are added only to the existing subscription and keep the
//   term duration and billing frequency"; the source keeps the seats not moved, and a source left
//   with none expires (the docs do not say what becomes of it; docs/fidelity.md);
// - full (every seat) otherwise: "an in-place upgrade … The subscription ID remains the same": the
//   source becomes the target SKU, with the term and billing cycle asked for;
// - partial (fewer seats): "A new subscription … has the same term end dates as the subscription
//   that the upgrade originated from", and the source keeps the rest;
// - "Starting a midterm upgrade removes any upgrades that may have been scheduled", and "Saved
//   scheduled changes are deleted if you make … Upgrade a SKU": the source's scheduled changes go.
// Its events: `Conversion Completed` (and, for transition_with_license_transfer,
// `LicenseReassignment` Started and Completed). A source that lost its seats or stopped being
// active meanwhile makes the transition fail instead (`Conversion Failed`), with nothing moved.

import { TRANSITION_ERRORS } from '../errorCodes';
import { type SubscriptionRecord, type TransitionRecord } from './model';
import { type Store } from './store';

export function completeTransition(store: Store, t: TransitionRecord): void {
  const at = t.completeAt;
  t.completedAt = at;
  const source = store.subscription(t.customerId, t.fromSubscriptionId);
  const target = t.intoExisting && t.toSubscriptionId ? store.subscription(t.customerId, t.toSubscriptionId) : undefined;
  const failure =
    !source || source.status !== 'active' || (target && target.status !== 'active')
      ? TRANSITION_ERRORS.sourceNotActive
      : source.quantity < t.quantity
        ? TRANSITION_ERRORS.seatsGone
        : undefined;
  if (failure || !source) {
    t.events.push({ name: 'Conversion', status: 'Failed', timestamp: at, error: failure ?? TRANSITION_ERRORS.sourceNotActive });
    return;
  }
  if (target) {
    target.quantity += t.quantity;
    target.version++;
    if (t.quantity === source.quantity) {
      source.status = 'expired';
      source.autoRenewEnabled = false;
      source.refundable = [];
    } else {
      moveSeats(source, t.quantity);
    }
  } else if (t.quantity === source.quantity) {
    source.item = t.toItem;
    source.termDuration = t.termDuration;
    source.billingCycle = t.billingCycle;
  } else {
    moveSeats(source, t.quantity);
    t.toSubscriptionId = addPartialTarget(store, source, t, at);
  }
  source.scheduledNextTermInstructions = undefined;
  source.version++;
  t.events.push({ name: 'Conversion', status: 'Completed', timestamp: at });
  if (t.transitionType === 'transition_with_license_transfer') {
    t.events.push({ name: 'LicenseReassignment', status: 'Started', timestamp: at });
    t.events.push({ name: 'LicenseReassignment', status: 'Completed', timestamp: at });
  }
}

/** Takes seats out of the source, the newest refundable ones first (as a seat reduction would). */
function moveSeats(source: SubscriptionRecord, quantity: number): void {
  source.quantity -= quantity;
  for (let left = quantity, i = source.refundable.length - 1; left > 0 && i >= 0; i--) {
    const take = Math.min(left, source.refundable[i].quantity);
    source.refundable[i].quantity -= take;
    left -= take;
  }
  source.refundable = source.refundable.filter((r) => r.quantity > 0);
}

/**
 * The new subscription of a partial transition: coterminous with the source (its term start and,
 * unless another was asked for, its term), in the source's order, with no refundable seats
 * ("Cancellation windows are not applied to upgrades").
 */
function addPartialTarget(store: Store, source: SubscriptionRecord, t: TransitionRecord, at: number): string {
  const sub: SubscriptionRecord = {
    id: store.ids.guid(),
    customerId: source.customerId,
    orderId: source.orderId,
    entitlementId: store.ids.guid(),
    item: t.toItem,
    friendlyName: t.toItem.sku.title,
    quantity: t.quantity,
    createdAt: at,
    termStart: t.termDuration === source.termDuration ? source.termStart : at,
    termDuration: t.termDuration,
    billingCycle: t.billingCycle,
    status: 'active',
    autoRenewEnabled: source.autoRenewEnabled,
    refundable: [],
    partnerIdOnRecord: source.partnerIdOnRecord,
    version: 1,
  };
  store.listOf(store.subscriptions, source.customerId).push(sub);
  return sub.id;
}
