// Product and SKU titles for entitlements, which carry only their ids (entitlement resource:
// productId, skuId). Each title is read once from the customer's catalog (GET
// /customers/{c}/products/{p} and …/skus/{s}) and kept for the client that read it, so a
// refresh or another customer's folder costs nothing more, and a new environment asks again.
import { type PartnerCenterClient } from '../../../common/src/api';

export interface ItemNames {
  product?: string;
  sku?: string;
}

type Titles = Map<string, Promise<string | undefined>>;
const byClient = new WeakMap<PartnerCenterClient, Titles>();

/** A title, or undefined when the catalog does not know the item (the id is shown instead). */
function remembered(titles: Titles, key: string, read: () => Promise<{ title?: string }>): Promise<string | undefined> {
  let title = titles.get(key);
  if (!title) {
    title = read().then(
      (item) => item.title,
      () => {
        titles.delete(key); // not kept: a later expansion may ask again
        return undefined;
      },
    );
    titles.set(key, title);
  }
  return title;
}

/** The names of each product and SKU pair, keyed `productId:skuId`. */
export async function catalogNames(
  client: PartnerCenterClient,
  customerId: string,
  items: readonly { productId?: string; skuId?: string }[],
  signal: AbortSignal,
): Promise<Map<string, ItemNames>> {
  let titles = byClient.get(client);
  if (!titles) byClient.set(client, (titles = new Map()));
  const catalog = client.catalog.forCustomer(customerId);
  const names = new Map<string, ItemNames>();
  await Promise.all(
    items.map(async ({ productId, skuId }) => {
      if (!productId || names.has(`${productId}:${skuId}`)) return;
      names.set(`${productId}:${skuId}`, {});
      const [product, sku] = await Promise.all([
        remembered(titles, productId, () => catalog.product(productId, { signal })),
        skuId ? remembered(titles, `${productId}:${skuId}`, () => catalog.sku(productId, skuId, { signal })) : undefined,
      ]);
      names.set(`${productId}:${skuId}`, { product, sku });
    }),
  );
  return names;
}
