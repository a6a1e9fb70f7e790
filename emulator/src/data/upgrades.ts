// Which new-commerce SKUs a subscription may transition (upgrade) to. The service's own upgrade
// matrix is given only by GET …/transitionEligibilities, never in the docs, so this one is the
// emulator's: the Microsoft 365 business ladder the docs' pages walk through (Basic, Standard,
// Premium, then the enterprise suite), the step get-transitions.md shows (Business Standard to
// Office 365 E5), and a trial to its paid SKU (transition-a-new-commerce-subscription.md: "or
// convert an NCE trial to a paid subscription"). "Downgrades aren't supported"
// (create-a-new-subscription.md†), so every path goes up.

import { type CatalogItem, catalogItem } from './catalog';

const BUSINESS_BASIC = 'CFQ7TTC0LH18:0001';
const BUSINESS_STANDARD = 'CFQ7TTC0LDPB:0001:CFQ7TTC0LGNT';
const BUSINESS_PREMIUM = 'CFQ7TTC0LCHC:0002:CFQ7TTC0MD5V';
const MICROSOFT_365_E3 = 'CFQ7TTC0LFLZ:0001:CFQ7TTC0KDLJ';
const OFFICE_365_E5 = 'CFQ7TTC0LF8S:0001:CFQ7TTC0N81H';

/** Source product:SKU to the catalog items it may transition to, in the order they are listed. */
const PATHS: Record<string, string[]> = {
  [BUSINESS_BASIC]: [BUSINESS_STANDARD, BUSINESS_PREMIUM, MICROSOFT_365_E3],
  'CFQ7TTC0LDPB:0001': [BUSINESS_PREMIUM, MICROSOFT_365_E3, OFFICE_365_E5],
  'CFQ7TTC0LCHC:0002': [MICROSOFT_365_E3],
  // The Business Premium trial converts to the paid SKU.
  'CFQ7TTC0LCHC:0003': [BUSINESS_PREMIUM],
};

/** product:SKU of an item, upper case: what a transition path and a target subscription are matched on. */
export function skuKey(item: CatalogItem): string {
  return `${item.product.id}:${item.sku.id}`.toUpperCase();
}

/** The catalog items a subscription of `item` may transition to (none for most SKUs). */
export function upgradeTargets(item: CatalogItem): CatalogItem[] {
  return (PATHS[skuKey(item)] ?? []).map((id) => {
    const target = catalogItem(id);
    if (!target) throw new Error(`upgrades: unknown catalog item ${id}`);
    return target;
  });
}
