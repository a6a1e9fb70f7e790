// Which billing cycles a term allows (reference §4.2): the billing period may not be longer than
// the term. One-time (reservations, software) and none (trials) go with any term; the catalog
// rules then check the availability's exact terms.

export const TERM_BILLING_CYCLES: Readonly<Record<string, readonly string[]>> = {
  P1M: ['monthly'],
  P1Y: ['monthly', 'annual'],
  P2Y: ['monthly', 'annual', 'biennial'],
  P3Y: ['monthly', 'annual', 'triennial'],
};

const ANY_TERM = new Set(['one_time', 'none']);
/** Every billing cycle some term limits (checked once per line, so computed once). */
const TERM_CYCLES: ReadonlySet<string> = new Set(Object.values(TERM_BILLING_CYCLES).flat());

/** Billing cycles a term allows; undefined for anything that is not a term (including "constructor"). */
export function cyclesFor(term: string): readonly string[] | undefined {
  return Object.prototype.hasOwnProperty.call(TERM_BILLING_CYCLES, term) ? TERM_BILLING_CYCLES[term] : undefined;
}

/**
 * The pairs that cannot go together, per term: a cycle some term limits that this term does not
 * allow. Worked out once from the table, so that checking a line is two lookups.
 */
const FORBIDDEN: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(TERM_BILLING_CYCLES).map(([term, allowed]) => [
    term,
    new Set([...TERM_CYCLES].filter((cycle) => !ANY_TERM.has(cycle) && !allowed.includes(cycle))),
  ]),
);

/** Whether a term and billing cycle can go together; unknown values are left to the schema. */
export function isAllowedPair(term: string, billingCycle: string): boolean {
  return FORBIDDEN.get(term)?.has(billingCycle) !== true;
}

/** Terms that allow a billing cycle. */
export function termsAllowing(billingCycle: string): string[] {
  return Object.keys(TERM_BILLING_CYCLES).filter((term) => TERM_BILLING_CYCLES[term].includes(billingCycle));
}

/** Renewal terms Partner Center offers. */
export const RENEWAL_TERMS: readonly string[] = ['P1M', 'P1Y'];

export function termMonths(term: string): number | undefined {
  const match = /^P(\d+)([MY])$/.exec(term);
  if (!match) return undefined;
  return Number(match[1]) * (match[2] === 'Y' ? 12 : 1);
}

const BILLING_CYCLES = ['monthly', 'annual', 'triennial', 'biennial', 'one_time', 'none'];

/** The catalog writes "Annual" or "OneTime"; requests use "annual" and "one_time". */
export function canonicalBillingCycle(value: string): string {
  const folded = value.toLowerCase().replace(/[_\-\s]/g, '');
  return BILLING_CYCLES.find((cycle) => cycle.replace('_', '') === folded) ?? value;
}
