// The emulator's state, as records. Routes turn records into wire shapes (wire/*.ts), so the
// records keep what the rules need (times in epoch ms, resolved catalog items), not JSON.

import { type BillingCycle, type CatalogItem, type TermDuration } from './catalog';

export const DAY_MS = 86_400_000;
/** NCE seats can be removed and subscriptions cancelled for 7 days after purchase or renewal. */
export const REFUND_WINDOW_MS = 7 * DAY_MS;

export interface CustomerRecord {
  id: string;
  commerceId: string;
  billingProfileId: string;
  companyName: string;
  domain: string;
  firstName: string;
  lastName: string;
  email: string;
  culture: string;
  language: string;
  address: { country: string; city: string; state: string; postalCode: string; addressLine1: string; phoneNumber?: string };
  organizationRegistrationNumber?: string;
  relationshipToPartner: 'reseller';
  /** The indirect reseller an indirect provider created this customer for (create-a-customer-for-an-indirect-reseller.md). */
  associatedPartnerId?: string;
  createdAt: number;
  version: number;
}

export interface OrderLineRecord {
  lineItemNumber: number;
  offerId: string;
  item: CatalogItem;
  quantity: number;
  termDuration?: TermDuration;
  friendlyName: string;
  subscriptionId?: string;
  partnerIdOnRecord?: string;
  additionalPartnerIdsOnRecord?: string[];
  provisioningContext?: Record<string, string>;
  attestationAccepted?: boolean;
  promotionId?: string;
  customTermEndDate?: string;
  renewsTo?: unknown;
  /** Savings plans: {amount, currency, grain} as sent (order-resources.md PurchaseCommitment). */
  purchaseCommitment?: Record<string, unknown>;
  /** An add-on bought for this subscription (legacy: PATCH order, or a cart line's ParentSubscriptionId). */
  parentSubscriptionId?: string;
  /** Cancelled by an order PATCH: its quantity is 0 and its provisioning status "unfulfilled". */
  cancelled?: boolean;
  /** The quantity the line had when it was cancelled (its provisioning status still counts it). */
  cancelledQuantity?: number;
}

export type OrderStatus = 'pending' | 'completed' | 'cancelled';

export interface OrderRecord {
  id: string;
  customerId: string;
  billingCycle: BillingCycle;
  country: string;
  status: OrderStatus;
  createdAt: number;
  /** Orders created through the API complete at this time; seeded pending orders never do. */
  provisionAt?: number;
  lines: OrderLineRecord[];
  partnerOnRecordAttestationAccepted?: boolean;
  /** Changes with every PATCH, for the order's etag. */
  version: number;
}

export type SubscriptionStatus = 'active' | 'suspended' | 'deleted' | 'expired';

/** What changes when the next term starts (subscription-resources.md, scheduledNextTermInstructions). */
export interface ScheduledNextTermInstructions {
  product: {
    productId: string;
    skuId: string;
    availabilityId: string;
    billingCycle: BillingCycle;
    termDuration: TermDuration;
    promotionId?: string;
  };
  quantity: number;
  customTermEndDate?: string;
}

export interface SubscriptionRecord {
  id: string;
  customerId: string;
  orderId: string;
  entitlementId: string;
  item: CatalogItem;
  friendlyName: string;
  quantity: number;
  createdAt: number;
  /** Start of the current term (the purchase, or the last renewal). */
  termStart: number;
  termDuration: TermDuration;
  billingCycle: BillingCycle;
  status: SubscriptionStatus;
  autoRenewEnabled: boolean;
  /** Seats that may still be removed, and until when (purchase, renewal or each increase). */
  refundable: Array<{ quantity: number; until: number }>;
  partnerIdOnRecord?: string;
  /** Add-on subscriptions: the base subscription they were bought for. */
  parentSubscriptionId?: string;
  scheduledNextTermInstructions?: ScheduledNextTermInstructions;
  version: number;
}

export interface ArtifactRecord {
  customerId: string;
  groupId: string;
  lineItemId: string;
  resourceId: string;
  reservationType: 'virtualmachines';
  quantity: number;
  scopeType: 'Shared' | 'Single';
  effective: number;
  expiry: number;
}

export interface EntitlementRecord {
  customerId: string;
  orderId: string;
  lineItemNumber: number;
  productId: string;
  skuId: string;
  quantity: number;
  type: 'software' | 'reservedinstance';
  createdAt: number;
  /** Absent for perpetual software. */
  expiry?: number;
  artifacts: ArtifactRecord[];
}

export interface CartLineError {
  errorCode: number;
  errorDescription: string;
}

export interface CartLineRecord {
  id: number;
  catalogItemId: string;
  /** Undefined for a legacy offer id (which gets a line error). */
  item?: CatalogItem;
  quantity: number;
  billingCycle: BillingCycle;
  termDuration?: TermDuration;
  friendlyName?: string;
  provisioningContext: Record<string, string>;
  participants?: Array<{ key: string; value: string }>;
  renewsTo?: unknown;
  customTermEndDate?: string;
  promotionId?: string;
  attestationAccepted?: boolean;
  purchaseCommitment?: Record<string, unknown>;
  /** Legacy add-ons bought with this (legacy) base line (create-a-cart-with-add-ons.md). */
  addonItems?: CartLineRecord[];
  orderGroup: string;
  error?: CartLineError;
}

export interface CartRecord {
  id: string;
  customerId: string;
  createdAt: number;
  modifiedAt: number;
  expiresAt: number;
  lastModifiedUser: string;
  status: 'Active' | 'Ordered';
  lines: CartLineRecord[];
  partnerOnRecordAttestationAccepted?: boolean;
  /** The body the checkout that ordered the cart answered; a later checkout answers it again. */
  checkoutResult?: unknown;
}

export interface AgreementRecord {
  customerId: string;
  templateId: string;
  type: string;
  dateAgreed: string;
  primaryContact: { firstName: string; lastName: string; email: string; phoneNumber?: string };
  userId: string;
}

export type TransitionType = 'transition_only' | 'transition_with_license_transfer';

/** transition-resources.md TransitionEvent: `Conversion` or `LicenseReassignment`, `Started`, `Completed` or `Failed`. */
export interface TransitionEventRecord {
  name: 'Conversion' | 'LicenseReassignment';
  status: 'Started' | 'Completed' | 'Failed';
  timestamp: number;
  /** Why a Failed event failed (transition-resources.md TransitionError). */
  error?: { code: number; description: string };
}

/**
 * An immediate transition (upgrade) of a subscription (transition-a-new-commerce-subscription.md):
 * posted with a first `Conversion Started` event, carried out `completeAt` (the provisioning
 * delay, like an order), when it moves the seats and gets its `Completed` events.
 */
export interface TransitionRecord {
  operationId: string;
  customerId: string;
  fromSubscriptionId: string;
  fromItem: CatalogItem;
  toItem: CatalogItem;
  /** The existing target, as posted; for a partial transition, the new subscription once made. */
  toSubscriptionId?: string;
  /** True when the transition names an existing target subscription. */
  intoExisting: boolean;
  quantity: number;
  termDuration: TermDuration;
  billingCycle: BillingCycle;
  transitionType: TransitionType;
  promotionId?: string;
  completeAt: number;
  /** Set when it completed or failed; until then it blocks other transitions of both subscriptions. */
  completedAt?: number;
  events: TransitionEventRecord[];
}
