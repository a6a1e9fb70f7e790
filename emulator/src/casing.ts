// The real service reads request property names case-insensitively (its docs post both
// "LineItems" and "lineItems") and enum values in any casing ("Monthly", "monthly", "one_time").
// Handlers read a body only after `normalizeKeys`, so they can use one spelling: camelCase.

import { badEnum } from './errors';

/** Every request property name the emulator reads, in the spelling handlers use. */
const KNOWN_KEYS = [
  'lineItems',
  'lineItemNumber',
  'offerId',
  'quantity',
  'termDuration',
  'billingCycle',
  'friendlyName',
  'partnerIdOnRecord',
  'additionalPartnerIdsOnRecord',
  'provisioningContext',
  'renewsTo',
  'attestationAccepted',
  'partnerOnRecordAttestationAccepted',
  'promotionId',
  'customTermEndDate',
  'catalogItemId',
  'participants',
  'key',
  'value',
  'id',
  'status',
  'autoRenewEnabled',
  'referenceCustomerId',
  'currencyCode',
  'companyProfile',
  'billingProfile',
  'domain',
  'organizationRegistrationNumber',
  'culture',
  'email',
  'language',
  'companyName',
  'defaultAddress',
  'firstName',
  'lastName',
  'addressLine1',
  'addressLine2',
  'addressLine3',
  'city',
  'state',
  'postalCode',
  'country',
  'phoneNumber',
  'enableGDAPByDefault',
  'primaryContact',
  'templateId',
  'dateAgreed',
  'type',
  'scope',
  'subscriptionId',
  'entitlementId',
  'duration',
  'parentSubscriptionId',
  'scheduledNextTermInstructions',
  'nextChargeInstructions',
  'product',
  'productId',
  'skuId',
  'availabilityId',
  'field',
  'operator',
  'resetAfterCommit',
  'resetBeforeCommit',
  'status503',
  'latencyMs',
  'targetItems',
  'inventoryContext',
  'addonItems',
  'associatedPartnerId',
  'purchaseCommitment',
  'amount',
  'grain',
  'currency',
];

const CANONICAL = new Map(KNOWN_KEYS.map((k) => [squash(k), k]));

/** Lower-cases and drops `_`, `-` and spaces: "One_Time", "onetime" and "OneTime" all agree. */
export function squash(s: string): string {
  return s.toLowerCase().replace(/[\s_-]/g, '');
}

function canonicalKey(key: string): string {
  return CANONICAL.get(squash(key)) ?? key.charAt(0).toLowerCase() + key.slice(1);
}

/** Deep copy with every object key in its canonical camelCase spelling. */
export function normalizeKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[canonicalKey(k)] = normalizeKeys(v);
    return out;
  }
  return value;
}

/**
 * Reads an enum value in any casing and returns the spelling the service emits (the first of
 * `allowed` whose squashed form matches, so list canonical values first and aliases after).
 * Throws 900126 "Unable to parse enum" otherwise.
 */
export function parseEnum<T extends string>(
  field: string,
  value: unknown,
  allowed: readonly T[],
  aliases: Record<string, T> = {},
): T {
  if (typeof value === 'string') {
    const s = squash(value);
    const hit = allowed.find((a) => squash(a) === s) ?? aliases[s];
    if (hit !== undefined) return hit;
  }
  throw badEnum(field, value);
}

/** Case-insensitive lookup of a query parameter (`targetView`, `targetview`, `TargetView`). */
export function queryParam(url: URL, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [k, v] of url.searchParams) if (k.toLowerCase() === wanted) return v;
  return undefined;
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
