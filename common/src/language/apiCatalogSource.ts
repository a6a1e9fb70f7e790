// A CatalogSource over the Partner Center API client, with caching: the extension answers the
// language server's catalog requests with it, and the CLI uses it with --endpoint. Items are
// looked up one by one (product, SKU, availability) and remembered; the full list for completion
// is loaded once per target view and kept for `ttlMs`.
import { type Availability, type Product, type Sku } from '../api/catalogTypes';
import { isPartnerCenterError } from '../api/errors';
import { type PartnerCenterClient } from '../api/client';
import { canonicalBillingCycle } from './rules/termPairs';
import { type CatalogAvailability, catalogKey, type CatalogItemInfo, type CatalogSource, type CustomerSummary } from './catalog';

/** The parts of the API client the catalog needs (tests pass a fake). */
export type CatalogClient = Pick<PartnerCenterClient, 'catalog' | 'customers'>;

export interface ApiCatalogSourceOptions {
  /** Market of the catalog. Default US. */
  country?: string;
  /** Views listed for completion. */
  targetViews?: readonly string[];
  /** How long lists and lookups are trusted; catalog item ids "can change over time". Default 30 min. */
  ttlMs?: number;
  /** Shown when there is no client (not signed in). */
  signedOutReason?: string;
  now?: () => number;
}

export interface ApiCatalogSource extends CatalogSource {
  /** Forgets everything (sign-in changes, environment switches). */
  invalidate(): void;
}

const DEFAULT_VIEWS = ['OnlineServices', 'AzureReservations', 'Software'];

interface Cached<T> {
  at: number;
  value: Promise<T>;
}

interface CachedList<T> {
  /** The list loaded within the last ttl, or a new load; a load that fails is not kept. */
  get(load: () => Promise<T[]>): Promise<T[]>;
  clear(): void;
}

function cachedList<T>(fresh: (entry: Cached<T[]> | undefined) => entry is Cached<T[]>, now: () => number): CachedList<T> {
  let cached: Cached<T[]> | undefined;
  return {
    get(load) {
      if (!fresh(cached)) {
        const value = load();
        cached = { at: now(), value };
        value.catch(() => {
          cached = undefined;
        });
      }
      return cached.value;
    },
    clear() {
      cached = undefined;
    },
  };
}

export function createApiCatalogSource(
  getClient: () => CatalogClient | undefined,
  options: ApiCatalogSourceOptions = {},
): ApiCatalogSource {
  const country = options.country ?? 'US';
  const ttl = options.ttlMs ?? 30 * 60_000;
  const now = options.now ?? Date.now;
  const signedOut =
    options.signedOutReason ??
    'sign in to Partner Center (or use the emulator) to check catalog items, terms, quantities and attestation.';
  let items = new Map<string, Cached<CatalogItemInfo | null | undefined>>();
  let cachedFor: CatalogClient | undefined;

  const fresh = <T>(entry: Cached<T> | undefined): entry is Cached<T> => entry !== undefined && now() - entry.at < ttl;
  const list = cachedList<CatalogItemInfo>(fresh, now);
  const customers = cachedList<CustomerSummary>(fresh, now);
  const currentClient = (): CatalogClient | undefined => {
    const client = getClient();
    // A different client means another account or environment: nothing cached still applies.
    if (client !== cachedFor) {
      items = new Map();
      list.clear();
      customers.clear();
      cachedFor = client;
    }
    return client;
  };

  /** A list from the cache or loaded afresh; a load that fails says so instead of throwing. */
  const listed = async <T>(
    cache: CachedList<T>,
    load: (client: CatalogClient) => Promise<T[]>,
    what: string,
  ): Promise<CatalogAvailability & { values: T[] }> => {
    const client = currentClient();
    if (!client) return { available: false, reason: signedOut, values: [] };
    try {
      return { available: true, values: await cache.get(() => load(client)) };
    } catch (err) {
      return {
        available: false,
        reason: `${what} could not be loaded (${err instanceof Error ? err.message : String(err)}).`,
        values: [],
      };
    }
  };

  /** Why the last look-up got no answer (401, network...): the catalog checks say so instead of passing silently. */
  let lastFailure: string | undefined;

  const lookup = async (client: CatalogClient, id: string): Promise<CatalogItemInfo | null | undefined> => {
    const [productId, skuId, availabilityId] = id.split(':');
    try {
      const [product, sku, availability] = await Promise.all([
        client.catalog.product(productId, { country }),
        client.catalog.sku(productId, skuId, { country }),
        client.catalog.availability(productId, skuId, availabilityId, { country }),
      ]);
      return toItemInfo(product, sku, availability);
    } catch (err) {
      // 404 is an answer (no such item); anything else is "don't know", and is not cached.
      if (isPartnerCenterError(err) && err.status === 404) return null;
      items.delete(catalogKey(id));
      lastFailure = err instanceof Error ? err.message : String(err);
      return undefined;
    }
  };

  return {
    invalidate() {
      items = new Map();
      list.clear();
      customers.clear();
    },

    async resolveItems(ids) {
      const client = currentClient();
      if (!client) return { available: false, reason: signedOut, items: {} };
      const entries = await Promise.all(
        ids.map(async (id) => {
          const key = catalogKey(id);
          let entry = items.get(key);
          if (!fresh(entry)) {
            entry = { at: now(), value: lookup(client, key) };
            items.set(key, entry);
          }
          return [id, await entry.value] as const;
        }),
      );
      const resolved: Record<string, CatalogItemInfo | null> = {};
      for (const [id, info] of entries) if (info !== undefined) resolved[id] = info;
      // An item the service did not answer for is not "fine": the checks for it are off, and say why.
      if (entries.some(([, info]) => info === undefined)) {
        return {
          available: false,
          reason: `Partner Center did not answer the catalog look-up (${lastFailure ?? 'no answer'}).`,
          items: resolved,
        };
      }
      return { available: true, items: resolved };
    },

    async listItems() {
      const { values, ...answer } = await listed(
        list,
        (client) => loadAll(client, country, options.targetViews ?? DEFAULT_VIEWS),
        'the catalog',
      );
      return { ...answer, items: values };
    },

    async listCustomers() {
      const { values, ...answer } = await listed(customers, loadCustomers, 'customers');
      return { ...answer, customers: values };
    },
  };
}

