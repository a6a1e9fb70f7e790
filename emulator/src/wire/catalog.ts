// Product, SKU and availability shapes (product-resources.md). Availability terms carry their
// billing cycle in PascalCase ("Annual"), as the documented example shows, unlike the
// lower snake_case used everywhere else; clients must compare enums case-insensitively.

import { type Availability, type BillingCycle, currencyFor, type LegacyOffer, type Product, type Sku } from '../data/catalog';
import { attributes, link } from '../envelope';

/** Where catalog links point: the partner catalog (`/products?country=`) or a customer's. */
export interface CatalogScope {
  base: string;
  query: string;
  country: string;
}

export function partnerScope(country: string): CatalogScope {
  return { base: '', query: `?country=${country}`, country };
}

export function customerScope(customerId: string, country: string): CatalogScope {
  return { base: `/customers/${customerId}`, query: '', country };
}

const PASCAL: Record<BillingCycle, string> = {
  monthly: 'Monthly',
  annual: 'Annual',
  triennial: 'Triennial',
  one_time: 'OneTime',
  none: 'None',
};

export function productWire(p: Product, scope: CatalogScope): Record<string, unknown> {
  const self = `${scope.base}/products/${p.id}`;
  return {
    id: p.id,
    title: p.title,
    description: p.description,
    productType: p.productType,
    isMicrosoftProduct: true,
    publisherName: 'Microsoft Corporation',
    links: { skus: link(`${self}/skus${scope.query}`), self: link(`${self}${scope.query}`) },
    attributes: attributes('Product'),
  };
}

export function skuWire(p: Product, s: Sku, scope: CatalogScope): Record<string, unknown> {
  const self = `${scope.base}/products/${p.id}/skus/${s.id}`;
  const out: Record<string, unknown> = {
    id: s.id,
    productId: p.id,
    title: s.title,
    description: s.description,
    minimumQuantity: s.minimumQuantity,
    maximumQuantity: s.maximumQuantity,
    isTrial: s.isTrial,
    supportedBillingCycles: s.supportedBillingCycles,
    purchasePrerequisites: s.purchasePrerequisites,
    inventoryVariables: s.inventoryVariables,
    provisioningVariables: s.provisioningVariables,
    actions: p.kind === 'license' || p.kind === 'savingsPlan' ? ['Refund'] : [],
    dynamicAttributes: s.dynamicAttributes,
  };
  if (s.attestationProperties) out.attestationProperties = s.attestationProperties;
  if (s.minimumPurchaseCommitment) out.minimumPurchaseCommitment = s.minimumPurchaseCommitment;
  out.links = { availabilities: link(`${self}/availabilities${scope.query}`), self: link(`${self}${scope.query}`) };
  out.attributes = attributes('Sku');
  return out;
}

export function availabilityWire(p: Product, s: Sku, a: Availability, scope: CatalogScope): Record<string, unknown> {
  const refundOptions =
    p.kind === 'license' && !s.isTrial
      ? [
          { sequenceId: 0, type: 'Full', expiresAfter: 'P1D' },
          { sequenceId: 1, type: 'Partial', expiresAfter: 'P7D' },
        ]
      : [];
  return {
    id: a.id,
    productId: p.id,
    skuId: s.id,
    catalogItemId: `${p.id}:${s.id}:${a.id}`,
    defaultCurrency: currencyFor(scope.country),
    segment: 'commercial',
    country: scope.country,
    isPurchasable: true,
    isRenewable: p.kind === 'license' && !s.isTrial,
    renewalInstructions:
      p.kind === 'license' && !s.isTrial
        ? a.terms.map((t) => ({ applicableTermIds: [t.id], renewalOptions: [{ renewToId: t.id, isAutoRenewable: true }] }))
        : [],
    terms: a.terms.map((t) => ({
      id: t.id,
      duration: t.duration,
      description: t.description,
      billingCycle: PASCAL[t.billingCycle],
      cancellationPolicies: refundOptions.length > 0 ? [{ refundOptions }] : [],
    })),
    links: { self: link(`${scope.base}/products/${p.id}/skus/${s.id}/availabilities/${a.id}${scope.query}`) },
    attributes: attributes('Availability'),
  };
}

export function offerWire(o: LegacyOffer, country: string): Record<string, unknown> {
  return {
    id: o.id,
    name: o.name,
    description: o.description,
    minimumQuantity: o.minimumQuantity,
    maximumQuantity: o.maximumQuantity,
    rank: 0,
    uri: `/offers/${o.id}?country=${country}`,
    locale: 'en-US',
    country,
    category:
      o.billing === 'usage'
        ? { id: 'OFFER_CATEGORY_AZURE', name: 'Azure', rank: 0, locale: 'en-US', country }
        : { id: 'OFFER_CATEGORY_ENTERPRISE', name: 'Enterprise', rank: 0, locale: 'en-US', country },
    prerequisiteOffers: o.prerequisiteOffers,
    isAddOn: o.isAddOn,
    isAvailableForPurchase: o.isAvailableForPurchase,
    billing: o.billing,
    supportedBillingCycles: o.supportedBillingCycles,
    isAutoRenewable: o.billing === 'license',
    product: { id: o.id, name: o.name, unit: o.billing === 'usage' ? 'Usage-based' : 'Licenses' },
    unitType: o.billing === 'usage' ? 'Usage-based' : 'Licenses',
    links: { self: link(`/offers/${o.id}?country=${country}`) },
    attributes: attributes('Offer'),
  };
}
