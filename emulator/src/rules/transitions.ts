// Transitions (upgrades) of new-commerce subscriptions: who may transition to what, and what a
// POST …/transitions may ask. From transition-a-new-commerce-subscription.md (eligibilities, the
// request body) and create-a-new-subscription.md† "Upgrade for new commerce license-based
// subscriptions":
// - "You can only start upgrades from active subscriptions" (a suspended source 800091, a
//   cancelled one 2011, an expired one 900279; in the eligibilities, error 2 on every type);
// - the targets are the upgrade paths (data/upgrades.ts); "Downgrades aren't supported";
// - an existing target subscription must be active (900258), not the source (900259), of the
//   target SKU (900260), outside its cancellation window (900261: "You won't be able to select a
//   destination subscription if the subscription is within cancellation window"), with a term
//   not shorter (900267) and not ending before the source's (900236);
// - a term the target does not offer is 900268, a shorter one 900267; the billing cycle must be
//   offered with it (900269) and not be longer than it (900270);
// - "Cancellation windows are not applied to upgrades": the source's window is not checked;
// - one transition at a time on a subscription (900278 "There is a pending operation").
// The quantity decides full (in place) or partial (a new, coterminous subscription).

import { asRecord, parseEnum } from '../casing';
import {
  type BillingCycle,
  BILLING_CYCLES,
  type CatalogItem,
  catalogItem,
  CYCLE_MONTHS,
  type TermDuration,
  TERM_DURATIONS,
  TERM_MONTHS,
} from '../data/catalog';
import { type SubscriptionRecord, type TransitionRecord, type TransitionType, REFUND_WINDOW_MS } from '../data/model';
import { type Store } from '../data/store';
import { skuKey, upgradeTargets } from '../data/upgrades';
import { type TransitionErrorAnswer, TARGET_SUBSCRIPTION_ERRORS, TRANSITION_ERRORS } from '../errorCodes';
import { ApiError, invalidInput } from '../errors';
import { lastTermDay } from '../wire/subscription';

export const TRANSITION_TYPES: readonly TransitionType[] = ['transition_only', 'transition_with_license_transfer'];

/** A transition of this subscription, as source or target, that has not completed yet. */
export function pendingTransition(store: Store, sub: SubscriptionRecord): TransitionRecord | undefined {
  return store
    .listOf(store.transitions, sub.customerId)
    .find((t) => t.completedAt === undefined && (t.fromSubscriptionId === sub.id || t.toSubscriptionId === sub.id));
}

/** Why no transition type is eligible for this source (the same for every type and target). */
export function sourceErrors(store: Store, source: SubscriptionRecord): TransitionErrorAnswer[] {
  if (source.status !== 'active') return [TRANSITION_ERRORS.sourceNotActive];
  if (pendingTransition(store, source)) return [TRANSITION_ERRORS.transitionInProgress];
  return [];
}

/** Why `target` cannot receive seats from `source` (the "Subscription eligibility errors"). */
export function targetErrors(source: SubscriptionRecord, target: SubscriptionRecord, now: number): TransitionErrorAnswer[] {
  const errors: TransitionErrorAnswer[] = [];
  if (target.status !== 'active') errors.push(TARGET_SUBSCRIPTION_ERRORS.notActive);
  if (now < target.termStart + REFUND_WINDOW_MS) errors.push(TARGET_SUBSCRIPTION_ERRORS.inCancellationWindow);
  if (TERM_MONTHS[target.termDuration] < TERM_MONTHS[source.termDuration]) errors.push(TARGET_SUBSCRIPTION_ERRORS.termShorter);
  if (lastTermDay(target) < lastTermDay(source)) errors.push(TARGET_SUBSCRIPTION_ERRORS.endsEarlier);
  return errors;
}

/** The customer's other subscriptions of the target SKU, which a transition may move seats into. */
export function candidateTargets(store: Store, source: SubscriptionRecord, target: CatalogItem): SubscriptionRecord[] {
  return store
    .listOf(store.subscriptions, source.customerId)
    .filter((s) => s.id !== source.id && s.status !== 'deleted' && skuKey(s.item) === skuKey(target));
}

/** What a checked POST …/transitions body asks for. */
export interface TransitionRequest {
  toItem: CatalogItem;
  target?: SubscriptionRecord;
  quantity: number;
  termDuration: TermDuration;
  billingCycle: BillingCycle;
  transitionType: TransitionType;
  promotionId?: string;
}

const given = (value: unknown): boolean => value !== undefined && value !== null && value !== '';

