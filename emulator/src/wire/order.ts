// Order as the service emits it (create-an-order.md, get-an-order-by-id.md, order-resources.md):
// relative links without /v1, lower-case status, line transactionType "New" as in the documented
// examples, an etag in the attributes (the legacy examples show one) and a patchOperation link
// (every example since 2019 shows one; cancel-software-purchases.md PATCHes it).

import { type CatalogItem, currencyFor, unitPriceFor } from '../data/catalog';
import { type OrderLineRecord, type OrderRecord } from '../data/model';
import { attributes, collection, etag, iso, link } from '../envelope';

/**
 * Where a bought item's catalog entry is read: product, SKU and availability for catalog items
 * (OrderLineItemLinks, SubscriptionLinks); the legacy Offers API for legacy offers
 * (SubscriptionLinks.offer, as get-all-subscriptions-by-partner.md shows it).
 */
export function catalogLinks(item: CatalogItem, country: string): Record<string, ReturnType<typeof link>> {
  if (item.offer) return { offer: link(`/offers/${item.offer.id}?country=${country}`) };
  const p = item.product.id;
  const s = item.sku.id;
  return {
    product: link(`/products/${p}?country=${country}`),
    sku: link(`/products/${p}/skus/${s}?country=${country}`),
    availability: link(`/products/${p}/skus/${s}/availabilities/${item.availability.id}?country=${country}`),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function linePricing(
  item: CatalogItem,
  billingCycle: OrderRecord['billingCycle'],
  quantity: number,
): Record<string, number> {
  const unit = round(unitPriceFor(item.sku, billingCycle));
  return { listPrice: unit, discountedPrice: unit, proratedPrice: unit, price: unit, extendedPrice: round(unit * quantity) };
}

function lineWire(o: OrderRecord, line: OrderLineRecord, includePrice: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = { lineItemNumber: line.lineItemNumber };
  if (line.provisioningContext && Object.keys(line.provisioningContext).length > 0) {
    out.provisioningContext = line.provisioningContext;
  }
  out.offerId = line.offerId;
  if (line.subscriptionId) out.subscriptionId = line.subscriptionId;
  // A perpetual item has no term; cancel-an-order-from-the-integration-sandbox.md prints "".
  if (line.termDuration) out.termDuration = line.termDuration;
  else if (line.item.availability.terms.length === 0) out.termDuration = '';
  if (line.renewsTo !== undefined) out.renewsTo = line.renewsTo;
  out.transactionType = 'New';
  out.friendlyName = line.friendlyName;
  out.quantity = line.quantity;
  if (line.partnerIdOnRecord) out.partnerIdOnRecord = line.partnerIdOnRecord;
  if (line.additionalPartnerIdsOnRecord) out.additionalPartnerIdsOnRecord = line.additionalPartnerIdsOnRecord;
  if (line.attestationAccepted !== undefined) out.attestationAccepted = line.attestationAccepted;
  if (line.promotionId) out.promotionId = line.promotionId;
  if (line.customTermEndDate) out.customTermEndDate = line.customTermEndDate;
  if (includePrice) out.pricing = linePricing(line.item, o.billingCycle, line.quantity);
  if (line.purchaseCommitment) out.purchaseCommitment = line.purchaseCommitment;
  // Legacy lines link only their subscription (the legacy examples); others their catalog entry.
  const links: Record<string, ReturnType<typeof link>> = line.item.offer ? {} : catalogLinks(line.item, o.country);
  if (line.subscriptionId) links.subscription = link(`/customers/${o.customerId}/subscriptions/${line.subscriptionId}`);
  out.links = links;
  return out;
}

export function orderEtag(o: OrderRecord): string {
  return etag(o.id, o.version);
}

export function orderWire(o: OrderRecord, includePrice: boolean): Record<string, unknown> {
  const currency = currencyFor(o.country);
  const self = `/customers/${o.customerId}/orders/${o.id}`;
  const out: Record<string, unknown> = {
    id: o.id,
    alternateId: o.id,
    referenceCustomerId: o.customerId,
    billingCycle: o.billingCycle,
    currencyCode: currency.code,
    currencySymbol: currency.symbol,
    lineItems: o.lines.map((l) => lineWire(o, l, includePrice)),
    creationDate: iso(o.createdAt),
    status: o.status,
    transactionType: 'UserPurchase',
  };
  if (includePrice) {
    out.totalPrice = round(o.lines.reduce((sum, l) => sum + linePricing(l.item, o.billingCycle, l.quantity).extendedPrice, 0));
  }
  if (o.partnerOnRecordAttestationAccepted !== undefined) {
    out.partnerOnRecordAttestationAccepted = o.partnerOnRecordAttestationAccepted;
  }
  out.links = { self: link(self), provisioningStatus: link(`${self}/provisioningstatus`), patchOperation: link(self, 'PATCH') };
  out.client = {};
  out.attributes = attributes('Order', orderEtag(o));
  return out;
}

/**
 * Per-line fulfilment, with the statuses of order-resources.md (OrderLineItemProvisioningStatus),
 * lower case as get-order-provisioning-status.md's example writes "fulfilled": "fulfilled" once
 * the order completed, "unfulfilled" for a cancelled line ("Not fulfilled due to cancellation"),
 * "prefulfillmentpending" while the order is still processing.
 */
export function provisioningStatusWire(o: OrderRecord): unknown {
  return collection(
    o.lines.map((l) => {
      const status =
        l.cancelled || o.status === 'cancelled'
          ? 'unfulfilled'
          : o.status === 'completed'
            ? 'fulfilled'
            : 'prefulfillmentpending';
      return {
        orderLineItemId: l.lineItemNumber,
        lineItemNumber: l.lineItemNumber,
        status,
        quantityProvisioningInformation: [{ quantity: l.cancelledQuantity ?? l.quantity, status }],
      };
    }),
  );
}
