// Resolves a line's offer id: a catalogItemId PRODUCT(12):SKU(4):AVAILABILITY(12), or a legacy
// offer id (a GUID, or MS-AZR-0145P). The docs' own examples buy legacy offers in orders and carts
// (create-an-order-for-a-customer-of-an-indirect-reseller.md, create-a-cart.md,
// create-a-cart-with-add-ons.md), so they are purchasable; only the offers Microsoft flagged DEPR
// are not (migrate-subscriptions-to-new-commerce.md: "Partners with DEPR legacy offers cannot
// purchase new subscriptions"): 800020 on orders, line error 500600 on carts.

import { type CatalogItem, catalogItem, legacyItem } from '../data/catalog';
import { type RuleFailure, lineFailure, requestFailure } from './failure';

export type Resolved = { item: CatalogItem } | { failure: RuleFailure };

/** An order names the offer on the request, so both failures refuse the whole order. */
export function resolveForOrder(offerId: string): Resolved {
  return resolve(offerId, {
    legacy: requestFailure(
      'legacyOfferNotEligible',
      `The legacy offer ${offerId} is not eligible for purchase; buy its new-commerce catalog item instead.`,
    ),
    unknown: requestFailure('invalidOfferId', `The offer id ${offerId} is not valid.`),
  });
}

/** A cart keeps a DEPR legacy offer as an error on its line; an unknown availability refuses the cart. */
export function resolveForCart(catalogItemId: string): Resolved {
  return resolve(catalogItemId, {
    legacy: lineFailure(
      'legacyOfferNotEligible',
      'legacyOffer',
      `LegacyOfferNotEligibleForPurchase: ${catalogItemId} is a legacy offer.`,
    ),
    unknown: requestFailure(
      'availabilityNotFound',
      `The availability in catalog item ${catalogItemId} was not found; get the SKU's availabilities again.`,
    ),
  });
}

function resolve(id: string, failures: { legacy: RuleFailure; unknown: RuleFailure }): Resolved {
  const item = catalogItem(id) ?? legacyItem(id);
  if (item?.offer && !item.offer.isAvailableForPurchase) return { failure: failures.legacy };
  return item ? { item } : { failure: failures.unknown };
}
