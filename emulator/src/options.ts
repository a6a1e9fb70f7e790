// The emulator's public types. Other parts of the project (tests, the demo, the CLI) program
// against these, so they change only by adding optional members.

/** Faults a test can switch on to see how a client copes with an unreliable service. */
export interface EmulatorFaults {
  /** Probability (0..1) that a /v1 request is processed fully (an order IS created) and then the
   * socket is destroyed before any response byte is sent. */
  resetAfterCommit?: number;
  /** Probability (0..1) that the socket is destroyed before the request is processed. */
  resetBeforeCommit?: number;
  /** Probability (0..1) that a /v1 request is answered 503 before anything else happens. */
  status503?: number;
  /** Probability (0..1) that a POST, PUT or PATCH is answered 500 before it is processed: 800005
   * "Create order not successful" for an order create, 800003 otherwise. */
  status500?: number;
  /** Probability (0..1) that a POST, PUT or PATCH is processed fully (an order IS created, and its
   * answer kept for idempotent replay) and then answered 500 as above instead. */
  status500AfterCommit?: number;
  /** Probability (0..1) that a POST, PUT or PATCH is answered 200 with the business error 400072
   * "This item isn't available" before it is processed. */
  status200Error?: number;
  /** Probability (0..1), drawn per order group of a cart checkout, that the group is not placed
   * and is listed in `orderErrors` (800010, inventory not available) instead. */
  checkoutOrderErrors?: number;
  /** Probability (0..1) that a subscription PATCH is processed fully and answered 202 Accepted with
   * a `Location` header (and the subscription as changed), as the service answers "when the patch
   * operation takes longer than the expected time" (update-a-subscription-by-id.md). */
  slowPatch?: number;
  /** Delay in milliseconds added before every /v1 response. */
  latencyMs?: number;
  /** The probability faults fire at most this many times in all, counted from when the faults
   * were set; then none fires (latency still applies). Unset: no limit. */
  limit?: number;
}

export interface EmulatorOptions {
  /** 0 picks a free port. Default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Seeds the data set and every random draw. Default 1. */
  seed?: number;
  /** Requests per minute per tenant (customer in the path, else the partner). Default 500. */
  rateLimitPerMinute?: number;
  /** How long a new order stays `pending` before it completes and its subscriptions and
   * entitlements exist. Default 3000. */
  provisioningDelayMs?: number;
  /** Start every JSON response body with a UTF-8 byte order mark, as the real service may. */
  bom?: boolean;
  faults?: EmulatorFaults;
  /** When set, only `Authorization: Bearer <this value>` is accepted. */
  requireToken?: string;
  /** When set, bearer tokens must be JWTs from this issuer: signature (its JWKS), audience and
   * expiry are checked, and App+User tokens need MFA (without it: 401, as the docs' MFA page shows). Replaces the accept-anything rule. */
  trustIssuer?: string;
  /** Extra CA certificates (PEM) for reaching `trustIssuer` over HTTPS; tests make their own CA. */
  trustIssuerCa?: string;
  /** How many /v1 requests `requests` (and GET /_emulator/requests) keeps; older ones are dropped
   * first. Default 10,000. */
  maxRecordedRequests?: number;
  /** How many MS-RequestId answers are kept for idempotent replay; the oldest are forgotten first,
   * and a retry of a forgotten one is processed as a new request. Default 10,000. */
  maxIdempotencyKeys?: number;
  /** Source of "now" in epoch milliseconds. Default Date.now. Tests pass a movable clock to
   * cross the 7-day seat-decrease window or to make dates reproducible. */
  clock?: () => number;
}

/** One request the emulator received on /v1 (admin calls are not recorded). */
export interface RecordedRequest {
  method: string;
  /** Path with query string, exactly as received (e.g. `/v1/customers?size=40`). */
  path: string;
  /** The `MS-RequestId` header as the client sent it; undefined when absent. */
  requestId?: string;
  /** The `MS-CorrelationId` header as the client sent it; undefined when absent. */
  correlationId?: string;
  /** HTTP status answered (or computed but never delivered, for reset-after-commit); 0 when
   * the connection was reset before processing. */
  status: number;
  /** ISO 8601 time the request arrived. */
  time: string;
  /** The fault injected into this request, if any. */
  fault?:
    | 'status-503'
    | 'reset-before-commit'
    | 'reset-after-commit'
    | 'status-500'
    | 'status-500-after-commit'
    | 'status-200-error'
    | 'checkout-order-errors'
    | 'slow-patch';
  /** True when the answer was replayed from the idempotency store (same MS-RequestId). */
  replayed?: boolean;
}

/** Ids in the seeded data that tests and the demo commonly need. All depend only on the seed. */
export interface EmulatorFixtures {
  partnerTenantId: string;
  /** A customer with an MCA confirmation, orders, active subscriptions and entitlements. */
  customerId: string;
  /** Customers without a Microsoft Customer Agreement confirmation (purchases give 13605). */
  customersWithoutMca: string[];
  /** Subscriptions by situation, each with its customer. */
  subscriptions: {
    /** Bought in the last few days: seats can still be decreased. */
    recent: SubscriptionRef;
    /** Past its 7-day window: decreasing seats gives 800090. */
    old: SubscriptionRef;
    suspended: SubscriptionRef;
    expired: SubscriptionRef;
    /** A software subscription (three-year Remote Desktop Services CAL, billed triennially,
     * auto-renewing), as manage-billing-frequency-software-subs.md shows one. */
    software: SubscriptionRef;
  };
  /** catalogItemIds (PRODUCT:SKU:AVAILABILITY) and a legacy offer id. */
  catalog: {
    /** New-commerce license SKU, min 1 max 300, terms P1M monthly, P1Y monthly/annual. */
    license: string;
    /** New-commerce SKU with P3Y terms (monthly, annual, triennial). */
    threeYear: string;
    /** SKU with attestationProperties.enforceAttestation = true. */
    attestation: string;
    /** Trial SKU: billing cycle "none", term P1M. */
    trial: string;
    /** SKU with minimumQuantity 5. */
    minimumFive: string;
    /** Azure reservation SKU (one_time, provisioningContext scope/subscriptionId/duration 1Year). */
    reservation: string;
    /** Software SKU (one_time, perpetual). */
    software: string;
    /** Legacy offer GUID (not purchasable). */
    legacyOffer: string;
  };
}

export interface SubscriptionRef {
  customerId: string;
  subscriptionId: string;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: no trailing slash and no `/v1`. */
  url: string;
  port: number;
  /** The last `maxRecordedRequests` /v1 requests received, in arrival order. Live: reset empties
   * this same array, and the oldest entries are removed from it when it is full. */
  requests: RecordedRequest[];
  fixtures: EmulatorFixtures;
  /** Replaces the current faults (undefined switches them all off). */
  setFaults(f: EmulatorOptions['faults']): void;
  close(): Promise<void>;
}
