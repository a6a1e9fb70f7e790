// Typed shapes of the Partner Center resources the extension reads and writes.
// Output JSON is camelCase (reference §2.1); every resource carries `attributes` and most carry
// `links`. Fields the service may add later stay reachable through the index signature, so a new
// field never needs a release of this file to be displayed.

/** A hypermedia link as the service sends it: `uri` is usually relative and lacks `/v1` (§2.2). */
export interface Link {
  uri: string;
  method?: string;
  headers?: { key: string; value: string }[];
  body?: unknown;
}

export interface ResourceAttributes {
  objectType?: string;
  etag?: string;
}

export interface Resource {
  attributes?: ResourceAttributes;
  links?: Record<string, Link | undefined>;
  [extra: string]: unknown;
}

/** The collection envelope (§2.2). `links.next` is present only when more pages exist. */
export interface Collection<T> {
  totalCount?: number;
  items: T[];
  links?: { self?: Link; next?: Link; previous?: Link; [name: string]: Link | undefined };
  continuationToken?: string;
  attributes?: ResourceAttributes;
}

export interface Address {
  firstName?: string;
  lastName?: string;
  addressLine1?: string;
  addressLine2?: string;
  city?: string;
  state?: string;
  postalCode?: string;
  country?: string;
  phoneNumber?: string;
}

export interface Customer extends Resource {
  id: string;
  commerceId?: string;
  companyProfile?: {
    tenantId?: string;
    domain?: string;
    companyName?: string;
    address?: Address;
    email?: string;
    organizationRegistrationNumber?: string;
  };
  billingProfile?: {
    id?: string;
    firstName?: string;
    lastName?: string;
    email?: string;
    culture?: string;
    language?: string;
    companyName?: string;
    defaultAddress?: Address;
  };
  relationshipToPartner?: string;
  allowDelegatedAccess?: boolean;
  userCredentials?: { userName: string; password: string };
  customDomains?: string[];
  associatedPartnerId?: string;
}

/** Body of `POST /v1/customers`; property names are matched case-insensitively by the service. */
export interface CustomerCreate {
  enableGDAPByDefault?: boolean;
  companyProfile: { domain: string; organizationRegistrationNumber?: string };
  billingProfile: {
    culture: string;
    email: string;
    language: string;
    companyName: string;
    defaultAddress: Address;
  };
}

export interface Pricing {
  listPrice?: number;
  discountedPrice?: number;
  proratedPrice?: number;
  price?: number;
  extendedPrice?: number;
}

export interface OrderLineItem extends Resource {
  lineItemNumber: number;
  offerId: string;
  quantity: number;
  termDuration?: string;
  subscriptionId?: string;
  parentSubscriptionId?: string;
  friendlyName?: string;
  customTermEndDate?: string;
  partnerIdOnRecord?: string;
  additionalPartnerIdsOnRecord?: string[];
  provisioningContext?: Record<string, string>;
  renewsTo?: { termDuration: string };
  attestationAccepted?: boolean;
  promotionId?: string;
  transactionType?: string;
  pricing?: Pricing;
}

export interface Order extends Resource {
  id?: string;
  alternateId?: string;
  referenceCustomerId?: string;
  billingCycle: string;
  currencyCode?: string;
  currencySymbol?: string;
  lineItems: OrderLineItem[];
  creationDate?: string;
  status?: string;
  transactionType?: string;
  totalPrice?: number;
  partnerOnRecordAttestationAccepted?: boolean;
}

export interface OrderLineItemProvisioningStatus {
  orderLineItemId?: number;
  lineItemNumber: number;
  status: string;
  quantityProvisioningInformation?: { quantity: number; status: string }[];
}

export interface Subscription extends Resource {
  id: string;
  entitlementId?: string;
  offerId?: string;
  offerName?: string;
  friendlyName?: string;
  quantity?: number;
  unitType?: string;
  parentSubscriptionId?: string;
  orderId?: string;
  creationDate?: string;
  effectiveStartDate?: string;
  commitmentEndDate?: string;
  cancellationAllowedUntilDate?: string;
  status?: string;
  autoRenewEnabled?: boolean;
  isTrial?: boolean;
  billingType?: string;
  billingCycle?: string;
  termDuration?: string;
  productType?: { id?: string; displayName?: string };
  scheduledNextTermInstructions?: unknown;
  nextChargeInstructions?: unknown;
  refundableQuantity?: unknown;
}

export interface SubscriptionProvisioningStatus extends Resource {
  skuId?: string;
  status: string;
  quantity?: number;
  endDate?: string;
}

/** PATCH may answer 200 with the subscription or 202 (accepted, still applying) with `Location`. */
export interface SubscriptionUpdateResult {
  status: number;
  subscription?: Subscription;
  location?: string;
}

export interface EntitledArtifact {
  artifactType?: string;
  link?: Link;
  resourceId?: string;
  dynamicAttributes?: Record<string, unknown>;
}

export interface Entitlement extends Resource {
  referenceOrder?: { id?: string; lineItemId?: string; alternateId?: string };
  productId?: string;
  skuId?: string;
  quantity?: number;
  quantityDetails?: { quantity: number; status: string }[];
  entitlementType?: string;
  fulfillmentState?: string;
  entitledArtifacts?: EntitledArtifact[];
  includedEntitlements?: Entitlement[];
  expiryDate?: string;
}

export interface CartLineItem {
  id?: number;
  catalogItemId: string;
  quantity: number;
  billingCycle: string;
  termDuration?: string;
  friendlyName?: string;
  currencyCode?: string;
  provisioningContext?: Record<string, string>;
  participants?: { key: string; value: string }[];
  renewsTo?: { termDuration: string } | null;
  customTermEndDate?: string;
  promotionId?: string;
  attestationAccepted?: boolean;
  orderGroup?: string;
  addonItems?: CartLineItem[];
  error?: { errorCode?: number | string; errorDescription?: string; additionalInformation?: Record<string, unknown> };
  pricing?: Pricing;
  [extra: string]: unknown;
}

export interface Cart extends Resource {
  id?: string;
  creationTimestamp?: string;
  lastModifiedTimestamp?: string;
  expirationTimestamp?: string;
  lastModifiedUser?: string;
  status?: string;
  lineItems: CartLineItem[];
  partnerOnRecordAttestationAccepted?: boolean;
}

export interface CartCheckoutResult {
  orders: Order[];
  orderErrors: { orderGroupId?: string; code?: number | string; description?: string }[];
}

export interface Agreement extends Resource {
  primaryContact?: { firstName?: string; lastName?: string; email?: string; phoneNumber?: string };
  templateId: string;
  dateAgreed: string;
  type: string;
  userId?: string;
  agreementLink?: string;
}

export interface AgreementMetadata extends Resource {
  templateId: string;
  agreementType: string;
  agreementLink?: string;
  versionRank?: number;
}

/** Legacy offer (GUID ids) from `/v1/offers`. */
export interface Offer extends Resource {
  id: string;
  name?: string;
  description?: string;
  minimumQuantity?: number;
  maximumQuantity?: number;
  category?: { id?: string; name?: string };
  isAddOn?: boolean;
  isAvailableForPurchase?: boolean;
  billing?: string;
  supportedBillingCycles?: string[];
}
