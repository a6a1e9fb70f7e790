// What a PATCH of a subscription may change (update-a-subscription-by-id.md and friends):
// - suspended: only reactivation or cancellation (800091); no quantity change while suspending (2001)
// - deleted (2011) or expired (900279): nothing; and no PATCH sets status "expired" (800096)
// - seats: within the SKU bounds (2002); decreases only of seats still in their 7-day window (800090)
// - cancel (status "deleted"): only within 7 days of purchase or renewal (900213)
// - billing cycle: never longer than the term (900270); mid-term only monthly <-> annual on P3Y (800097)
// - auto-renew: not for trials (800093)

import { type BillingCycle, CYCLE_MONTHS, TERM_MONTHS } from '../data/catalog';
import { type SubscriptionRecord, type SubscriptionStatus, REFUND_WINDOW_MS } from '../data/model';
import { ApiError } from '../errors';

export interface SubscriptionChange {
  status: SubscriptionStatus;
  quantity: number;
  billingCycle: BillingCycle;
  friendlyName: string;
  autoRenewEnabled: boolean;
  /** Fields the body set explicitly (the auto-renew reset of a minimal body is not one). */
  explicit: Set<string>;
}

export function checkSubscriptionChange(sub: SubscriptionRecord, next: SubscriptionChange, now: number): void {
  const changed = (field: keyof SubscriptionChange): boolean => next.explicit.has(field) && next[field] !== sub[field as keyof SubscriptionRecord];
  const anyOther = changed('quantity') || changed('billingCycle') || changed('friendlyName') || changed('autoRenewEnabled');
  if (sub.status === 'deleted' || sub.status === 'expired') {
    if (anyOther || next.status !== sub.status) {
      throw new ApiError(sub.status === 'deleted' ? 'subscriptionDeleted' : 'subscriptionExpired', `The subscription is ${sub.status} and cannot be updated.`);
    }
    return;
  }
  if (next.status === 'expired') throw new ApiError('statusNotSettable', 'A subscription cannot be set to expired; it expires at the end of its term.');
  if (sub.status === 'suspended' && next.status !== 'active' && next.status !== 'deleted' && anyOther) {
    throw new ApiError('subscriptionSuspended', 'The subscription is suspended; reactivate it (status "active") before changing it.');
  }
  if (sub.status === 'suspended' && next.status === 'active' && anyOther) {
    throw new ApiError('subscriptionSuspended', 'A suspended subscription can only be reactivated; change other fields in a later update.');
  }
  if (next.status === 'suspended' && sub.status === 'active' && changed('quantity')) {
    throw new ApiError('quantityChangeWhileSuspending', 'The quantity cannot be changed while suspending a subscription.');
  }
  if (next.status === 'deleted' && now >= sub.termStart + REFUND_WINDOW_MS) {
    throw new ApiError('cancellationWindowPassed', 'The cancellation window has passed: a subscription can be cancelled only within 7 days of purchase or renewal.');
  }
  if (changed('quantity')) checkQuantityChange(sub, next.quantity, now);
  if (changed('billingCycle')) checkCycleChange(sub, next.billingCycle);
  if (changed('autoRenewEnabled') && next.autoRenewEnabled && sub.item.sku.isTrial) {
    throw new ApiError('autoRenewNotEligible', 'Auto-renew cannot be turned on for a trial subscription.');
  }
}

function checkQuantityChange(sub: SubscriptionRecord, quantity: number, now: number): void {
  const { minimumQuantity: min, maximumQuantity: max } = sub.item.sku;
  if (quantity < min || quantity > max) throw new ApiError('subscriptionQuantityOutOfRange', `The quantity must be between ${min} and ${max}.`);
  const decrease = sub.quantity - quantity;
  if (decrease <= 0) return;
  const removable = sub.refundable.filter((r) => r.until > now).reduce((n, r) => n + r.quantity, 0);
  if (decrease > removable) {
    throw new ApiError('seatDecreaseWindowPassed', `Subscription quantity cannot be decreased: only ${removable} seat(s) are still within their 7-day window.`);
  }
}

function checkCycleChange(sub: SubscriptionRecord, cycle: BillingCycle): void {
  if (cycle === 'one_time' || cycle === 'none' || CYCLE_MONTHS[cycle] > TERM_MONTHS[sub.termDuration]) {
    throw new ApiError('billingCycleLongerThanTerm', `The billing cycle '${cycle}' cannot be longer than the term '${sub.termDuration}'.`);
  }
  const midTermSwitch = sub.termDuration === 'P3Y' && (cycle === 'monthly' || cycle === 'annual') && (sub.billingCycle === 'monthly' || sub.billingCycle === 'annual');
  if (!midTermSwitch) {
    throw new ApiError('billingCycleChangeNotAllowed', `The billing cycle cannot change from '${sub.billingCycle}' to '${cycle}' mid-term on a ${sub.termDuration} term; only monthly <-> annual on P3Y can.`);
  }
}

/** Applies a checked change, keeping the refund windows in step with the seat count. */
export function applySubscriptionChange(sub: SubscriptionRecord, next: SubscriptionChange, now: number): void {
  const delta = next.quantity - sub.quantity;
  if (delta > 0) sub.refundable.push({ quantity: delta, until: now + REFUND_WINDOW_MS });
  for (let left = -delta, i = sub.refundable.length - 1; left > 0 && i >= 0; i--) {
    const r = sub.refundable[i];
    if (r.until <= now) continue;
    const take = Math.min(left, r.quantity);
    r.quantity -= take;
    left -= take;
  }
  sub.refundable = sub.refundable.filter((r) => r.quantity > 0);
  sub.quantity = next.quantity;
  sub.status = next.status;
  sub.billingCycle = next.billingCycle;
  sub.friendlyName = next.friendlyName;
  sub.autoRenewEnabled = next.autoRenewEnabled;
  sub.version++;
}
