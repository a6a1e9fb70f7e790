// /customers/{c}/subscriptions/{s}/transitionEligibilities and …/transitions
// (transition-a-new-commerce-subscription.md, get-transitions.md): which upgrades a subscription
// has, posting one, and its history. A posted transition answers 200 with its first event
// (Conversion Started) and completes the provisioning delay later, like an order; rules in
// rules/transitions.ts, what completing does in data/transition.ts.

import { parseEnum, queryParam } from '../casing';
import { type TransitionRecord } from '../data/model';
import { upgradeTargets } from '../data/upgrades';
import { collection } from '../envelope';
import { type HttpAnswer, type RequestContext, type Router } from '../router';
import { candidateTargets, readTransition, sourceErrors, targetErrors } from '../rules/transitions';
import { eligibilityWire, transitionWire } from '../wire/transition';
import { requireSubscription } from './subscriptions';

const BASE = '/customers/{customerId}/subscriptions/{subscriptionId}';

export function registerTransitions(router: Router): void {
  router.get(`${BASE}/transitionEligibilities`, getEligibilities);
  router.get(`${BASE}/transitions`, getTransitions);
  router.post(`${BASE}/transitions`, postTransition);
}

/**
 * "Empty lists will be returned if the source subscription is a trial or if the eligibilityType is
 * specified as Scheduled. You can only transition into an existing subscription with an immediate
 * … transition": those answers list the targets without subscriptionEligibilities. A subscription
 * without upgrade paths answers an empty collection (the SDK's sample reads totalCount 0 as "It
 * cannot be transitioned").
 */
function getEligibilities(ctx: RequestContext): HttpAnswer {
  const { sub } = requireSubscription(ctx);
  const type = parseEnum('eligibilityType', queryParam(ctx.url, 'eligibilityType') ?? 'immediate', ['immediate', 'scheduled']);
  const errors = sourceErrors(ctx.store, sub);
  const operationId = ctx.store.ids.guid();
  const items = upgradeTargets(sub.item).map((target) => {
    const existing =
      type === 'scheduled' || sub.item.sku.isTrial
        ? []
        : candidateTargets(ctx.store, sub, target).map((s) => ({ sub: s, errors: targetErrors(sub, s, ctx.now) }));
    return eligibilityWire(operationId, sub, target, errors, existing);
  });
  return { status: 200, body: collection(items) };
}

/** The SDK reads the history as a ResourceCollection (`items`); get-transitions.md prints `transition` (docs/fidelity.md). */
function getTransitions(ctx: RequestContext): HttpAnswer {
  const { sub } = requireSubscription(ctx);
  const operationId = queryParam(ctx.url, 'operationId')?.toLowerCase();
  const items = ctx.store
    .listOf(ctx.store.transitions, sub.customerId)
    .filter((t) => t.fromSubscriptionId === sub.id || t.toSubscriptionId === sub.id)
    .filter((t) => operationId === undefined || t.operationId.toLowerCase() === operationId)
    .map(transitionWire);
  return { status: 200, body: collection(items) };
}

function postTransition(ctx: RequestContext): HttpAnswer {
  const { sub } = requireSubscription(ctx);
  const request = readTransition(ctx.store, sub, ctx.body, ctx.now);
  const transition: TransitionRecord = {
    operationId: ctx.store.ids.guid(),
    customerId: sub.customerId,
    fromSubscriptionId: sub.id,
    fromItem: sub.item,
    toItem: request.toItem,
    toSubscriptionId: request.target?.id,
    intoExisting: request.target !== undefined,
    quantity: request.quantity,
    termDuration: request.termDuration,
    billingCycle: request.billingCycle,
    transitionType: request.transitionType,
    promotionId: request.promotionId,
    completeAt: ctx.now + ctx.provisioningDelayMs,
    events: [{ name: 'Conversion', status: 'Started', timestamp: ctx.now }],
  };
  ctx.store.listOf(ctx.store.transitions, sub.customerId).push(transition);
  return { status: 200, body: transitionWire(transition) };
}
