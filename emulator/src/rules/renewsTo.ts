// renewsTo: the term a line renews into. create-an-order.md, create-a-cart.md, order-resources.md
// and cart-resources.md (RenewsTo): "termDuration ... The current supported values are P1M (1 month)
// and P1Y (1 year)". The tables type renewsTo as an array, the examples and the .NET SDK as one
// object; both are read. Another term, or a term that is not a duration, is 800121 "The term
// duration provided is invalid" (error-codes.md).

import { asRecord, squash } from '../casing';
import { type RuleFailure, requestFailure } from './failure';

const RENEWAL_TERMS = ['P1M', 'P1Y'];

/** The renewsTo value as sent (null and absent are the same), or why it is refused. */
export function readRenewsTo(value: unknown): { renewsTo?: unknown } | { failure: RuleFailure } {
  if (value === undefined || value === null) return {};
  const entries = Array.isArray(value) ? value : [value];
  for (const entry of entries) {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      return { failure: requestFailure('invalidInput', 'renewsTo must be an object {"termDuration": "P1M" | "P1Y"}.') };
    }
    const term = asRecord(entry).termDuration;
    if (term === undefined || term === null) continue;
    if (typeof term !== 'string' || !RENEWAL_TERMS.some((t) => squash(t) === squash(term))) {
      return {
        failure: requestFailure(
          'renewalTermInvalid',
          `renewsTo.termDuration '${String(term)}' is not a renewal term; Partner Center renews to P1M or P1Y.`,
        ),
      };
    }
  }
  return { renewsTo: value };
}
