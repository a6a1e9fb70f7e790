// SKU titles for entitlements, which carry only product and SKU ids (entitlement resource:
// productId, skuId). A product's SKUs are read once from the customer's catalog with the
// documented call (developer/get-a-list-of-skus-for-a-product-by-customer.md:
// GET /customers/{c}/products/{p}/skus, no country or targetView) and kept for the client that
// read them, so a refresh or another customer's folder costs nothing more, and a new environment
// asks again. An item the catalog does not answer for keeps its ids: no error is shown for it.
import { type PartnerCenterClient } from '../../../common/src/api';

/** SKU titles by SKU id, per product id. */
type Titles = Map<string, Promise<Map<string, string>>>;
const byClient = new WeakMap<PartnerCenterClient, Titles>();

/** The SKU titles of each product and SKU pair that the catalog knows, keyed `productId:skuId`. */
export async function skuTitles(
  client: PartnerCenterClient,
  customerId: string,
  items: readonly { productId?: string; skuId?: string }[],
  signal: AbortSignal,
): Promise<Map<string, string>> {
  let titles = byClient.get(client);
  if (!titles) byClient.set(client, (titles = new Map()));
  const catalog = client.catalog.forCustomer(customerId);
  const products = [...new Set(items.flatMap((i) => (i.productId ? [i.productId] : [])))];
  for (const productId of products) {
    if (titles.has(productId)) continue;
    const read = catalog.skus(productId, { signal }).then(
      (skus) => new Map(skus.flatMap((s) => (s.title ? [[s.id, s.title] as const] : []))),
      () => {
        titles.delete(productId); // not kept: a later expansion may ask again
        return new Map<string, string>();
      },
    );
    titles.set(productId, read);
  }
  const found = new Map<string, string>();
  await Promise.all(
    products.map(async (productId) => {
      for (const [skuId, title] of await titles.get(productId)!) found.set(`${productId}:${skuId}`, title);
    }),
  );
  return found;
}
