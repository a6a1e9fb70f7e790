// What a PATCH of a subscription may change (update-a-subscription-by-id.md and friends):
// - suspended: only reactivation or cancellation (800091); no quantity change while suspending (2001)
// - deleted (2011) or expired (900279): nothing; and no PATCH sets status "expired" (800096)
// - seats: within the SKU bounds (2002); decreases only of seats still in their 7-day window (800090)
// - cancel (status "deleted"): only within 7 days of purchase or renewal (900213)
// - billing cycle: never longer than the term (900270); mid-term only monthly <-> annual on P3Y (800097)
// - auto-renew: not for trials (800093)
// - software subscriptions: no seat reductions at all (800090; new-commerce-cancellation-policy.md:
//   "Partner Center doesn't allow seat reductions for software subscriptions")
// - scheduledNextTermInstructions: a product and a quantity (create-scheduled-changes.md)
// What a change does besides itself:
// - suspending turns auto-renew off and removes scheduled changes (create-a-new-subscription.md:
//   "Suspending a new commerce subscription turns off autorenew"; subscription-lifecycle.md:
//   "Any other scheduled changes are removed")
// - cancelling, turning auto-renew off or changing the quantity deletes saved scheduled changes
//   (create-a-new-subscription.md: "Saved scheduled changes are deleted if you make any of the
//   following midterm changes: Cancel a subscription, Turn off autorenew, Change a quantity ...");
//   instructions the same body sets anew are kept, and new ones need auto-renew on
//   (create-scheduled-changes.md: "ensure that the AutoRenewEnabled property has been set to true")

import { asRecord, parseEnum } from '../casing';
import { type BillingCycle, BILLING_CYCLES, CYCLE_MONTHS, TERM_DURATIONS, TERM_MONTHS } from '../data/catalog';
import {
  type ScheduledNextTermInstructions,
  type SubscriptionRecord,
  type SubscriptionStatus,
  REFUND_WINDOW_MS,
} from '../data/model';
import { ApiError, invalidInput } from '../errors';

export interface SubscriptionChange {
  status: SubscriptionStatus;
  quantity: number;
  billingCycle: BillingCycle;
  friendlyName: string;
  autoRenewEnabled: boolean;
  /** Undefined when the body has none: then the subscription has none afterwards. */
  scheduledNextTermInstructions: ScheduledNextTermInstructions | undefined;
  /** Fields the body set explicitly (the auto-renew reset of a minimal body is not one). */
  explicit: Set<string>;
}

function requiredText(record: Record<string, unknown>, key: string, path: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value.trim() === '') throw invalidInput(`${path}.${key} is required.`);
  return value.trim();
}

/**
 * Reads `scheduledNextTermInstructions` (subscription-resources.md: product {productId, skuId,
 * availabilityId, billingCycle, termDuration, promotionId}, quantity, customTermEndDate). The
 * table says termDuration is P1M or P1Y, but both examples schedule P3Y, so every term the
 * emulator knows is taken. Whether the product exists or fits the subscription is not checked.
 */
export function readScheduledNextTermInstructions(value: unknown): ScheduledNextTermInstructions {
  const path = 'scheduledNextTermInstructions';
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidInput(`${path} must be an object with a product and a quantity.`);
  }
  const record = asRecord(value);
  if (record.product === null || typeof record.product !== 'object' || Array.isArray(record.product)) {
    throw invalidInput(`${path}.product is required.`);
  }
  const product = asRecord(record.product);
  const quantity = record.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
    throw invalidInput(`${path}.quantity must be a whole number of at least 1.`);
  }
  const promotionId = product.promotionId;
  if (promotionId !== undefined && promotionId !== null && typeof promotionId !== 'string') {
    throw invalidInput(`${path}.product.promotionId must be a string.`);
  }
  const customTermEndDate = record.customTermEndDate;
  if (
    customTermEndDate !== undefined &&
    customTermEndDate !== null &&
    (typeof customTermEndDate !== 'string' || Number.isNaN(Date.parse(customTermEndDate)))
  ) {
    throw invalidInput(`${path}.customTermEndDate must be a date.`);
  }
  return {
    product: {
      productId: requiredText(product, 'productId', `${path}.product`),
      skuId: requiredText(product, 'skuId', `${path}.product`),
      availabilityId: requiredText(product, 'availabilityId', `${path}.product`),
      billingCycle: parseEnum(`${path}.product.billingCycle`, product.billingCycle, BILLING_CYCLES),
      termDuration: parseEnum(`${path}.product.termDuration`, product.termDuration, TERM_DURATIONS),
      ...(typeof promotionId === 'string' && promotionId !== '' ? { promotionId } : {}),
    },
    quantity,
    ...(typeof customTermEndDate === 'string' ? { customTermEndDate } : {}),
  };
}

/** True when the body's instructions are the ones the subscription has saved (sent back as read). */
function resendsSaved(sub: SubscriptionRecord, next: SubscriptionChange): boolean {
  const saved = sub.scheduledNextTermInstructions;
  return saved !== undefined && JSON.stringify(saved) === JSON.stringify(next.scheduledNextTermInstructions);
}