/** Reads and checks a transition request body against its source; throws the documented error. */
export function readTransition(store: Store, source: SubscriptionRecord, body: unknown, now: number): TransitionRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw invalidInput('The body must be a Transition resource.');
  }
  const b = asRecord(body);
  if (source.status === 'suspended') {
    throw new ApiError('subscriptionSuspended', 'A suspended subscription cannot be transitioned.');
  }
  if (source.status === 'deleted') throw new ApiError('subscriptionDeleted', 'A cancelled subscription cannot be transitioned.');
  if (source.status === 'expired') throw new ApiError('subscriptionExpired', 'An expired subscription cannot be transitioned.');
  if (typeof b.toCatalogItemId !== 'string' || b.toCatalogItemId.trim() === '') {
    throw invalidInput('toCatalogItemId is required.');
  }
  if (!given(b.transitionType)) {
    throw invalidInput('transitionType is required: transition_only or transition_with_license_transfer.');
  }
  const transitionType = parseEnum('transitionType', b.transitionType, TRANSITION_TYPES);
  const quantity = b.quantity;
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
    throw invalidInput('quantity is required: a whole number of at least 1.');
  }
  if (quantity > source.quantity) {
    throw invalidInput(`quantity ${quantity} is more than the ${source.quantity} seat(s) of the source subscription.`);
  }
  const toItem = upgradeTargets(source.item).find(
    (t) => t.catalogItemId.toUpperCase() === String(b.toCatalogItemId).trim().toUpperCase(),
  );
  if (!toItem) {
    const known = catalogItem(String(b.toCatalogItemId).trim());
    throw invalidInput(
      `${String(b.toCatalogItemId)} is not a transition target of ${source.item.catalogItemId}${known ? '' : ' (no such catalog item)'}; GET transitionEligibilities lists them.`,
    );
  }
  if (given(b.promotionId) && typeof b.promotionId !== 'string') throw invalidInput('promotionId must be a string.');
  const busy = pendingTransition(store, source);
  if (busy) {
    throw new ApiError('operationPending', `Transition ${busy.operationId} of this subscription is still in progress.`);
  }
  const target = given(b.toSubscriptionId) ? readTarget(store, source, toItem, String(b.toSubscriptionId), now) : undefined;
  const plan = target ? { termDuration: target.termDuration, billingCycle: target.billingCycle } : readPlan(source, toItem, b);
  return {
    toItem,
    target,
    quantity,
    ...plan,
    transitionType,
    ...(typeof b.promotionId === 'string' && b.promotionId !== '' ? { promotionId: b.promotionId } : {}),
  };
}

/**
 * An existing target keeps its own term and billing cycle ("seats are added only to the existing
 * subscription and keep the term duration and billing frequency", create-a-new-subscription.md†),
 * so termDuration and billingCycle sent with one are not checked.
 */
function readTarget(store: Store, source: SubscriptionRecord, toItem: CatalogItem, id: string, now: number): SubscriptionRecord {
  if (id.toLowerCase() === source.id.toLowerCase()) {
    throw new ApiError('transitionTargetIsSource', 'The target subscription cannot be the source subscription.');
  }
  const target = store.subscription(source.customerId, id);
  if (!target) throw new ApiError('subscriptionNotFound', `Subscription ${id} was not found.`);
  if (skuKey(target.item) !== skuKey(toItem)) {
    throw new ApiError(
      'transitionTargetItemMismatch',
      `The target subscription is ${target.item.catalogItemId}, not ${toItem.catalogItemId}.`,
    );
  }
  if (target.status !== 'active') throw new ApiError('transitionTargetNotActive', 'The target subscription must be active.');
  const busy = pendingTransition(store, target);
  if (busy) throw new ApiError('operationPending', `Transition ${busy.operationId} is still changing the target subscription.`);
  if (now < target.termStart + REFUND_WINDOW_MS) {
    throw new ApiError(
      'transitionTargetNotReady',
      'The target subscription is within its cancellation window; try again when it has passed.',
    );
  }
  if (TERM_MONTHS[target.termDuration] < TERM_MONTHS[source.termDuration]) {
    throw new ApiError(
      'transitionTermShorter',
      `The target's term ${target.termDuration} is shorter than the source's ${source.termDuration}.`,
    );
  }
  if (lastTermDay(target) < lastTermDay(source)) {
    throw new ApiError('transitionTargetEndsEarlier', 'The target subscription ends before the source subscription.');
  }
  return target;
}

/**
 * The term and billing cycle of a transition to a new or upgraded subscription. Each one sent is
 * checked against the target's availability; one left out is the source's where the target offers
 * it, otherwise the target's first (a trial's P1M "none" becomes the paid SKU's P1M monthly).
 */
function readPlan(
  source: SubscriptionRecord,
  toItem: CatalogItem,
  b: Record<string, unknown>,
): { termDuration: TermDuration; billingCycle: BillingCycle } {
  const terms = toItem.availability.terms;
  let termDuration: TermDuration;
  if (given(b.termDuration)) {
    termDuration = parseEnum('termDuration', b.termDuration, TERM_DURATIONS);
    if (!terms.some((t) => t.duration === termDuration)) {
      throw new ApiError('transitionTermInvalid', `${toItem.catalogItemId} is not sold for the term ${termDuration}.`);
    }
    if (TERM_MONTHS[termDuration] < TERM_MONTHS[source.termDuration]) {
      throw new ApiError(
        'transitionTermShorter',
        `The term ${termDuration} is shorter than the source's ${source.termDuration}.`,
      );
    }
  } else {
    termDuration = terms.some((t) => t.duration === source.termDuration) ? source.termDuration : terms[0].duration;
  }
  const cycles = terms.filter((t) => t.duration === termDuration).map((t) => t.billingCycle);
  if (!given(b.billingCycle)) {
    return { termDuration, billingCycle: cycles.includes(source.billingCycle) ? source.billingCycle : cycles[0] };
  }
  const billingCycle = parseEnum('billingCycle', b.billingCycle, BILLING_CYCLES);
  if (CYCLE_MONTHS[billingCycle] > TERM_MONTHS[termDuration]) {
    throw new ApiError(
      'billingCycleLongerThanTerm',
      `The billing cycle '${billingCycle}' cannot be longer than the term '${termDuration}'.`,
    );
  }
  if (!cycles.includes(billingCycle)) {
    throw new ApiError(
      'billingCycleInvalid',
      `The billing cycle '${billingCycle}' is not offered with the term ${termDuration} for ${toItem.catalogItemId}.`,
    );
  }
  return { termDuration, billingCycle };
}
