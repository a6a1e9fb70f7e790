// Subscription as the service emits it (subscription-resources.md and the new-commerce examples of
// get-a-subscription-by-id.md): dates in UTC, the refund window as refundOptions /
// refundableQuantity / cancellationAllowedUntilDate, and an etag that changes on every update
// (send it back in If-Match). Properties the examples always show are always present, with the
// examples' "nothing" values: parentSubscriptionId null, partnerId and renewalTermDuration "",
// attentionNeeded and actionTaken false (the last two appear in every new-commerce example but in
// no table: the emulator never sets them).

import { DAY_MS, type SubscriptionRecord, REFUND_WINDOW_MS } from '../data/model';
import { addTerm } from '../data/store';
import { attributes, etag, iso, link } from '../envelope';
import { catalogLinks } from './order';

export function subscriptionEtag(s: SubscriptionRecord): string {
  return etag(s.id, s.version);
}

/**
 * The last day of the term. "End dates are inclusive, meaning the end of the term is at the end of
 * the full day" (subscription-resources.md): a term bought on 2021-01-14 for P1Y ends on
 * 2022-01-13, shown as commitmentEndDate 2022-01-13T00:00:00Z and commitmentEndDateTime
 * 2022-01-13T23:59:59Z (get-a-subscription-by-id.md).
 */
export function lastTermDay(s: SubscriptionRecord): number {
  const end = addTerm(s.termStart, s.termDuration);
  return Math.floor(end / DAY_MS) * DAY_MS - DAY_MS;
}

export function subscriptionWire(s: SubscriptionRecord, country: string, now: number): Record<string, unknown> {
  const { product, sku, catalogItemId } = s.item;
  const open = s.refundable.filter((r) => r.until > now);
  const cancelUntil = s.termStart + REFUND_WINDOW_MS;
  const lastDay = lastTermDay(s);
  const out: Record<string, unknown> = {
    id: s.id,
    entitlementId: s.entitlementId,
    offerId: catalogItemId,
    offerName: sku.title,
    friendlyName: s.friendlyName,
    productType: { id: product.productType.id, displayName: product.productType.displayName },
    quantity: s.quantity,
    unitType: 'Licenses',
    // An add-on names its base (get-a-subscription-by-id.md's add-on example).
    parentSubscriptionId: s.parentSubscriptionId ?? null,
    hasPurchasableAddons: false,
    creationDate: iso(s.createdAt),
    effectiveStartDate: iso(s.termStart),
    commitmentEndDate: iso(lastDay),
    commitmentEndDateTime: iso(lastDay + DAY_MS - 1000),
    cancellationAllowedUntilDate: iso(cancelUntil),
    status: s.status,
    autoRenewEnabled: s.autoRenewEnabled,
    isTrial: sku.isTrial,
    billingType: 'license',
    billingCycle: s.billingCycle,
    termDuration: s.termDuration,
    renewalTermDuration: '',
    // Shown while the 7-day window is open, whatever the status: the documented cancel answer
    // (cancel-an-azure-marketplace-subscription.md) still lists the Full option.
    refundOptions: cancelUntil > now ? [{ type: 'Full', expiresAt: iso(cancelUntil) }] : [],
    refundableQuantity: {
      totalQuantity: open.reduce((n, r) => n + r.quantity, 0),
      details: open.map((r) => ({ quantity: r.quantity, allowedUntilDateTime: iso(r.until) })),
    },
    isMicrosoftProduct: true,
    publisherName: 'Microsoft Corporation',
    partnerId: s.partnerIdOnRecord ?? '',
    attentionNeeded: false,
    actionTaken: false,
    contractType: 'subscription',
    orderId: s.orderId,
  };
  if (s.status === 'suspended') out.suspensionReasons = ['PartnerInitiated'];
  if (s.scheduledNextTermInstructions !== undefined) out.scheduledNextTermInstructions = s.scheduledNextTermInstructions;
  out.actions = s.status === 'active' ? ['edit', 'cancel'] : [];
  out.links = { ...catalogLinks(s.item, country), self: link(`/customers/${s.customerId}/subscriptions/${s.id}`) };
  out.attributes = attributes('Subscription', subscriptionEtag(s));
  return out;
}
