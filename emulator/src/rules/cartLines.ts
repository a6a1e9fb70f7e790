// Reads a cart's lineItems: request-level problems (numbering 800071, unknown catalog item
// 400019, provisioning context 9003xx, bad input 800002) fail the call; line-level ones (10012
// attestation, 10013 billing plan, 10015 or 10010 quantity, 500600 legacy offer) stay on the line.
// Lines are then grouped into orders: one per kind of purchase and billing cycle.

import { asRecord, parseEnum } from '../casing';
import { BILLING_CYCLES } from '../data/catalog';
import { type CartLineRecord } from '../data/model';
import { invalidInput } from '../errors';
import { cartLineError } from './failure';
import { checkLineNumbers } from './lineNumbers';
import { checkPurchaseLine } from './purchaseLine';

const PARTICIPANT_KEYS = ['transaction_reseller', 'additional_transaction_reseller', 'consumption_reseller'] as const;

export function readCartLines(lineItems: unknown): CartLineRecord[] {
  if (!Array.isArray(lineItems) || lineItems.length === 0) throw invalidInput('A cart needs at least one item in lineItems.');
  const raws = lineItems.map(asRecord);
  const ids = checkLineNumbers(raws.map((r) => r.id), 'id');
  const lines = raws.map((raw, i): CartLineRecord => {
    if (raw.billingCycle === undefined || raw.billingCycle === null) throw invalidInput(`billingCycle is required on cart line ${ids[i]}.`);
    const billingCycle = parseEnum('billingCycle', raw.billingCycle, BILLING_CYCLES);
    const checked = checkPurchaseLine('cart', raw, raw.catalogItemId, billingCycle, ids[i]);
    return {
      id: ids[i],
      catalogItemId: checked.item?.catalogItemId ?? checked.offerId,
      item: checked.item,
      quantity: checked.quantity,
      billingCycle,
      termDuration: checked.termDuration,
      friendlyName: typeof raw.friendlyName === 'string' && raw.friendlyName.trim() !== '' ? raw.friendlyName : undefined,
      provisioningContext: checked.provisioningContext,
      participants: readParticipants(raw.participants),
      renewsTo: raw.renewsTo ?? undefined,
      customTermEndDate: typeof raw.customTermEndDate === 'string' ? raw.customTermEndDate : undefined,
      promotionId: typeof raw.promotionId === 'string' ? raw.promotionId : undefined,
      attestationAccepted: typeof raw.attestationAccepted === 'boolean' ? raw.attestationAccepted : undefined,
      orderGroup: '',
      error: checked.failure ? cartLineError(checked.failure) : undefined,
    };
  });
  lines.sort((a, b) => a.id - b.id);
  assignOrderGroups(lines);
  return lines;
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

/** Licenses and one-time purchases (software, reservations) become separate orders, and an
 * order has one billing cycle, so the group is (kind, billing cycle), numbered by first use. */
function assignOrderGroups(lines: CartLineRecord[]): void {
  const groups = new Map<string, string>();
  for (const line of lines) {
    const kind = line.item?.product.kind === 'license' ? 'license' : line.item ? 'one-time' : 'legacy';
    const key = `${kind}|${line.billingCycle}`;
    if (!groups.has(key)) groups.set(key, String(groups.size));
    line.orderGroup = groups.get(key) ?? '0';
  }
}
