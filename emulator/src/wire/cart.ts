// Cart and cart line shapes (cart-resources.md, create-a-cart.md 2023 example): every line
// carries its currency, orderGroup and pricing; a line that breaks a rule carries `error`; legacy
// add-ons bought with a base line sit in its addonItems (create-a-cart-with-add-ons.md).

import { currencyFor } from '../data/catalog';
import { type CartLineRecord, type CartRecord } from '../data/model';
import { attributes, iso, link } from '../envelope';
import { linePricing } from './order';

function lineWire(l: CartLineRecord, currencyCode: string): Record<string, unknown> {
  const out: Record<string, unknown> = { id: l.id, catalogItemId: l.catalogItemId };
  if (l.friendlyName) out.friendlyName = l.friendlyName;
  out.quantity = l.quantity;
  out.currencyCode = currencyCode;
  out.billingCycle = l.billingCycle;
  if (l.termDuration) out.termDuration = l.termDuration;
  out.provisioningContext = l.provisioningContext;
  if (l.participants) out.participants = l.participants;
  if (l.renewsTo !== undefined) out.renewsTo = l.renewsTo;
  if (l.customTermEndDate) out.customTermEndDate = l.customTermEndDate;
  if (l.promotionId) out.promotionId = l.promotionId;
  if (l.attestationAccepted !== undefined) out.attestationAccepted = l.attestationAccepted;
  out.orderGroup = l.orderGroup;
  if (l.addonItems) out.addonItems = l.addonItems.map((a) => lineWire(a, currencyCode));
  if (l.item) out.pricing = linePricing(l.item, l.billingCycle, l.quantity);
  if (l.purchaseCommitment) out.purchaseCommitment = l.purchaseCommitment;
  if (l.error) out.error = l.error;
  return out;
}

export function cartWire(c: CartRecord, country: string): Record<string, unknown> {
  const currency = currencyFor(country).code;
  const out: Record<string, unknown> = {
    id: c.id,
    creationTimestamp: iso(c.createdAt),
    lastModifiedTimestamp: iso(c.modifiedAt),
    expirationTimestamp: iso(c.expiresAt),
    lastModifiedUser: c.lastModifiedUser,
    status: c.status,
    lineItems: c.lines.map((l) => lineWire(l, currency)),
  };
  if (c.partnerOnRecordAttestationAccepted !== undefined) {
    out.partnerOnRecordAttestationAccepted = c.partnerOnRecordAttestationAccepted;
  }
  out.links = { self: link(`/customers/${c.customerId}/carts/${c.id}`) };
  out.attributes = attributes('Cart');
  return out;
}
