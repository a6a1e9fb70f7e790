// Reads a cart's lineItems: request-level problems (numbering 800071, unknown catalog item
// 400019, provisioning context 9003xx, renewsTo 800121, add-on parents 800029/20003, bad input
// 800002) fail the call; line-level ones (10012 attestation, 10013 billing plan, 10015 or 10010
// quantity, 10016/10017 custom term end date, 500600 DEPR legacy offer) stay on the line.
// Lines are then grouped into orders: one per kind of purchase and billing cycle.

import { asRecord, parseEnum, squash } from '../casing';
import { BILLING_CYCLES, type BillingCycle } from '../data/catalog';
import { type CartLineRecord } from '../data/model';
import { invalidInput } from '../errors';
import { addOnFits, baseMissing, isLegacyAddOn, notRelated, parentFor } from './addOns';
import { type PurchaseEnv } from './customTermEndDate';
import { cartLineError, toError } from './failure';
import { checkLineNumbers } from './lineNumbers';
import { checkPurchaseLine } from './purchaseLine';

const PARTICIPANT_KEYS = ['transaction_reseller', 'additional_transaction_reseller', 'consumption_reseller'] as const;

export function readCartLines(lineItems: unknown, env: PurchaseEnv): CartLineRecord[] {
  if (!Array.isArray(lineItems) || lineItems.length === 0) throw invalidInput('A cart needs at least one item in lineItems.');
  const raws = lineItems.map(asRecord);
  const ids = checkLineNumbers(
    raws.map((r) => r.id),
    'id',
  );
  const lines = raws.map((raw, i): CartLineRecord => {
    const line = readLine(raw, ids[i], env);
    if (line.item && isLegacyAddOn(line.item) && !line.provisioningContext.parentSubscriptionId) {
      throw toError(baseMissing(line.item));
    }
    line.addonItems = readAddOns(raw.addonItems, line, env);
    return line;
  });
  lines.sort((a, b) => a.id - b.id);
  assignOrderGroups(lines);
  return lines;
}

/**
 * create-a-cart.md: "billingCycle | Object | Yes". The .NET SDK sends "unknown" for a cycle it was
 * not given, which is no cycle either.
 */
function readCycle(value: unknown, id: number): BillingCycle {
  if (value === undefined || value === null || (typeof value === 'string' && squash(value) === 'unknown')) {
    throw invalidInput(`billingCycle is required on cart line ${id}.`);
  }
  return parseEnum('billingCycle', value, BILLING_CYCLES);
}

function readLine(raw: Record<string, unknown>, id: number, env: PurchaseEnv): CartLineRecord {
  const billingCycle = readCycle(raw.billingCycle, id);
  const checked = checkPurchaseLine('cart', raw, raw.catalogItemId, billingCycle, id, env);
  const line: CartLineRecord = {
    id,
    catalogItemId: checked.item?.catalogItemId ?? checked.offerId,
    item: checked.item,
    quantity: checked.quantity,
    billingCycle,
    termDuration: checked.termDuration,
    friendlyName: typeof raw.friendlyName === 'string' && raw.friendlyName.trim() !== '' ? raw.friendlyName : undefined,
    provisioningContext: checked.provisioningContext,
    participants: readParticipants(raw.participants),
    renewsTo: checked.renewsTo,
    customTermEndDate: typeof raw.customTermEndDate === 'string' ? raw.customTermEndDate : undefined,
    promotionId: typeof raw.promotionId === 'string' ? raw.promotionId : undefined,
    attestationAccepted: typeof raw.attestationAccepted === 'boolean' ? raw.attestationAccepted : undefined,
    purchaseCommitment: checked.purchaseCommitment,
    orderGroup: '',
    error: checked.failure ? cartLineError(checked.failure) : undefined,
  };
  const parentId = line.provisioningContext.parentSubscriptionId;
  if (parentId && line.item) {
    const parent = parentFor(env, line.item, parentId);
    if ('failure' in parent) throw toError(parent.failure);
  }
  return line;
}

/** addonItems: legacy add-ons bought with a legacy base line ("New-commerce items don't use this addonItems property"). */
function readAddOns(value: unknown, base: CartLineRecord, env: PurchaseEnv): CartLineRecord[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalidInput(`addonItems of cart line ${base.id} must be a list of cart line items.`);
  if (value.length === 0) return undefined;
  if (!base.item?.offer) {
    throw invalidInput(
      `Cart line ${base.id} is not a legacy offer: new-commerce add-ons are bought as lines of their own, not in addonItems.`,
    );
  }
  return value.map(asRecord).map((raw, i) => {
    const id = typeof raw.id === 'number' && Number.isInteger(raw.id) ? raw.id : base.id + i + 1;
    const addOn = readLine(raw, id, env);
    if (addOn.addonItems === undefined && raw.addonItems !== undefined && raw.addonItems !== null) {
      throw invalidInput(`Add-on line ${id} cannot carry add-ons of its own.`);
    }
    if (addOn.item && base.item && !addOnFits(addOn.item, base.item)) throw toError(notRelated(addOn.item, base.item));
    return addOn;
  });
}

function readParticipants(value: unknown): Array<{ key: string; value: string }> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalidInput('participants must be a list of {key, value}.');
  const out = value.map(asRecord).map((p) => {
    if (typeof p.value !== 'string' || p.value === '') throw invalidInput('Each participant needs a PartnerID value.');
    return { key: parseEnum('participants.key', p.key, PARTICIPANT_KEYS), value: p.value };
  });
  if (out.filter((p) => p.key === 'additional_transaction_reseller').length > 5) {
    throw invalidInput('At most 5 additional_transaction_reseller participants are allowed.');
  }
  return out;
}

/**
 * Licenses, one-time purchases (software, reservations, savings plans), third-party SaaS and
 * legacy offers become separate orders, and an order has one billing cycle, so the group is
 * (kind, billing cycle), numbered by first use. Legacy groups are "OMS-0", "OMS-1"... and a legacy
 * base shares its group with its add-ons, as create-a-cart.md and create-a-cart-with-add-ons.md show.
 */
function assignOrderGroups(lines: CartLineRecord[]): void {
  const groups = new Map<string, string>();
  let legacyGroups = 0;
  for (const line of lines) {
    const kind = line.item?.product.kind;
    const family =
      kind === 'license'
        ? 'license'
        : kind === 'saas'
          ? 'saas'
          : kind === 'legacy'
            ? 'legacy'
            : line.item
              ? 'one-time'
              : 'unknown';
    const key = `${family}|${line.billingCycle}`;
    if (!groups.has(key)) groups.set(key, family === 'legacy' ? `OMS-${legacyGroups++}` : String(groups.size - legacyGroups));
    line.orderGroup = groups.get(key) ?? '0';
    for (const addOn of line.addonItems ?? []) addOn.orderGroup = line.orderGroup;
  }
}
