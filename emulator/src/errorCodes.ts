// The one home of the emulator's error answers: every condition it answers with an error, by
// name, with Partner Center's code, the HTTP status and what it means in our words. Throw sites
// name a condition (errors.ts, rules/failure.ts) and never write a code or a status themselves,
// so the codes can be checked against the docs in one place: test/unit/emulator/errorCodes.test.ts
// compares this table with test/fixtures/docs/error-codes.json (the docs' error-code table) and
// triggers every entry over HTTP.

export interface ErrorAnswer {
  /** Partner Center's code; null where the docs show the answer without one. */
  readonly code: number | null;
  readonly status: number;
  /** What the condition is, in our words. */
  readonly meaning: string;
  /** Why this status, written wherever the docs pair none, or another, with the code. */
  readonly statusWhy?: string;
  /** The docs page that shows a code-less answer (see the fixture's `answersWithoutCode`). */
  readonly shownOn?: string;
  /**
   * 'orderError': the code is reported in `orderErrors` of a checkout that answers 201 (the
   * docs' CartCheckoutResult), not as the answer's own error body.
   */
  readonly carrier?: 'orderError';
}

/**
 * Why a status the docs list without a code answers with a generic one: `status` is the status and
 * its phrase as the docs list it, `chosen` names the code and why it fits.
 */
function genericCode(status: string, chosen: string): string {
  return `The docs list ${status} among the statuses the API answers and pair no code with it; they also say every ${status[0]}xx answer carries an error body whose code is never null. ${chosen}`;
}

