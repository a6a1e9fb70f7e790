// Resolves a line's offer id: a catalogItemId PRODUCT(12):SKU(4):AVAILABILITY(12), or a legacy
// GUID offer id, which new-commerce purchases no longer accept (since 10 Mar 2022).

import { type CatalogItem, catalogItem, findLegacyOffer } from '../data/catalog';
import { type RuleFailure, lineFailure, requestFailure } from './failure';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type Resolved = { item: CatalogItem } | { failure: RuleFailure };

export function resolveForOrder(offerId: string): Resolved {
  const item = catalogItem(offerId);
  if (item) return { item };
  if (GUID.test(offerId) && findLegacyOffer(offerId)) {
    return { failure: requestFailure('legacyOfferNotEligible', `The legacy offer ${offerId} is not eligible for purchase; buy its new-commerce catalog item instead.`) };
  }
  return { failure: requestFailure('invalidOfferId', `The offer id ${offerId} is not valid.`) };
}

export function resolveForCart(catalogItemId: string): Resolved {
  const item = catalogItem(catalogItemId);
  if (item) return { item };
  if (GUID.test(catalogItemId) && findLegacyOffer(catalogItemId)) {
    return { failure: lineFailure('legacyOfferNotEligible', 'legacyOffer', `LegacyOfferNotEligibleForPurchase: ${catalogItemId} is a legacy offer.`) };
  }
  return { failure: requestFailure('availabilityNotFound', `The availability in catalog item ${catalogItemId} was not found; get the SKU's availabilities again.`) };
}
