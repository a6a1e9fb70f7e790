// Subscription as the service emits it (subscription-resources.md): dates in UTC, the refund
// window as refundableQuantity / cancellationAllowedUntilDate, and an etag that changes on
// every update (send it back in If-Match).

import { type SubscriptionRecord, REFUND_WINDOW_MS } from '../data/model';
import { addTerm } from '../data/store';
import { attributes, etag, iso, link } from '../envelope';
import { catalogLinks } from './order';

export function subscriptionEtag(s: SubscriptionRecord): string {
  return etag(s.id, s.version);
}

export function subscriptionWire(s: SubscriptionRecord, country: string, now: number): Record<string, unknown> {
  const { product, sku, catalogItemId } = s.item;
  const open = s.refundable.filter((r) => r.until > now);
  const cancelUntil = s.termStart + REFUND_WINDOW_MS;
  const out: Record<string, unknown> = {
    id: s.id,
    entitlementId: s.entitlementId,
    offerId: catalogItemId,
    offerName: sku.title,
    friendlyName: s.friendlyName,
    productType: { id: product.productType.id, displayName: product.productType.displayName },
    quantity: s.quantity,
    unitType: 'Licenses',
    hasPurchasableAddons: false,
    creationDate: iso(s.createdAt),
    effectiveStartDate: iso(s.termStart),
    commitmentEndDate: iso(addTerm(s.termStart, s.termDuration)),
    cancellationAllowedUntilDate: iso(cancelUntil),
    status: s.status,
    autoRenewEnabled: s.autoRenewEnabled,
    isTrial: sku.isTrial,
    billingType: 'license',
    billingCycle: s.billingCycle,
    termDuration: s.termDuration,
    refundOptions: cancelUntil > now && s.status !== 'deleted' ? [{ type: 'Full', expiresAt: iso(cancelUntil) }] : [],
    refundableQuantity: {
      totalQuantity: open.reduce((n, r) => n + r.quantity, 0),
      details: open.map((r) => ({ quantity: r.quantity, allowedUntilDateTime: iso(r.until) })),
    },
    isMicrosoftProduct: true,
    publisherName: 'Microsoft Corporation',
    contractType: 'subscription',
    orderId: s.orderId,
  };
  if (s.partnerIdOnRecord) out.partnerId = s.partnerIdOnRecord;
  if (s.status === 'suspended') out.suspensionReasons = ['PartnerInitiated'];
  if (s.scheduledNextTermInstructions !== undefined) out.scheduledNextTermInstructions = s.scheduledNextTermInstructions;
  out.actions = s.status === 'active' ? ['edit', 'cancel'] : [];
  out.links = { ...catalogLinks(s.item, country), self: link(`/customers/${s.customerId}/subscriptions/${s.id}`) };
  out.attributes = attributes('Subscription', subscriptionEtag(s));
  return out;
}