async function loadAll(client: CatalogClient, country: string, views: readonly string[]): Promise<CatalogItemInfo[]> {
  const out: CatalogItemInfo[] = [];
  for (const targetView of views) {
    const products = await client.catalog.products({ country, targetView });
    await Promise.all(
      products.map(async (product) => {
        const skus = await client.catalog.skus(product.id, { country });
        await Promise.all(
          skus.map(async (sku) => {
            const availabilities = await client.catalog.availabilities(product.id, sku.id, { country });
            for (const availability of availabilities) out.push(toItemInfo(product, sku, availability));
          }),
        );
      }),
    );
  }
  return out.sort((a, b) => a.productTitle.localeCompare(b.productTitle) || a.skuTitle.localeCompare(b.skuTitle));
}

/** Customer completion needs ids and names, not every customer of a large partner: the first 500. */
async function loadCustomers(client: CatalogClient): Promise<CustomerSummary[]> {
  const out: CustomerSummary[] = [];
  for await (const customer of client.customers.list({ size: 100 })) {
    out.push({ id: customer.id, companyName: customer.companyProfile?.companyName, domain: customer.companyProfile?.domain });
    if (out.length >= 500) break;
  }
  return out;
}

export function toItemInfo(product: Product, sku: Sku, availability: Availability): CatalogItemInfo {
  const duration = sku.dynamicAttributes?.duration;
  return {
    catalogItemId: availability.catalogItemId ?? `${product.id}:${sku.id}:${availability.id}`,
    productId: product.id,
    productTitle: product.title ?? product.id,
    productType: product.productType?.id,
    skuId: sku.id,
    skuTitle: sku.title ?? sku.id,
    skuDescription: sku.description,
    minimumQuantity: sku.minimumQuantity,
    maximumQuantity: sku.maximumQuantity,
    isTrial: sku.isTrial === true,
    isPurchasable: availability.isPurchasable !== false,
    terms: (availability.terms ?? []).map((t) => ({
      duration: t.duration,
      billingCycle: canonicalBillingCycle(t.billingCycle),
      description: t.description,
    })),
    provisioningVariables: sku.provisioningVariables ?? [],
    purchasePrerequisites: sku.purchasePrerequisites ?? [],
    enforceAttestation: sku.attestationProperties?.enforceAttestation === true,
    attestationType: sku.attestationProperties?.attestationType,
    reservationDuration: typeof duration === 'string' ? duration : undefined,
  };
}
