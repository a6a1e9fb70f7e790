// partnercenter_list_subscriptions: a customer's subscriptions with what renewal questions need
// (term end and auto-renew), soonest term end first.
import { type AgentTool } from './toolTypes';
import { customerIdSchema, forCustomer } from './customerInput';
import { day, orDash, plural } from './format';

interface Input {
  customerId: string;
}

export const listSubscriptions: AgentTool<Input> = {
  name: 'partnercenter_list_subscriptions',
  title: "List a customer's subscriptions",
  description:
    "Lists one customer's subscriptions in Partner Center (live data): id, offer name, quantity (seats), status, " +
    'term (P1M, P1Y, P3Y), billing cycle, whether it auto-renews and when its term ends, soonest first. ' +
    'Use it for questions such as "which subscriptions renew this month?" (term end within the month and auto-renew on) ' +
    'or before drafting a subscription change. Needs the customer id from partnercenter_list_customers.',
  inputSchema: {
    type: 'object',
    properties: { customerId: customerIdSchema },
    required: ['customerId'],
    additionalProperties: false,
  },
  readsPartnerCenter: true,
  async run(input, ctx) {
    const client = ctx.host.client();
    const list = await forCustomer(ctx, input.customerId, () =>
      client.subscriptions.list(input.customerId, { signal: ctx.signal }),
    );
    const subscriptions = list
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
      .sort((a, b) => (a.termEndDate ?? '9999').localeCompare(b.termEndDate ?? '9999'));
    const lines = subscriptions.map(
      (s) =>
        `- ${orDash(s.offerName)} ×${orDash(s.quantity)} — ${orDash(s.status)}, ${orDash(s.termDuration)} billed ${orDash(s.billingCycle)}, ` +
        `term ends ${day(s.termEndDate)}, auto-renew ${s.autoRenewEnabled === undefined ? '—' : s.autoRenewEnabled ? 'on' : 'off'} — id ${s.id}`,
    );
    return {
      text: `${plural(subscriptions.length, 'subscription')} of customer ${input.customerId} in ${ctx.host.environment}, soonest term end first:\n${lines.join('\n')}`,
      structured: { environment: ctx.host.environment, customerId: input.customerId, subscriptions },
    };
  },
};
