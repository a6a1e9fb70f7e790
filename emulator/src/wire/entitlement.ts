// Entitlement and reserved-instance artifact shapes (entitlement-resources.md,
// get-a-collection-of-entitlements.md). Artifact links point at a route that answers them.

import { type ArtifactRecord, type EntitlementRecord } from '../data/model';
import { attributes, iso, link } from '../envelope';

export function artifactUri(a: ArtifactRecord): string {
  return `/customers/${a.customerId}/artifacts/reservedinstance/groups/${a.groupId}/lineitems/${a.lineItemId}/resource/${a.resourceId}`;
}

export function entitlementWire(e: EntitlementRecord, showExpiry: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    includedEntitlements: [],
    referenceOrder: { id: e.orderId, lineItemId: String(e.lineItemNumber), alternateId: e.orderId },
    productId: e.productId,
    skuId: e.skuId,
    quantity: e.quantity,
    quantityDetails: [{ quantity: e.quantity, status: 'fulfilled' }],
    entitledArtifacts: e.artifacts.map((a) => ({
      link: link(artifactUri(a)),
      resourceId: a.resourceId,
      artifactType: 'reservedinstance',
      dynamicAttributes: { reservationType: a.reservationType },
    })),
    entitlementType: e.type,
    fulfillmentState: 'fulfilled',
  };
  if (showExpiry && e.expiry !== undefined) out.expiryDate = iso(e.expiry);
  out.attributes = attributes('Entitlement');
  return out;
}

export function artifactDetailsWire(a: ArtifactRecord): Record<string, unknown> {
  return {
    type: 'reservedinstance',
    reservations: [
      {
        reservationId: `/providers/microsoft.capacity/reservationOrders/${a.groupId}/reservations/${a.resourceId}`,
        scopeType: a.scopeType,
        quantity: a.quantity,
        expiryDateTime: iso(a.expiry),
        effectiveDateTime: iso(a.effective),
        provisioningState: 'Succeeded',
      },
    ],
    link: link(artifactUri(a)),
    attributes: attributes('ReservedInstanceArtifactDetails'),
  };
}
