// Custom term end dates (coterminosity and calendar-month alignment), align-subscription-end-dates.md
// and custom-term-end-dates.md:
// - only "license-based new commerce subscriptions" ("not third-party, Azure reservations, or
//   software subscriptions"); "Trial subscriptions are also excluded";
// - "The custom term end date must be within the first term duration";
// - it must match "the end date of any active non-trial OnlineServicesNCE subscription or align
//   with the end of the calendar month" (900242); the calendar-month date of a term is the last day
//   of its last calendar month ("if you choose an annual billing term, you need to use the last day
//   of the 11th calendar month from your purchase date");
// - "monthly term products ... cannot align with a subscription ending on the 28th, 29th, or 30th
//   of the month, unless that date is the last day of the month";
// - "Annual and triannual term subscriptions can't be coterminated with a monthly term subscription".
// The dates a purchase may use are exactly the ones GET .../subscriptions/customTermEndDates lists.
// Dates are compared by UTC day ("All dateTime values considered for coterm are in UTC"). A term
// ends on its last day, inclusive ("End dates are inclusive", subscription-resources.md): a
// subscription on the day of its commitmentEndDate, a purchase's first term on the day before the
// same date a term later.

import { type CatalogItem, type TermDuration, TERM_MONTHS } from '../data/catalog';
import { DAY_MS } from '../data/model';
import { addTerm, type Store } from '../data/store';
import { lastTermDay } from '../wire/subscription';
import { type RuleFailure, lineFailure, requestFailure } from './failure';

export interface AllowedEndDate {
  type: 'calendarMonthAligned' | 'subscriptionAligned';
  /** UTC midnight of the day. */
  date: number;
  cotermSubscriptionIds?: string[];
}

/** Where a purchase is made: the dates depend on the customer's subscriptions and on today. */
export interface PurchaseEnv {
  store: Store;
  customerId: string;
  now: number;
}

function utcDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}

function lastDayOfMonth(year: number, month: number): number {
  return Date.UTC(year, month + 1, 0);
}

/** The custom term end dates a purchase with this term may use, calendar-month date first. */
export function allowedEndDates(env: PurchaseEnv, term: TermDuration): AllowedEndDate[] {
  const today = utcDay(env.now);
  const last = utcDay(addTerm(env.now, term)) - DAY_MS;
  const start = new Date(env.now);
  const out: AllowedEndDate[] = [
    {
      type: 'calendarMonthAligned',
      date: lastDayOfMonth(start.getUTCFullYear(), start.getUTCMonth() + TERM_MONTHS[term] - 1),
    },
  ];
  const byDate = new Map<number, string[]>();
  for (const sub of env.store.listOf(env.store.subscriptions, env.customerId)) {
    if (sub.status !== 'active' || sub.item.sku.isTrial || sub.item.product.kind !== 'license') continue;
    if (term !== 'P1M' && sub.termDuration === 'P1M') continue;
    const end = lastTermDay(sub);
    if (end < today || end > last) continue;
    const d = new Date(end);
    const day = d.getUTCDate();
    if (term === 'P1M' && day >= 28 && day <= 30 && end !== lastDayOfMonth(d.getUTCFullYear(), d.getUTCMonth())) continue;
    byDate.set(end, [...(byDate.get(end) ?? []), sub.id]);
  }
  for (const [date, ids] of [...byDate.entries()].sort((a, b) => a[0] - b[0])) {
    out.push({ type: 'subscriptionAligned', date, cotermSubscriptionIds: ids });
  }
  return out;
}

/** The date as the service writes it in this API: "2023-07-31T00:00:00". */
export function endDateText(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/**
 * A line's customTermEndDate: a date-time string (null and absent mean none). Not for items other
 * than new-commerce licenses (order 800002, cart line 10016 InvalidCustomTermEndDateProduct); not a
 * date the customer may use for the line's term (order 900242, cart line 10017 InvalidCustomTermEndDate).
 */
export function checkCustomTermEndDate(
  item: CatalogItem,
  term: TermDuration | undefined,
  value: unknown,
  env: PurchaseEnv | undefined,
): RuleFailure | undefined {
  if (value === undefined || value === null) return undefined;
  const ms =
    typeof value === 'string'
      ? Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) || !value.includes('T') ? value : `${value}Z`)
      : NaN;
  if (Number.isNaN(ms)) {
    return requestFailure('invalidInput', `customTermEndDate must be a date-time, got ${JSON.stringify(value)}.`);
  }
  if (item.product.kind !== 'license' || item.sku.isTrial || term === undefined) {
    return lineFailure(
      'invalidInput',
      'customTermEndDateProduct',
      `${item.catalogItemId} cannot take a custom term end date: only new-commerce license subscriptions (not trials, software, reservations or third-party items) can.`,
    );
  }
  if (!env) return undefined;
  const day = utcDay(ms);
  const allowed = allowedEndDates(env, term);
  if (allowed.some((a) => a.date === day)) return undefined;
  return lineFailure(
    'customTermEndDateNotAllowed',
    'customTermEndDateInvalid',
    `The custom term end date ${endDateText(day).slice(0, 10)} does not match the end date of any active non-trial OnlineServicesNCE subscription or align with the end of the calendar month within the first ${term} term; allowed: ${allowed.map((a) => endDateText(a.date).slice(0, 10)).join(', ')}.`,
  );
}
