// partnercenter_list_orders: a customer's orders with their lines, newest first.
import { type Order } from '../api/types';
import { customerListTool } from './customerInput';
import { day, orDash } from './format';

export const listOrders = customerListTool({
  name: 'partnercenter_list_orders',
  title: "List a customer's orders",
  description:
    "Lists one customer's orders in Partner Center (live data), newest first: id, status (pending, completed, cancelled), " +
    'creation date, billing cycle and each line (catalog item or offer id, name, quantity, term, the subscription it created). ' +
    'Use it to check what was bought and whether an order has settled. Needs the customer id from partnercenter_list_customers.',
  noun: 'order',
  order: 'newest first',
  list: (client, customerId, signal) => client.orders.list(customerId, { signal }),
  items: (list: Order[]) =>
    list
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
      .sort((a, b) => (b.creationDate ?? '').localeCompare(a.creationDate ?? '')),
  line: (o) =>
    `- order ${orDash(o.id)} — ${orDash(o.status)}, ${day(o.creationDate)}, billed ${orDash(o.billingCycle)}\n` +
    o.lines
      .map(
        (l) =>
          `  - line ${l.lineItemNumber}: ${orDash(l.friendlyName ?? l.offerId)} ×${orDash(l.quantity)} ${orDash(l.termDuration)} (${l.offerId})`,
      )
      .join('\n'),
});
