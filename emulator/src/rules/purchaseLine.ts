// Reads one order or cart line and runs the line rules in the order the service reports them:
// catalog item, provisioning context, purchase commitment, renewsTo, term x billing cycle,
// quantity, attestation, custom term end date. Orders stop at the first failure; carts keep
// line-scoped failures on the line and carry on.

import { parseEnum } from '../casing';
import { type BillingCycle, type CatalogItem, type TermDuration, TERM_DURATIONS } from '../data/catalog';
import { invalidInput } from '../errors';
import { checkLineAttestation } from './attestation';
import { resolveForCart, resolveForOrder } from './catalogItem';
import { checkCustomTermEndDate, type PurchaseEnv } from './customTermEndDate';
import { type LineFailure, type RuleFailure, toError } from './failure';
import { checkProvisioningContext, readContext, readPurchaseCommitment } from './provisioningContext';
import { checkQuantity } from './quantity';
import { readRenewsTo } from './renewsTo';
import { checkTerm } from './terms';

export interface CheckedLine {
  /** Undefined only for a cart line naming a legacy offer (it carries a line failure). */
  item?: CatalogItem;
  offerId: string;
  quantity: number;
  termDuration?: TermDuration;
  provisioningContext: Record<string, string>;
  purchaseCommitment?: Record<string, unknown>;
  renewsTo?: unknown;
  failure?: LineFailure;
}

export function readQuantity(value: unknown, lineNumber: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw invalidInput(`quantity of line item ${lineNumber} must be a whole number, got ${JSON.stringify(value ?? null)}.`);
  }
  return value;
}

export function readTerm(value: unknown): TermDuration | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  return parseEnum('termDuration', value, TERM_DURATIONS);
}

export function checkPurchaseLine(
  mode: 'order' | 'cart',
  raw: Record<string, unknown>,
  offerId: unknown,
  billingCycle: BillingCycle,
  lineNumber: number,
  /** The customer and time of the purchase, for the custom term end date. */
  env?: PurchaseEnv,
): CheckedLine {
  const idField = mode === 'order' ? 'offerId' : 'catalogItemId';
  if (typeof offerId !== 'string' || offerId.trim() === '') {
    throw invalidInput(`${idField} of line item ${lineNumber} is required.`);
  }
  const quantity = readQuantity(raw.quantity, lineNumber);
  const requested = readTerm(raw.termDuration);
  const read = readContext(raw.provisioningContext);
  if ('failure' in read) throw toError(read.failure);
  const context = read.context;
  const line: CheckedLine = { offerId: offerId.trim(), quantity, termDuration: requested, provisioningContext: context };

  const resolved = mode === 'order' ? resolveForOrder(line.offerId) : resolveForCart(line.offerId);
  const fail = (f: RuleFailure | undefined): CheckedLine | undefined => {
    if (!f) return undefined;
    if (mode === 'order' || f.scope === 'request') throw toError(f);
    line.failure = f;
    return line;
  };
  if ('failure' in resolved) return fail(resolved.failure) ?? line;
  const item = resolved.item;
  line.item = item;
  const contextFailure = checkProvisioningContext(item, context);
  if (contextFailure) throw toError(contextFailure);
  const commitment = readPurchaseCommitment(item, raw.purchaseCommitment);
  if ('failure' in commitment) throw toError(commitment.failure);
  line.purchaseCommitment = commitment.commitment;
  const renewal = readRenewsTo(raw.renewsTo);
  if ('failure' in renewal) throw toError(renewal.failure);
  line.renewsTo = renewal.renewsTo;
  const term = checkTerm(item, billingCycle, requested);
  if ('failure' in term) return fail(term.failure) ?? line;
  line.termDuration = term.termDuration;
  return (
    fail(checkQuantity(item.sku, quantity, lineNumber)) ??
    fail(checkLineAttestation(item.sku, item.catalogItemId, raw.attestationAccepted)) ??
    fail(checkCustomTermEndDate(item, line.termDuration, raw.customTermEndDate, env)) ??
    line
  );
}
