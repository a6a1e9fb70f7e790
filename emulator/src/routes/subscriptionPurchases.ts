// Purchase-side reads under /customers/{c}/subscriptions, registered before the subscription
// routes so that "customTermEndDates" is not taken for a subscription id:
// - GET .../subscriptions/customTermEndDates?term_duration=P1M (custom-term-end-dates.md): the end
//   dates a new purchase with that term may use (see rules/customTermEndDate.ts);
// - GET .../subscriptions/{id}/addons (get-a-list-of-add-ons-for-a-subscription.md): the add-on
//   subscriptions bought for a subscription.

import { parseEnum, squash } from '../casing';
import { TERM_DURATIONS } from '../data/catalog';
import { collection, link } from '../envelope';
import { ApiError, invalidInput } from '../errors';
import { type HttpAnswer, type RequestContext, type Router } from '../router';
import { allowedEndDates, endDateText } from '../rules/customTermEndDate';
import { subscriptionWire } from '../wire/subscription';
import { requireCustomer } from './customers';

export function registerSubscriptionPurchases(router: Router): void {
  router.get('/customers/{customerId}/subscriptions/customTermEndDates', customTermEndDates);
  router.get('/customers/{customerId}/subscriptions/{subscriptionId}/addons', addOns);
}

/** The query names are documented both ways: TermDuration (table) and term_duration (example). */
function query(ctx: RequestContext, name: string): string | undefined {
  for (const [k, v] of ctx.url.searchParams) if (squash(k) === squash(name)) return v;
  return undefined;
}

function customTermEndDates(ctx: RequestContext): HttpAnswer {
  const customer = requireCustomer(ctx);
  const termText = query(ctx, 'term_duration');
  if (termText === undefined || termText === '') {
    throw invalidInput('The term_duration query parameter is required (P1M, P1Y or P3Y).');
  }
  const term = parseEnum('term_duration', termText, TERM_DURATIONS);
  const startText = query(ctx, 'term_start_date');
  const start = startText === undefined ? ctx.now : Date.parse(startText);
  if (Number.isNaN(start)) throw invalidInput(`term_start_date must be a date, got '${startText}'.`);
  const target = query(ctx, 'target_coterm_subscription_id')?.toLowerCase();
  const items = allowedEndDates({ store: ctx.store, customerId: customer.id, now: start }, term)
    .map((d) =>
      target === undefined || d.type === 'calendarMonthAligned'
        ? d
        : { ...d, cotermSubscriptionIds: d.cotermSubscriptionIds?.filter((id) => id.toLowerCase() === target) },
    )
    .filter((d) => d.type === 'calendarMonthAligned' || (d.cotermSubscriptionIds?.length ?? 0) > 0)
    .map((d) =>
      d.type === 'calendarMonthAligned'
        ? { allowedCustomTermEndDateType: d.type, allowedCustomTermEndDate: endDateText(d.date) }
        : {
            allowedCustomTermEndDateType: d.type,
            cotermSubscriptionIds: d.cotermSubscriptionIds,
            allowedCustomTermEndDate: endDateText(d.date),
          },
    );
  return {
    status: 200,
    body: collection(items, { self: link(`/customers/${customer.id}/subscriptions/customTermEndDates${ctx.url.search}`) }),
  };
}

function addOns(ctx: RequestContext): HttpAnswer {
  const customer = requireCustomer(ctx);
  const parent = ctx.store.subscription(customer.id, ctx.params.subscriptionId);
  if (!parent) throw new ApiError('subscriptionNotFound', `Subscription ${ctx.params.subscriptionId} was not found.`);
  const items = ctx.store
    .listOf(ctx.store.subscriptions, customer.id)
    .filter((s) => s.parentSubscriptionId?.toLowerCase() === parent.id.toLowerCase())
    .map((s) => subscriptionWire(s, customer.address.country, ctx.now));
  return { status: 200, body: collection(items, { self: link(`/customers/${customer.id}/subscriptions/${parent.id}/addons`) }) };
}