export function checkSubscriptionChange(sub: SubscriptionRecord, next: SubscriptionChange, now: number): void {
  if (next.scheduledNextTermInstructions !== undefined && !next.autoRenewEnabled && !resendsSaved(sub, next)) {
    throw invalidInput('scheduledNextTermInstructions need autoRenewEnabled: true.');
  }
  const changed = (field: keyof SubscriptionChange): boolean =>
    next.explicit.has(field) && next[field] !== sub[field as keyof SubscriptionRecord];
  const anyOther = changed('quantity') || changed('billingCycle') || changed('friendlyName') || changed('autoRenewEnabled');
  if (sub.status === 'deleted' || sub.status === 'expired') {
    if (anyOther || next.status !== sub.status) {
      throw new ApiError(
        sub.status === 'deleted' ? 'subscriptionDeleted' : 'subscriptionExpired',
        `The subscription is ${sub.status} and cannot be updated.`,
      );
    }
    return;
  }
  if (next.status === 'expired') {
    throw new ApiError('statusNotSettable', 'A subscription cannot be set to expired; it expires at the end of its term.');
  }
  if (sub.status === 'suspended' && next.status !== 'active' && next.status !== 'deleted' && anyOther) {
    throw new ApiError(
      'subscriptionSuspended',
      'The subscription is suspended; reactivate it (status "active") before changing it.',
    );
  }
  if (sub.status === 'suspended' && next.status === 'active' && anyOther) {
    throw new ApiError(
      'subscriptionSuspended',
      'A suspended subscription can only be reactivated; change other fields in a later update.',
    );
  }
  if (next.status === 'suspended' && sub.status === 'active' && changed('quantity')) {
    throw new ApiError('quantityChangeWhileSuspending', 'The quantity cannot be changed while suspending a subscription.');
  }
  if (next.status === 'deleted' && now >= sub.termStart + REFUND_WINDOW_MS) {
    throw new ApiError(
      'cancellationWindowPassed',
      'The cancellation window has passed: a subscription can be cancelled only within 7 days of purchase or renewal.',
    );
  }
  if (changed('quantity')) checkQuantityChange(sub, next.quantity, now);
  if (changed('billingCycle')) checkCycleChange(sub, next.billingCycle);
  if (changed('autoRenewEnabled') && next.autoRenewEnabled && sub.item.sku.isTrial) {
    throw new ApiError('autoRenewNotEligible', 'Auto-renew cannot be turned on for a trial subscription.');
  }
}

function checkQuantityChange(sub: SubscriptionRecord, quantity: number, now: number): void {
  const { minimumQuantity: min, maximumQuantity: max } = sub.item.sku;
  if (quantity < min || quantity > max) {
    throw new ApiError('subscriptionQuantityOutOfRange', `The quantity must be between ${min} and ${max}.`);
  }
  const decrease = sub.quantity - quantity;
  if (decrease <= 0) return;
  if (sub.item.product.kind === 'software') {
    throw new ApiError(
      'seatDecreaseWindowPassed',
      'Subscription quantity cannot be decreased: software subscriptions allow no seat reductions.',
    );
  }
  const removable = sub.refundable.filter((r) => r.until > now).reduce((n, r) => n + r.quantity, 0);
  if (decrease > removable) {
    throw new ApiError(
      'seatDecreaseWindowPassed',
      `Subscription quantity cannot be decreased: only ${removable} seat(s) are still within their 7-day window.`,
    );
  }
}

function checkCycleChange(sub: SubscriptionRecord, cycle: BillingCycle): void {
  if (cycle === 'one_time' || cycle === 'none' || CYCLE_MONTHS[cycle] > TERM_MONTHS[sub.termDuration]) {
    throw new ApiError(
      'billingCycleLongerThanTerm',
      `The billing cycle '${cycle}' cannot be longer than the term '${sub.termDuration}'.`,
    );
  }
  const midTermSwitch =
    sub.termDuration === 'P3Y' &&
    (cycle === 'monthly' || cycle === 'annual') &&
    (sub.billingCycle === 'monthly' || sub.billingCycle === 'annual');
  if (!midTermSwitch) {
    throw new ApiError(
      'billingCycleChangeNotAllowed',
      `The billing cycle cannot change from '${sub.billingCycle}' to '${cycle}' mid-term on a ${sub.termDuration} term; only monthly <-> annual on P3Y can.`,
    );
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
  const suspending = next.status === 'suspended' && sub.status !== 'suspended';
  const keepsSaved = resendsSaved(sub, next);
  const dropsSaved = delta !== 0 || next.status === 'deleted' || !next.autoRenewEnabled;
  sub.quantity = next.quantity;
  sub.status = next.status;
  sub.billingCycle = next.billingCycle;
  sub.friendlyName = next.friendlyName;
  sub.autoRenewEnabled = suspending ? false : next.autoRenewEnabled;
  sub.scheduledNextTermInstructions =
    suspending || next.status === 'deleted' || (keepsSaved && dropsSaved) ? undefined : next.scheduledNextTermInstructions;
  sub.version++;
}
