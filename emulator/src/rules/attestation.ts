// SKUs with attestationProperties.enforceAttestation (e.g. Windows 365) need the line's
// attestationAccepted: true (900203; cart 10012), and an order then also needs
// PartnerOnRecordAttestationAccepted: true (900206).

import { type Sku } from '../data/catalog';
import { type RuleFailure, lineFailure, requestFailure } from './failure';

export function needsAttestation(sku: Sku): boolean {
  return sku.attestationProperties?.enforceAttestation === true;
}

export function checkLineAttestation(sku: Sku, catalogItemId: string, accepted: unknown): RuleFailure | undefined {
  if (!needsAttestation(sku) || accepted === true) return undefined;
  return lineFailure(
    'attestationRequired',
    'attestationNotAccepted',
    `CatalogItemId: ${catalogItemId} requires attestation acceptance.`,
  );
}

export function checkPartnerAttestation(anyLineNeedsIt: boolean, accepted: unknown): RuleFailure | undefined {
  if (!anyLineNeedsIt || accepted === true) return undefined;
  return requestFailure(
    'partnerAttestationMissing',
    'Partner Attestation is missing: set PartnerOnRecordAttestationAccepted to true.',
  );
}