// A table, one condition a row, so it reads and diffs as one: Prettier would break each long row apart.
// prettier-ignore
export const ERRORS = {
  // Tokens and access
  missingToken: { code: 800001, status: 401, meaning: 'The call carries no bearer token.' },
  accessDenied: { code: 400, status: 401, meaning: 'The bearer token is not one this emulator accepts: not the pinned token, not for Partner Center, or (with a trusted issuer) forged or out of date.' },
  mfaRequired: {
    code: null, status: 401, meaning: 'An App+User token whose sign-in did not include multi-factor authentication.',
    shownOn: 'partner-security-requirements-mandating-mfa.md',
  },
  appOnlyNotSupported: { code: 900329, status: 403, meaning: 'An App-only token called an API that works only with App+User tokens.' },
  rateLimited: { code: null, status: 429, meaning: 'The tenant sent more calls this minute than the limit allows.', shownOn: 'developer/api-throttling-guidance.md' },

  // Any call
  notFound: { code: 1000, status: 404, meaning: 'No such customer, route, legacy offer or reservation artifact.' },
  invalidInput: { code: 800002, status: 400, meaning: 'The request is malformed or breaks an input rule that has no code of its own.' },
  methodNotAllowed: {
    code: 800002, status: 405, meaning: 'The path exists, but not for this HTTP method.',
    statusWhy: genericCode('405 "Method not allowed"', '800002 "Invalid request input" is the generic code for a request the service will not take.'),
  },
  enumNotParsed: { code: 900126, status: 400, meaning: 'A value of an enum (billing cycle, term, status, participant key...) is not one of its values.' },
  unexpectedError: { code: 800003, status: 500, meaning: 'The emulator failed unexpectedly, could not load a trusted issuer\'s keys, or the status-500 fault fired on a write other than an order create.' },
  serviceUnavailable: {
    code: 800003, status: 503, meaning: 'The status-503 fault: the service is unavailable for a moment (with Retry-After).',
    statusWhy: genericCode('503 "Service unavailable"', '800003 "Unexpected service error" is the generic service-side code.'),
  },
  itemUnavailable: { code: 400072, status: 200, meaning: 'The status-200-error fault: a write answered 200 with a business error, nothing made.' },
  createOrderFailed: { code: 800005, status: 500, meaning: 'The status-500 fault on an order create: the order may or may not have been made.' },

  // Customers and agreements
  registrationNumberMissing: { code: 600049, status: 400, meaning: 'A new customer in a country that requires an organization registration number has none.' },
  phoneNumberMissing: { code: 600051, status: 400, meaning: 'A new customer in a country that requires a phone number has none.' },
  agreementAlreadyConfirmed: {
    code: 600061, status: 409, meaning: 'The partner already confirmed this agreement for the customer with the same contact (first and last name, email and phone).',
    statusWhy: 'The docs show the body of 600061 but no status. It says the confirmation "already exists", which is what 409 "Conflict" (on the docs\' list of statuses) means.',
  },
  mcaRequired: { code: 13605, status: 403, meaning: 'A purchase for a customer whose acceptance of the Microsoft Customer Agreement was never confirmed.' },

  // Orders and carts
  orderNotFound: { code: 20000, status: 404, meaning: 'No order with this id for the customer.' },
  invalidOfferId: { code: 800004, status: 400, meaning: 'An order line names neither a catalog item nor a known legacy offer.' },
  legacyOfferNotEligible: { code: 800020, status: 403, meaning: 'An order line names a legacy offer flagged DEPR, which can no longer be bought.' },
  cartNotFound: { code: 800008, status: 404, meaning: 'No cart with this id for the customer, or it expired (7 days after creation).' },
  cartLineErrors: { code: 800009, status: 400, meaning: 'A checkout of a cart whose lines carry errors.' },
  inventoryNotAvailable: { code: 800010, status: 400, meaning: 'The checkout-order-errors fault: an order group of the cart could not be placed.', carrier: 'orderError' },
  cartAlreadySubmitted: { code: 800065, status: 400, meaning: 'A PUT changes a cart that was checked out. (A repeated checkout answers the first one\'s result instead.)' },
  lineNumbering: { code: 800071, status: 400, meaning: 'Line numbers (order lineItemNumber, cart line id) do not run 0..n-1 without repeats.' },
  attestationRequired: { code: 900203, status: 400, meaning: 'An order line for a SKU that requires attestation lacks attestationAccepted: true.' },
  partnerAttestationMissing: { code: 900206, status: 400, meaning: 'An order, or a cart at checkout, with a line that requires attestation lacks partnerOnRecordAttestationAccepted: true.' },
  renewalTermInvalid: { code: 800121, status: 400, meaning: 'A line\'s renewsTo names a term other than P1M or P1Y.' },
  customTermEndDateNotAllowed: { code: 900242, status: 400, meaning: 'An order line\'s customTermEndDate is not a date GET customTermEndDates lists for its term: not the calendar-month end, nor the end of an active new-commerce subscription, within the first term.' },
  addOnNotRelated: { code: 800029, status: 400, meaning: 'A legacy add-on is bought for a base whose offer is not among the add-on\'s prerequisite offers.' },
  parentSubscriptionNotActive: { code: 800012, status: 400, meaning: 'The subscription a legacy add-on is bought for, or whose billing cycle an order PATCH changes, is not active.' },
  orderPatchNotSupported: { code: 800042, status: 400, meaning: 'An order PATCH buys an add-on or changes the billing cycle of an order that is not a legacy one.' },
  orderAlreadyCancelled: { code: 800061, status: 400, meaning: 'An order PATCH cancels an order that is already cancelled.' },
  orderCancelThroughSubscription: { code: 800063, status: 400, meaning: 'An order PATCH cancels new-commerce or legacy license lines, which are cancelled through their subscriptions.' },
  cancelNotAllowedOutsideSandbox: { code: 800019, status: 403, meaning: 'An order PATCH cancels a reservation, which only an integration sandbox may (the emulator answers as a production account).' },
  savingsPlanNotManagedHere: { code: 900321, status: 403, meaning: 'An order PATCH cancels an Azure savings plan.' },
  saasCancelThroughSubscription: { code: 800077, status: 403, meaning: 'An order PATCH cancels a marketplace SaaS line.' },
  softwareCancelWindowPassed: { code: 900117, status: 400, meaning: 'An order PATCH cancels software after its window: 7 days for a software subscription, 30 for perpetual software.' },
  termNotOffered: { code: 800121, status: 400, meaning: 'A line asks for a term its item does not offer, or any term on an item without terms.' },
  billingCycleInvalid: { code: 900269, status: 400, meaning: 'A line or a transition asks for a billing cycle its item (or its term) does not offer, or an order PATCH changes a legacy order to a cycle other than monthly or annual.' },
  billingCycleLongerThanTerm: { code: 900270, status: 400, meaning: 'The billing cycle is longer than the term (a line, a transition, or a subscription PATCH).' },
  quantityOutOfRange: { code: 900275, status: 400, meaning: 'An order line\'s quantity is below the SKU minimum or above its maximum.' },
  reservationScopeUnsupported: { code: 900312, status: 400, meaning: 'A reservation\'s or savings plan\'s provisioning context has a scope other than shared or single.' },
  entitlementIdRequired: { code: 900313, status: 400, meaning: 'A single-scope savings plan has no entitlementId (the Azure subscription) in its provisioning context.' },
  azurePlanIdRequired: { code: 900317, status: 400, meaning: 'A reservation has no subscriptionId in its provisioning context, or a shared-scope savings plan no subscriptionId (the Azure plan).' },

  // Catalog and legacy offers
  productNotFound: { code: 400013, status: 404, meaning: 'No product with this id.' },
  skuNotFound: { code: 400018, status: 404, meaning: 'No SKU with this id in the product.' },
  availabilityNotFound: { code: 400019, status: 404, meaning: 'No availability with this id, whether read directly or named in a cart line\'s catalog item id.' },
  targetSegmentNotAllowed: { code: 400030, status: 403, meaning: 'A catalog list asks for a targetSegment that does not exist.' },
  targetViewNotAllowed: { code: 400036, status: 403, meaning: 'The product list asks for a targetView that does not exist.' },
  offersApiNewCommerceItem: { code: 2100, status: 400, meaning: 'The legacy Offers API is asked about a new-commerce product, SKU or catalog item.' },

  // Subscriptions
  subscriptionNotFound: { code: 20003, status: 404, meaning: 'No subscription with this id for the customer.' },
  etagStale: { code: 2055, status: 400, meaning: 'A PATCH carries an If-Match etag the subscription no longer has.' },
  quantityChangeWhileSuspending: { code: 2001, status: 400, meaning: 'A PATCH suspends a subscription and changes its quantity at once.' },
  subscriptionQuantityOutOfRange: { code: 2002, status: 400, meaning: 'A PATCH sets a quantity outside the SKU\'s minimum and maximum.' },
  seatDecreaseWindowPassed: { code: 800090, status: 400, meaning: 'A PATCH removes more seats than are still within their 7-day window, or any seat of a software subscription (which allows no reductions).' },
  subscriptionSuspended: { code: 800091, status: 400, meaning: 'A PATCH changes a suspended subscription other than by reactivating or cancelling it, or a transition starts from a suspended one.' },
  autoRenewNotEligible: { code: 800093, status: 400, meaning: 'A PATCH turns auto-renew on for a trial.' },
  subscriptionDeleted: { code: 2011, status: 400, meaning: 'A PATCH changes, or a transition starts from, a cancelled (status "deleted") subscription.' },
  subscriptionExpired: { code: 900279, status: 400, meaning: 'A PATCH changes, or a transition starts from, an expired subscription.' },
  statusNotSettable: { code: 800096, status: 400, meaning: 'A PATCH sets status "expired", which only the service sets, at the end of a term.' },
  billingCycleChangeNotAllowed: { code: 800097, status: 400, meaning: 'A PATCH changes the billing cycle in a way not allowed mid-term (only monthly <-> annual on a P3Y term is).' },
  cancellationWindowPassed: { code: 900213, status: 400, meaning: 'A PATCH cancels (status "deleted") a subscription 7 days or more after its purchase or renewal.' },

  // Transitions (upgrades): POST …/subscriptions/{id}/transitions
  transitionTargetNotActive: { code: 900258, status: 400, meaning: 'A transition names an existing target subscription (toSubscriptionId) that is not active.' },
  transitionTargetIsSource: { code: 900259, status: 400, meaning: 'A transition names the source subscription as its own target.' },
  transitionTargetEndsEarlier: { code: 900236, status: 400, meaning: 'A transition\'s existing target subscription ends before the source subscription does.' },
  transitionTargetItemMismatch: { code: 900260, status: 400, meaning: 'A transition\'s existing target subscription is not of the product and SKU of toCatalogItemId.' },
  transitionTargetNotReady: { code: 900261, status: 400, meaning: 'A transition\'s existing target subscription is still within its 7-day cancellation window.' },
  transitionTermShorter: { code: 900267, status: 400, meaning: 'A transition asks for, or moves seats into a subscription with, a term shorter than the source subscription\'s.' },
  transitionTermInvalid: { code: 900268, status: 400, meaning: 'A transition asks for a term its target catalog item does not offer.' },
  operationPending: { code: 900278, status: 409, meaning: 'A transition of a subscription that another transition is still changing (as its source or its target).' },
} as const satisfies Record<string, ErrorAnswer>;

