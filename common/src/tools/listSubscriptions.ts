// partnercenter_list_subscriptions: a customer's subscriptions with what renewal questions need
// (term end and auto-renew), soonest term end first.
import { type Subscription } from '../api/types';
import { customerListTool } from './customerInput';
import { day, orDash } from './format';

export const listSubscriptions = customerListTool({
  name: 'partnercenter_list_subscriptions',
  title: "List a customer's subscriptions",
  description:
    "Lists one customer's subscriptions in Partner Center (live data): id, offer name, quantity (seats), status, " +
    'term (P1M, P1Y, P3Y), billing cycle, whether it auto-renews and when its term ends, soonest first. ' +
    'Use it for questions such as "which subscriptions renew this month?" (term end within the month and auto-renew on) ' +
    'or before drafting a subscription change. Needs the customer id from partnercenter_list_customers.',
  noun: 'subscription',
  order: 'soonest term end first',
  list: (client, customerId, signal) => client.subscriptions.list(customerId, { signal }),
  items: (list: Subscription[]) =>
    list
      .map((s) => ({
        id: s.id,
        offerName: s.offerName ?? s.friendlyName,
        offerId: s.offerId,
        quantity: s.quantity,
        status: s.status,
        termDuration: s.termDuration,
        billingCycle: s.billingCycle,
        autoRenewEnabled: s.autoRenewEnabled,
        termEndDate: s.commitmentEndDate,
      }))
      .sort((a, b) => (a.termEndDate ?? '9999').localeCompare(b.termEndDate ?? '9999')),
  line: (s) =>
    `- ${orDash(s.offerName)} ×${orDash(s.quantity)} — ${orDash(s.status)}, ${orDash(s.termDuration)} billed ${orDash(s.billingCycle)}, ` +
    `term ends ${day(s.termEndDate)}, auto-renew ${s.autoRenewEnabled === undefined ? '—' : s.autoRenewEnabled ? 'on' : 'off'} — id ${s.id}`,
});
