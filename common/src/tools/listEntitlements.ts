// partnercenter_list_entitlements: what a customer's purchases entitle it to. The service names
// products and SKUs by id only, so each distinct product and SKU is looked up once in the
// customer's catalog for its title; a look-up that fails leaves the id, it does not fail the list.
import { type Entitlement } from '../api/types';
import { type AgentTool } from './toolTypes';
import { customerIdSchema, forCustomer } from './customerInput';
import { day, orDash, plural } from './format';

interface Input {
  customerId: string;
}

export const listEntitlements: AgentTool<Input> = {
  name: 'partnercenter_list_entitlements',
  title: "List a customer's entitlements",
  description:
    "Lists one customer's entitlements in Partner Center (live data): what its purchases entitle it to, with product and " +
    'SKU names, type (software, reserved instance), quantity, fulfilment state and expiry. Use it for perpetual software ' +
    'and Azure reservations, which have no subscription. Needs the customer id from partnercenter_list_customers.',
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
      client.entitlements.list(input.customerId, { showExpiry: true, signal: ctx.signal }),
    );
    const flat: Entitlement[] = list.flatMap((e) => [e, ...(e.includedEntitlements ?? [])]);
    const catalog = client.catalog.forCustomer(input.customerId);
    const titles = new Map<string, Promise<string | undefined>>();
    const title = (key: string, read: () => Promise<{ title?: string }>): Promise<string | undefined> => {
      let t = titles.get(key);
      if (!t) {
        t = read().then(
          (r) => r.title,
          () => undefined,
        );
        titles.set(key, t);
      }
      return t;
    };
    const entitlements = await Promise.all(
      flat.map(async (e) => {
        const productId = e.productId ?? '';
        const skuId = e.skuId ?? '';
        const [productName, skuName] = await Promise.all([
          productId ? title(productId, () => catalog.product(productId, { signal: ctx.signal })) : undefined,
          productId && skuId
            ? title(`${productId}:${skuId}`, () => catalog.sku(productId, skuId, { signal: ctx.signal }))
            : undefined,
        ]);
        return {
          productId: e.productId,
          productName,
          skuId: e.skuId,
          skuName,
          entitlementType: e.entitlementType,
          quantity: e.quantity,
          fulfillmentState: e.fulfillmentState,
          expiryDate: e.expiryDate,
          orderId: e.referenceOrder?.id,
        };
      }),
    );
    const lines = entitlements.map(
      (e) =>
        `- ${orDash(e.productName ?? e.productId)} / ${orDash(e.skuName ?? e.skuId)} (${e.productId}:${e.skuId}) — ${orDash(e.entitlementType)}, ` +
        `×${orDash(e.quantity)}, ${orDash(e.fulfillmentState)}, expires ${day(e.expiryDate)}`,
    );
    return {
      text: `${plural(entitlements.length, 'entitlement')} of customer ${input.customerId} in ${ctx.host.environment}:\n${lines.join('\n')}`,
      structured: { environment: ctx.host.environment, customerId: input.customerId, entitlements },
    };
  },
};
