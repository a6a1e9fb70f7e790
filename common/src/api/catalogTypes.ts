// Catalog resources (reference §3.6): products → SKUs → availabilities. An availability's
// `catalogItemId` (PRODUCT:SKU:AVAILABILITY) is what orders and carts buy.
import { type Resource } from './types';

export interface Product extends Resource {
  id: string;
  title?: string;
  description?: string;
  productType?: { id?: string; displayName?: string; subType?: { id?: string; displayName?: string } };
  isMicrosoftProduct?: boolean;
  publisherName?: string;
}

export interface Sku extends Resource {
  id: string;
  productId?: string;
  title?: string;
  description?: string;
  minimumQuantity?: number;
  maximumQuantity?: number;
  isTrial?: boolean;
  supportedBillingCycles?: string[];
  purchasePrerequisites?: string[];
  inventoryVariables?: string[];
  provisioningVariables?: string[];
  dynamicAttributes?: Record<string, unknown>;
  attestationProperties?: { attestationType?: string; enforceAttestation?: boolean };
  consumptionType?: string;
}

export interface AvailabilityTerm {
  id?: string;
  duration: string;
  description?: string;
  billingCycle: string;
  cancellationPolicies?: unknown[];
}

export interface Availability extends Resource {
  id: string;
  productId?: string;
  skuId?: string;
  /** "Can change over time": only rely on it shortly after retrieval (§3.6). */
  catalogItemId: string;
  defaultCurrency?: { code?: string; symbol?: string };
  segment?: string;
  country?: string;
  isPurchasable?: boolean;
  isRenewable?: boolean;
  terms?: AvailabilityTerm[];
  product?: Product;
  sku?: Sku;
}

/** Query of the catalog lists. `country` is required on partner-level calls, absent on customer-scoped ones. */
export interface CatalogQuery {
  country?: string;
  targetView?: string;
  targetSegment?: string;
  reservationScope?: string;
}
