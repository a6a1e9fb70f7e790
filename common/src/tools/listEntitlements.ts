// partnercenter_list_entitlements: what a customer's purchases entitle it to. The service names
// products and SKUs by id only, so each distinct product and SKU is looked up once in the
// customer's catalog for its title; a look-up that fails leaves the id, it does not fail the list.
import { type Entitlement } from '../api/types';
import { customerListTool } from './customerInput';
import { day, orDash } from './format';

export const listEntitlements = customerListTool({
  name: 'partnercenter_list_entitlements',
  title: "List a customer's entitlements",
  description:
    "Lists one customer's entitlements in Partner Center (live data): what its purchases entitle it to, with product and " +
    'SKU names, type (software, reserved instance), quantity, fulfilment state and expiry. Use it for perpetual software ' +
    'and Azure reservations, which have no subscription. Needs the customer id from partnercenter_list_customers.',
  noun: 'entitlement',
  list: (client, customerId, signal) => client.entitlements.list(customerId, { showExpiry: true, signal }),
  async items(list: Entitlement[], { client, customerId, signal }) {
    const flat: Entitlement[] = list.flatMap((e) => [e, ...(e.includedEntitlements ?? [])]);
    const catalog = client.catalog.forCustomer(customerId);
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
    return Promise.all(
      flat.map(async (e) => {
        const productId = e.productId ?? '';
        const skuId = e.skuId ?? '';
        const [productName, skuName] = await Promise.all([
          productId ? title(productId, () => catalog.product(productId, { signal })) : undefined,
          productId && skuId ? title(`${productId}:${skuId}`, () => catalog.sku(productId, skuId, { signal })) : undefined,
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
  },
  line: (e) =>
    `- ${orDash(e.productName ?? e.productId)} / ${orDash(e.skuName ?? e.skuId)} (${e.productId}:${e.skuId}) — ${orDash(e.entitlementType)}, ` +
    `×${orDash(e.quantity)}, ${orDash(e.fulfillmentState)}, expires ${day(e.expiryDate)}`,
});
