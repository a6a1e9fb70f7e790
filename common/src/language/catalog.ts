// What the language service knows about the Partner Center catalog, and where that knowledge comes
// from. The service itself never calls Partner Center: a CatalogSource does (the extension through
// its signed-in API client, the CLI with --endpoint), and the language server reaches the
// extension's source through the protocol requests in common/src/protocol.ts.

/** One purchasable thing: a product's SKU's availability, flattened for rules, completion and hover. */
export interface CatalogItemInfo {
  /** PRODUCT:SKU:AVAILABILITY, as the catalog spells it. */
  catalogItemId: string;
  productId: string;
  productTitle: string;
  /** e.g. OnlineServicesNCE, Azure, Software. */
  productType?: string;
  skuId: string;
  skuTitle: string;
  skuDescription?: string;
  minimumQuantity?: number;
  maximumQuantity?: number;
  isTrial: boolean;
  isPurchasable: boolean;
  /** The term × billing-cycle pairs this availability sells. Empty for perpetual software. */
  terms: { duration: string; billingCycle: string; description?: string }[];
  /** Provisioning variables of the SKU, as the catalog names them (Scope, SubscriptionId, Duration). */
  provisioningVariables: string[];
  purchasePrerequisites: string[];
  /** Whether every line buying this SKU must carry `attestationAccepted: true`. */
  enforceAttestation: boolean;
  attestationType?: string;
  /** Reservations: the only provisioning `duration` the SKU accepts (1Year, 3Years). */
  reservationDuration?: string;
}

export interface CustomerSummary {
  id: string;
  companyName?: string;
  domain?: string;
}

/** Why catalog rules cannot run, when they cannot. */
export interface CatalogAvailability {
  available: boolean;
  /** Shown once in the catalog-off diagnostic, e.g. "Sign in to Partner Center to check catalog items." */
  reason?: string;
}

/**
 * Access to the catalog, implemented by the extension (API client + cache) and the CLI. Every
 * method answers `available: false` instead of throwing when there is no account or service.
 */
export interface CatalogSource {
  /** Looks up catalog item ids; an id Partner Center does not know maps to null. */
  resolveItems(ids: readonly string[]): Promise<CatalogAvailability & { items: Record<string, CatalogItemInfo | null> }>;
  /** Every catalog item the account can buy, for completion. */
  listItems(): Promise<CatalogAvailability & { items: CatalogItemInfo[] }>;
  /** The partner's customers, for completing customer ids. */
  listCustomers(): Promise<CatalogAvailability & { customers: CustomerSummary[] }>;
}

/** What one validation pass knows: either "catalog off" or the items the document names. */
export interface CatalogView extends CatalogAvailability {
  /** Keyed by upper-cased catalog item id; null = the catalog does not have it. */
  items: ReadonlyMap<string, CatalogItemInfo | null>;
}

export const CATALOG_OFF: CatalogView = { available: false, items: new Map() };

export function catalogKey(catalogItemId: string): string {
  return catalogItemId.trim().toUpperCase();
}

/** A catalog item id as the catalog spells it: nothing to trim or upper-case. */
const CANONICAL_ID = /^[A-Z0-9]+:[A-Z0-9]+:[A-Z0-9]+$/;
const CATALOG_ID = /^[A-Za-z0-9]+:[A-Za-z0-9]+:[A-Za-z0-9]+$/;

/** Catalog item ids have three colon-separated parts; legacy offers are GUIDs. */
export function isCatalogItemId(value: unknown): value is string {
  return typeof value === 'string' && (CANONICAL_ID.test(value) || CATALOG_ID.test(value.trim()));
}

/**
 * Whether an id only stands for one, as `PRODUCT:SKU:AVAILABILITY` does in a snippet or a page of
 * the docs: no part has a digit, which every real part has (CFQ7TTC0LH18:0001:CFQ7TTC0K971). Such
 * an id is not looked up: each look-up is a 404 logged as a warning (issue 12).
 */
export function isPlaceholderCatalogItemId(id: string): boolean {
  return id.split(':').every((part) => !/\d/.test(part));
}

/**
 * `catalogKey(value)` when the value is a catalog item id, else undefined. The rules ask this of
 * every line: an id written canonically (nearly all of them) passes one regex test and is its own
 * key, so nothing is allocated for it. (A character loop was slower than the regex engine.)
 */
export function catalogItemKey(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (CANONICAL_ID.test(value)) return value;
  const id = value.trim();
  return CATALOG_ID.test(id) ? id.toUpperCase() : undefined;
}

export function catalogView(available: boolean, items: Iterable<[string, CatalogItemInfo | null]>, reason?: string): CatalogView {
  return { available, reason, items: new Map([...items].map(([id, info]) => [catalogKey(id), info])) };
}
