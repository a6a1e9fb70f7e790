// Legacy add-ons. "New commerce add-ons are purchased the same way as base offers" (create-a-cart-
// with-add-ons.md), so these rules are for traditional offers only. An add-on is bought for a base:
// - in a cart, nested under the base line's addonItems, or with the base subscription's id under
//   the provisioning-context key "ParentSubscriptionId" (create-a-cart-with-add-ons.md);
// - by PATCHing the base subscription's order with a line whose parentSubscriptionId names it
//   (purchase-an-add-on-to-a-subscription.md).
// The add-on's prerequisiteOffers (get-addon-offers-by-offer-id.md) must include the base's offer:
// 800029 "The add-on isn't related to the specified parent subscription" otherwise. The parent must
// be one of the customer's subscriptions (20003) and active (800012 "This subscription isn't an
// active subscription").

import { type CatalogItem } from '../data/catalog';
import { type SubscriptionRecord } from '../data/model';
import { type PurchaseEnv } from './customTermEndDate';
import { type RuleFailure, requestFailure } from './failure';

export function isLegacyAddOn(item: CatalogItem): boolean {
  return item.offer?.isAddOn === true;
}

/** Whether an add-on item can be bought for a base item (both legacy offers). */
export function addOnFits(addOn: CatalogItem, base: CatalogItem): boolean {
  return addOn.offer?.prerequisiteOffers.some((id) => id.toUpperCase() === base.catalogItemId.toUpperCase()) === true;
}

export function notRelated(addOn: CatalogItem, base: CatalogItem): RuleFailure {
  return requestFailure(
    'addOnNotRelated',
    `The add-on ${addOn.catalogItemId} isn't related to the parent ${base.catalogItemId}: it is not among the add-on's prerequisite offers.`,
  );
}

/** The parent subscription an add-on line names, checked. */
export function parentFor(
  env: PurchaseEnv,
  addOn: CatalogItem,
  parentSubscriptionId: string,
): { parent: SubscriptionRecord } | { failure: RuleFailure } {
  if (!isLegacyAddOn(addOn)) {
    return {
      failure: requestFailure(
        'invalidInput',
        `${addOn.catalogItemId} is not a legacy add-on offer, so it takes no parent subscription.`,
      ),
    };
  }
  const parent = env.store.subscription(env.customerId, parentSubscriptionId);
  if (!parent) {
    return { failure: requestFailure('subscriptionNotFound', `Parent subscription ${parentSubscriptionId} was not found.`) };
  }
  if (parent.status !== 'active') {
    return {
      failure: requestFailure(
        'parentSubscriptionNotActive',
        `Parent subscription ${parentSubscriptionId} is ${parent.status}, not active.`,
      ),
    };
  }
  if (!addOnFits(addOn, parent.item)) return { failure: notRelated(addOn, parent.item) };
  return { parent };
}

export function baseMissing(addOn: CatalogItem): RuleFailure {
  return requestFailure(
    'invalidInput',
    `${addOn.catalogItemId} is an add-on: buy it in its base line's addonItems, or name the base subscription (ParentSubscriptionId).`,
  );
}
