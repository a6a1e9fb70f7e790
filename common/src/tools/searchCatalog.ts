// partnercenter_search_catalog: catalog items whose product or SKU matches a few words, with what an
// order line needs (the catalog item id, and the term and billing-cycle pairs it sells). Read from
// the market catalog the same way the language server's catalog checks read it (toItemInfo).
import { type Product } from '../api/catalogTypes';
import { type CatalogItemInfo } from '../language/catalog';
import { toItemInfo } from '../language/apiCatalogSource';
import { type AgentTool } from './toolTypes';
import { plural } from './format';

interface Input {
  query: string;
  country?: string;
  targetView?: string;
}

/** Products searched in depth (SKUs and availabilities) per call; a vaguer query gets a note to narrow it. */
const MAX_PRODUCTS = 8;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export const searchCatalog: AgentTool<Input> = {
  name: 'partnercenter_search_catalog',
  title: 'Search the Partner Center catalog',
  description:
    'Searches the Partner Center product catalog (live data) for products whose name or id contains every word of `query`, ' +
    'e.g. "Business Premium" or "E3", and answers each purchasable item: its catalog item id (PRODUCT:SKU:AVAILABILITY, what ' +
    'an order line buys), product and SKU names, seat limits, and the term and billing-cycle pairs it sells. ' +
    'Use it before partnercenter_draft_request. `targetView` picks the catalog: OnlineServices (Microsoft 365, default), ' +
    'AzureReservations, Software, Azure.',
  inputSchema: {
    type: 'object',
    properties: {
      query: { type: 'string', minLength: 1, maxLength: 200, description: 'Words of the product name, or a product id.' },
      country: {
        type: 'string',
        minLength: 2,
        maxLength: 2,
        description: 'Two-letter market of the catalog, e.g. US (default), GB, DE.',
      },
      targetView: {
        type: 'string',
        minLength: 1,
        maxLength: 60,
        description: 'Catalog view: OnlineServices (default), AzureReservations, Software, Azure.',
      },
    },
    required: ['query'],
    additionalProperties: false,
  },
  readsPartnerCenter: true,
  async run(input, ctx) {
    const client = ctx.host.client();
    const country = (input.country ?? 'US').toUpperCase();
    const targetView = input.targetView ?? 'OnlineServices';
    const wanted = words(input.query);
    const products = await client.catalog.products({ country, targetView, signal: ctx.signal });
    const haystack = (p: Product): string => words(`${p.id} ${p.title ?? ''}`).join(' ');
    const matching = products.filter((p) => wanted.every((w) => haystack(p).includes(w)));
    const searched = matching.slice(0, MAX_PRODUCTS);
    const items: CatalogItemInfo[] = [];
    for (const product of searched) {
      const skus = await client.catalog.skus(product.id, { country, signal: ctx.signal });
      for (const sku of skus) {
        const availabilities = await client.catalog.availabilities(product.id, sku.id, { country, signal: ctx.signal });
        for (const a of availabilities) items.push(toItemInfo(product, sku, a));
      }
    }
    const found = items.map((i) => ({
      catalogItemId: i.catalogItemId,
      productName: i.productTitle,
      skuName: i.skuTitle,
      productType: i.productType,
      minimumQuantity: i.minimumQuantity,
      maximumQuantity: i.maximumQuantity,
      isPurchasable: i.isPurchasable,
      isTrial: i.isTrial,
      terms: i.terms.map((t) => ({ termDuration: t.duration, billingCycle: t.billingCycle })),
      provisioningVariables: i.provisioningVariables,
      enforceAttestation: i.enforceAttestation,
    }));
    const lines = found.map(
      (i) =>
        `- ${i.productName} / ${i.skuName}${i.isTrial ? ' (trial)' : ''}${i.isPurchasable ? '' : ' (not purchasable)'} — ${i.catalogItemId}; ` +
        `seats ${i.minimumQuantity ?? '—'}–${i.maximumQuantity ?? '—'}; terms ${i.terms.map((t) => `${t.termDuration}/${t.billingCycle}`).join(', ') || 'none (perpetual)'}`,
    );
    const more =
      matching.length > searched.length
        ? `\n${matching.length - searched.length} more products match: use more words to narrow the search.`
        : '';
    const none = found.length === 0 ? ` No ${targetView} product in ${country} has every word of "${input.query}".` : '';
    return {
      text: `${plural(found.length, 'catalog item')} for "${input.query}" (${targetView}, ${country}, ${ctx.host.environment}):${none}\n${lines.join('\n')}${more}`,
      structured: { environment: ctx.host.environment, country, targetView, items: found },
    };
  },
};
