// Transitions and transition eligibilities as the service emits them
// (transition-a-new-commerce-subscription.md, get-transitions.md, transition-resources.md), with
// the .NET SDK's names in camelCase (Models/Subscriptions/Transition*.cs): the pages print
// "Events" and "FromCatalogItemId" in PascalCase among camelCase names, the SDK reads any casing.

import { type CatalogItem } from '../data/catalog';
import { type SubscriptionRecord, type TransitionRecord } from '../data/model';
import { attributes, iso } from '../envelope';
import { type TransitionErrorAnswer } from '../errorCodes';
import { TRANSITION_TYPES } from '../rules/transitions';

export function transitionWire(t: TransitionRecord): Record<string, unknown> {
  return {
    operationId: t.operationId,
    fromCatalogItemId: t.fromItem.catalogItemId,
    fromSubscriptionId: t.fromSubscriptionId,
    toCatalogItemId: t.toItem.catalogItemId,
    // "Only populated if the subscription changes" (transition-resources.md): the existing target,
    // or the new subscription of a partial transition once it is made; absent for one in place.
    ...(t.toSubscriptionId !== undefined ? { toSubscriptionId: t.toSubscriptionId } : {}),
    quantity: t.quantity,
    termDuration: t.termDuration,
    billingCycle: t.billingCycle,
    transitionType: t.transitionType,
    ...(t.promotionId !== undefined ? { promotionId: t.promotionId } : {}),
    events: t.events.map((e) => ({
      name: e.name,
      status: e.status,
      timestamp: iso(e.timestamp),
      ...(e.error ? { errors: [{ code: e.error.code, description: e.error.description }] } : {}),
      attributes: attributes('TransitionEvent'),
    })),
    attributes: attributes('Transition'),
  };
}

const errorsWire = (errors: TransitionErrorAnswer[]) => errors.map((e) => ({ code: e.code, description: e.description }));

/** One target SKU of GET transitionEligibilities, with each transition type and each possible target subscription. */
export function eligibilityWire(
  operationId: string,
  source: SubscriptionRecord,
  target: CatalogItem,
  sourceErrors: TransitionErrorAnswer[],
  subscriptions: Array<{ sub: SubscriptionRecord; errors: TransitionErrorAnswer[] }>,
): Record<string, unknown> {
  return {
    operationId,
    catalogItemId: target.catalogItemId,
    title: target.sku.title,
    description: target.sku.description,
    quantity: source.quantity,
    subscriptionEligibilities: subscriptions.map(({ sub, errors }) => ({
      isEligible: errors.length === 0,
      subscriptionId: sub.id,
      subscriptionFriendlyName: sub.friendlyName,
      subscriptionTermDuration: sub.termDuration,
      subscriptionBillingCycle: sub.billingCycle,
      errors: errorsWire(errors),
    })),
    eligibilities: TRANSITION_TYPES.map((transitionType) => ({
      isEligible: sourceErrors.length === 0,
      transitionType,
      errors: errorsWire(sourceErrors),
    })),
    attributes: attributes('TransitionEligibility'),
  };
}
