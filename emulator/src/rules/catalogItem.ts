// Resolves a line's offer id: a catalogItemId PRODUCT(12):SKU(4):AVAILABILITY(12), or a legacy
// offer id (a GUID, or MS-AZR-0145P). The docs' own examples buy legacy offers in orders and carts
// (create-an-order-for-a-customer-of-an-indirect-reseller.md, create-a-cart.md,
// create-a-cart-with-add-ons.md), so they are purchasable; only the offers Microsoft flagged DEPR
// are not (migrate-subscriptions-to-new-commerce.md: "Partners with DEPR legacy offers cannot
// purchase new subscriptions"): 800020 on orders, line error 500600 on carts.

import { type CatalogItem, catalogItem, legacyItem } from '../data/catalog';
import { type RuleFailure, lineFailure, requestFailure } from './failure';

export type Resolved = { item: CatalogItem } | { failure: RuleFailure };

export function resolveForOrder(offerId: string): Resolved {
  const item = catalogItem(offerId) ?? legacyItem(offerId);
  if (item?.offer && !item.offer.isAvailableForPurchase) {
    return {
      failure: requestFailure(
        'legacyOfferNotEligible',
        `The legacy offer ${offerId} is not eligible for purchase; buy its new-commerce catalog item instead.`,
      ),
    };
  }
  if (item) return { item };
  return { failure: requestFailure('invalidOfferId', `The offer id ${offerId} is not valid.`) };
}

export function resolveForCart(catalogItemId: string): Resolved {
  const item = catalogItem(catalogItemId) ?? legacyItem(catalogItemId);
  if (item?.offer && !item.offer.isAvailableForPurchase) {
    return {
      failure: lineFailure(
        'legacyOfferNotEligible',
        'legacyOffer',
        `LegacyOfferNotEligibleForPurchase: ${catalogItemId} is a legacy offer.`,
      ),
    };
  }
  if (item) return { item };
  return {
    failure: requestFailure(
      'availabilityNotFound',
      `The availability in catalog item ${catalogItemId} was not found; get the SKU's availabilities again.`,
    ),
  };
}
