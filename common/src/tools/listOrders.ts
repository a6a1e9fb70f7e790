// partnercenter_list_orders: a customer's orders with their lines, newest first.
import { type AgentTool } from './toolTypes';
import { customerIdSchema, forCustomer } from './customerInput';
import { day, orDash, plural } from './format';

interface Input {
  customerId: string;
}

export const listOrders: AgentTool<Input> = {
  name: 'partnercenter_list_orders',
  title: "List a customer's orders",
  description:
    "Lists one customer's orders in Partner Center (live data), newest first: id, status (pending, completed, cancelled), " +
    'creation date, billing cycle and each line (catalog item or offer id, name, quantity, term, the subscription it created). ' +
    'Use it to check what was bought and whether an order has settled. Needs the customer id from partnercenter_list_customers.',
  inputSchema: {
    type: 'object',
    properties: { customerId: customerIdSchema },
    required: ['customerId'],
    additionalProperties: false,
  },
  readsPartnerCenter: true,
  async run(input, ctx) {
    const client = ctx.host.client();
    const list = await forCustomer(ctx, input.customerId, () => client.orders.list(input.customerId, { signal: ctx.signal }));
    const orders = list
      .map((o) => ({
        id: o.id,
        status: o.status,
        creationDate: o.creationDate,
        billingCycle: o.billingCycle,
        lines: (o.lineItems ?? []).map((l) => ({
          lineItemNumber: l.lineItemNumber,
          offerId: l.offerId,
          friendlyName: l.friendlyName,
          quantity: l.quantity,
          termDuration: l.termDuration,
          subscriptionId: l.subscriptionId,
        })),
      }))
      .sort((a, b) => (b.creationDate ?? '').localeCompare(a.creationDate ?? ''));
    const text = orders.map(
      (o) =>
        `- order ${orDash(o.id)} — ${orDash(o.status)}, ${day(o.creationDate)}, billed ${orDash(o.billingCycle)}\n` +
        o.lines
          .map(
            (l) =>
              `  - line ${l.lineItemNumber}: ${orDash(l.friendlyName ?? l.offerId)} ×${orDash(l.quantity)} ${orDash(l.termDuration)} (${l.offerId})`,
          )
          .join('\n'),
    );
    return {
      text: `${plural(orders.length, 'order')} of customer ${input.customerId} in ${ctx.host.environment}, newest first:\n${text.join('\n')}`,
      structured: { environment: ctx.host.environment, customerId: input.customerId, orders },
    };
  },
};
