// What a subscription, as Partner Center returns it, says about its lifecycle right now: whether it
// can still be cancelled and until when, how many seats can still be removed, whether it is
// suspended, renews, or has changes scheduled for its next term. The explorer's badges and hover,
// the actions it offers and the consequences a review lists all read this one summary.
// Sources: subscription-resources.md (cancellationAllowedUntilDate, refundableQuantity,
// refundOptions, scheduledNextTermInstructions, commitmentEndDate), create-a-new-subscription.md
// (the seven-day windows, renewal the day after the term end date).
import { isObject, numberProp, prop, stringProp } from '../send/jsonValues';

export interface RefundOption {
  type: string;
  expiresAt?: string;
}

export interface SubscriptionState {
  status: string;
  active: boolean;
  suspended: boolean;
  /** Deleted (cancelled) or expired: nothing can change any more. */
  ended: boolean;
  autoRenew: boolean;
  quantity?: number;
  termDuration?: string;
  billingCycle?: string;
  /** The last day of the term (inclusive). */
  termEnd?: string;
  /** The day the renewal starts when auto-renew is on: the day after the term end date. */
  nextRenewal?: string;
  /** While the seven-day window is open: when it closes, and how long is left (ms). */
  cancellation?: { until: string; msLeft: number };
  refundOptions: RefundOption[];
  /** Seats still inside their seven-day window (refundableQuantity.totalQuantity). */
  refundableQuantity: number;
  scheduled?: ScheduledChange;
  isTrial: boolean;
}

export interface ScheduledChange {
  productId?: string;
  skuId?: string;
  availabilityId?: string;
  termDuration?: string;
  billingCycle?: string;
  quantity?: number;
}

const DAY_MS = 86_400_000;

export function subscriptionState(sub: unknown, now: number): SubscriptionState {
  const status = (stringProp(sub, 'status') ?? 'unknown').toLowerCase();
  const termEnd = stringProp(sub, 'commitmentEndDate');
  const autoRenew = prop(sub, 'autoRenewEnabled') === true;
  const until = stringProp(sub, 'cancellationAllowedUntilDate');
  const untilMs = until ? Date.parse(until) : NaN;
  const ended = status === 'deleted' || status === 'expired';
  const termEndMs = termEnd ? Date.parse(termEnd) : NaN;
  return {
    status,
    active: status === 'active',
    suspended: status === 'suspended',
    ended,
    autoRenew,
    quantity: numberProp(sub, 'quantity'),
    termDuration: stringProp(sub, 'termDuration'),
    billingCycle: stringProp(sub, 'billingCycle'),
    termEnd,
    nextRenewal:
      autoRenew && !ended && Number.isFinite(termEndMs) ? new Date(termEndMs + DAY_MS).toISOString().slice(0, 10) : undefined,
    cancellation: !ended && Number.isFinite(untilMs) && untilMs > now ? { until: until!, msLeft: untilMs - now } : undefined,
    refundOptions: refundOptionsOf(prop(sub, 'refundOptions')),
    refundableQuantity: numberProp(prop(sub, 'refundableQuantity'), 'totalQuantity') ?? 0,
    scheduled: scheduledOf(prop(sub, 'scheduledNextTermInstructions')),
    isTrial: prop(sub, 'isTrial') === true,
  };
}

function refundOptionsOf(value: unknown): RefundOption[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isObject).map((o) => ({ type: stringProp(o, 'type') ?? 'Unknown', expiresAt: stringProp(o, 'expiresAt') }));
}

function scheduledOf(value: unknown): ScheduledChange | undefined {
  if (!isObject(value)) return undefined;
  const product = prop(value, 'product');
  return {
    productId: stringProp(product, 'productId'),
    skuId: stringProp(product, 'skuId'),
    availabilityId: stringProp(product, 'availabilityId'),
    termDuration: stringProp(product, 'termDuration'),
    billingCycle: stringProp(product, 'billingCycle'),
    quantity: numberProp(value, 'quantity'),
  };
}

/** "2 days 5 hours", "3 hours 10 minutes", "12 minutes": the time left, in the two largest units. */
export function timeLeft(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const unit = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (days > 0) return hours > 0 ? `${unit(days, 'day')} ${unit(hours, 'hour')}` : unit(days, 'day');
  if (hours > 0) return mins > 0 ? `${unit(hours, 'hour')} ${unit(mins, 'minute')}` : unit(hours, 'hour');
  return unit(mins, 'minute');
}

/** The scheduled change in a partner's words: "5 × SKU 0002, P1Y, billed annual". */
export function describeScheduled(s: ScheduledChange): string {
  const sku = [s.productId, s.skuId].filter(Boolean).join(':');
  return [`${s.quantity ?? '?'} × ${sku || 'product'}`, s.termDuration, s.billingCycle && `billed ${s.billingCycle}`]
    .filter(Boolean)
    .join(', ');
}