export type ErrorName = keyof typeof ERRORS;

export interface CartLineError {
  /** The CartErrorCode on the line (`error.errorCode`); the cart itself answers 201. */
  readonly code: number;
  readonly meaning: string;
}

/** Errors a cart keeps on its line, so the cart is created and the checkout later refused (800009). */
// prettier-ignore
export const CART_LINE_ERRORS = {
  attestationNotAccepted: { code: 10012, meaning: 'The line\'s SKU requires attestation and the line lacks attestationAccepted: true.' },
  billingPlanNotSupported: { code: 10013, meaning: 'The line\'s term and billing cycle are not a plan its item offers.' },
  seatsAboveMaximum: { code: 10015, meaning: 'The line asks for more seats than the SKU allows.' },
  seatsBelowMinimum: { code: 10010, meaning: 'The line asks for fewer seats than the SKU\'s minimum (the generic InvalidInput: no cart code of its own).' },
  legacyOffer: { code: 500600, meaning: 'The line names a legacy offer flagged DEPR, which can no longer be bought.' },
  customTermEndDateProduct: { code: 10016, meaning: 'The line has a customTermEndDate, but its item is not a new-commerce license (or is a trial).' },
  customTermEndDateInvalid: { code: 10017, meaning: 'The line\'s customTermEndDate is not one GET customTermEndDates lists for its term.' },
} as const satisfies Record<string, CartLineError>;

