// Helpers for the tests of subscription transitions (upgrades): buy a subscription of a given SKU
// and wait until its order has provisioned, and post a transition of one.
import { type RunningEmulator } from '../../../emulator/src/index';
import { waitFor } from '../../support/waitFor';
import { call, placeOrder, type Reply } from './helpers';

export interface SubscriptionRef {
  customerId: string;
  subscriptionId: string;
}

/** Catalog items of the emulator's upgrade ladder (emulator/src/data/upgrades.ts). */
export const LADDER = {
  basic: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971',
  standard: 'CFQ7TTC0LDPB:0001:CFQ7TTC0LGNT',
  premium: 'CFQ7TTC0LCHC:0002:CFQ7TTC0MD5V',
  e3: 'CFQ7TTC0LFLZ:0001:CFQ7TTC0KDLJ',
  o365E5: 'CFQ7TTC0LF8S:0001:CFQ7TTC0N81H',
  premiumTrial: 'CFQ7TTC0LCHC:0003:CFQ7TTC0TRL1',
};

export const subscriptionUri = (ref: SubscriptionRef): string =>
  `/v1/customers/${ref.customerId}/subscriptions/${ref.subscriptionId}`;

/** Orders `quantity` seats of `offerId` for the seeded customer and gives the subscription once provisioned. */
export async function buy(
  em: RunningEmulator,
  offerId: string,
  plan: { quantity?: number; termDuration?: string; billingCycle?: string } = {},
): Promise<SubscriptionRef> {
  const customerId = em.fixtures.customerId;
  const order = await placeOrder(em, {
    billingCycle: plan.billingCycle ?? 'monthly',
    lineItems: [{ lineItemNumber: 0, offerId, quantity: plan.quantity ?? 5, termDuration: plan.termDuration ?? 'P1M' }],
  });
  const subscriptionId = await waitFor('the order to provision its subscription', async () => {
    const o = await call(em, `/v1/customers/${customerId}/orders/${order.id}`);
    return o.body.status === 'completed' && (o.body.lineItems[0].subscriptionId as string);
  });
  return { customerId, subscriptionId };
}

/** POST …/transitions of `source`, whatever the answer. */
export function postTransition(em: RunningEmulator, source: SubscriptionRef, body: Record<string, unknown>): Promise<Reply> {
  return call(em, `${subscriptionUri(source)}/transitions`, { body });
}