export type CartLineErrorName = keyof typeof CART_LINE_ERRORS;

export interface TransitionErrorAnswer {
  /** The number the service puts in `errors[].code` of an eligibility (an SDK enum member's value). */
  readonly code: number;
  /** The description it comes with. */
  readonly description: string;
}

/**
 * Why a transition type is not eligible (`eligibilities[].errors` of GET transitionEligibilities),
 * or why a transition failed (`events[].errors`).
 * Codes are the SDK's TransitionErrorCode (Models/Subscriptions/TransitionErrorCode.cs); the
 * descriptions are the "Eligibility errors" of transition-a-new-commerce-subscription.md.
 */
// prettier-ignore
export const TRANSITION_ERRORS = {
  sourceNotActive: { code: 2, description: "Subscription can't be Transitioned - source subscription isn't active." },
  transitionInProgress: { code: 4, description: 'Subscription cannot be transitioned because another transition of it is in progress.' },
  /** On a Failed event: the seats were removed or the subscription changed while the transition waited (code 0 "Other"). */
  seatsGone: { code: 0, description: 'The source subscription no longer has the seats the transition moves.' },
} as const satisfies Record<string, TransitionErrorAnswer>;

/**
 * Why an existing subscription cannot be the target: `subscriptionEligibilities[].errors`. Codes and
 * descriptions from transition-a-new-commerce-subscription.md, "Subscription eligibility errors"
 * (the page writes the 4th description in its code column; the sentence is used as written there).
 */
// prettier-ignore
export const TARGET_SUBSCRIPTION_ERRORS = {
  notActive: { code: 1, description: 'Subscription is not active.' },
  inCancellationWindow: { code: 2, description: 'Subscription is within cancellation window.' },
  termShorter: { code: 3, description: "Subscription term duration is shorter than the source subscription's term duration." },
  endsEarlier: { code: 4, description: "Subscription term end date is before the source subscription's term end date." },
} as const satisfies Record<string, TransitionErrorAnswer>;
