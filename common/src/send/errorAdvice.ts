// What a Partner Center error code means and what to do about it, for the response document and
// the CLI. Meanings follow the docs' error table (error-codes.md), the pages that document their
// own codes, and the cart line codes (cart-resources.md, CartErrorCode); the advice is ours.
// Unknown codes fall back to advice by HTTP status.

export interface ErrorAdvice {
  code?: string | number;
  meaning: string;
  whatToDo: string;
}

const BY_CODE: Record<string, [string, string]> = {
  '400': ['Access denied.', 'Sign in again with an account that can use Partner Center.'],
  '1000': ['Not found.', 'Check the ids in the path; the customer or resource may not exist in this environment.'],
  '2001': [
    'The quantity cannot change while the subscription is being suspended.',
    'Send the status change and the quantity change separately.',
  ],
  '2002': ['The seat count is outside what the SKU allows.', "Use a quantity between the SKU's minimum and maximum."],
  '2011': ['The subscription is cancelled (status "deleted") and cannot be updated.', 'Buy a new subscription instead.'],
  '2055': [
    'The subscription changed since it was read (stale etag).',
    'Run the request again: the current subscription is read afresh.',
  ],
  '2100': ['The Offers API does not take new-commerce items.', 'Use the Products, SKUs and availabilities APIs for this item.'],
  '13605': [
    'The customer has not accepted the Microsoft Customer Agreement.',
    "Record the customer's acceptance (POST /v1/customers/{id}/agreements), then buy.",
  ],
  '20000': ['Order not found.', 'Check the order id and the customer.'],
  '20003': ['Subscription not found.', 'Check the subscription id and the customer.'],
  '400072': [
    'This item is not available (a business error Partner Center answers with 200).',
    "Nothing was bought. Check the item's availability for this customer and market.",
  ],
  '400013': ['Product not found.', 'Check the product id and the country.'],
  '400018': ['SKU not found.', "Check the SKU id; list the product's SKUs to find it."],
  '400019': [
    'The availability was not found; availability ids change over time.',
    'Look the catalog item up again and use its current id.',
  ],
  '400030': [
    'This targetSegment is not allowed.',
    'Leave targetSegment out, or use one the catalog offers (commercial, education, government, nonprofit).',
  ],
  '400036': ['This targetView is not allowed.', 'Use a documented targetView such as OnlineServices, Azure or Software.'],
  '600049': [
    "The organization registration number is missing; the customer's country requires it.",
    'Add companyProfile.organizationRegistrationNumber.',
  ],
  '600051': [
    "The customer's phone number is missing; the customer's country requires it.",
    'Add billingProfile.defaultAddress.phoneNumber.',
  ],
  '600061': [
    "The customer's acceptance of this agreement was already confirmed with this contact.",
    "Nothing to do; to confirm again, the contact's name, email or phone must differ.",
  ],
  '800001': ['The request carried no partner token.', 'Sign in again.'],
  '800002': [
    'Invalid request input.',
    "Fix the fields the description names; the editor's problems list shows most of them before sending.",
  ],
  '800003': [
    'Unexpected service error.',
    'The change may still have been made: it stays journaled and Partner Center is asked before it is sent again.',
  ],
  '800004': ['Invalid offer or catalog item id.', 'Use a catalog item id PRODUCT:SKU:AVAILABILITY from the catalog.'],
  '800005': [
    'Creating the order did not succeed (a 500).',
    'The order may still have been created: it stays journaled and Partner Center is asked before it is sent again.',
  ],
  '800008': ['The cart was not found or has expired (carts last seven days).', 'Create the cart again.'],
  '800009': [
    'One or more cart lines have errors.',
    'Fix the lines named in the cart preview, create a new cart, then check out.',
  ],
  '800010': [
    'Inventory is not available for an item of this order group.',
    "Check the item's availability for this customer and market, then buy it again.",
  ],
  '800012': [
    'The subscription is not active (the base an add-on is bought for, or one whose billing cycle is changed).',
    'Reactivate it first, or pick an active subscription.',
  ],
  '800019': [
    'Only an integration sandbox may cancel this purchase by order (reservations, for example); production accounts cancel software only.',
    'Manage the reservation in the Azure portal, or cancel in the integration sandbox.',
  ],
  '800020': [
    'The item is not eligible for purchase (a legacy offer Microsoft deprecated, for example).',
    'Use the new-commerce catalog item (PRODUCT:SKU:AVAILABILITY) instead.',
  ],
  '800029': [
    "The add-on is not related to the parent subscription: the parent's offer is not among the add-on's prerequisite offers.",
    "List the base offer's add-ons (GET /v1/offers/{id}/addons) and buy one of those.",
  ],
  '800042': [
    'Not supported: add-ons by order and billing-cycle changes by order are for legacy orders only.',
    'Buy a new-commerce add-on as a line of its own; change a new-commerce billing cycle with a PATCH of the subscription.',
  ],
  '800060': [
    'An order with this request is still in progress.',
    "Wait a few minutes and check the customer's orders before sending again.",
  ],
  '800061': ['The order cannot be cancelled (it already is).', 'Nothing to do: read the order to see its lines.'],
  '800063': [
    'This order cannot be cancelled by order: its subscriptions are cancelled one by one.',
    'PATCH each subscription (status "deleted") within its cancellation window.',
  ],
  '800064': ['The cart is being processed by another request.', 'Wait, then read the cart to see whether it was checked out.'],
  '800065': [
    'The cart was already submitted: it was checked out and can no longer change.',
    "Nothing more was bought: its orders are in the customer's order list. Create a new cart for another purchase.",
  ],
  '800077': ['A marketplace SaaS purchase is not cancelled by order.', 'PATCH the SaaS subscription instead.'],
  '800071': ['Line numbers must run 0, 1, 2, … without gaps or repeats.', 'Renumber the lines.'],
  '800090': [
    'The quantity cannot be decreased: the 7-day window has passed.',
    'Decrease seats at renewal, through scheduled changes.',
  ],
  '800091': ['The subscription is suspended.', 'Reactivate it (status "active") before changing anything else.'],
  '800093': [
    'The subscription is not eligible to renew automatically (a trial, for example).',
    'Leave autoRenewEnabled off for it.',
  ],
  '800095': [
    'The seat quantity of this subscription cannot be updated.',
    'Check that the subscription is active and its offer allows seat changes.',
  ],
  '800096': [
    'The status of this subscription cannot be updated (no update sets "expired": the service does, at term end).',
    'Use "suspended", "active" or "deleted" as the change allows.',
  ],
  '800097': [
    'The billing cycle of this subscription cannot be updated this way mid-term.',
    'Change it at renewal, through scheduled next-term instructions.',
  ],
  '800121': [
    'The term duration is not valid: not a term the item offers, or (in renewsTo) not P1M or P1Y.',
    'Pick a term the availability lists, or none for an item without terms; renew to P1M or P1Y.',
  ],
  '900117': [
    'The cancellation window has passed (7 days for software subscriptions, 30 for perpetual software).',
    'The purchase can no longer be cancelled; contact support if it was made in error.',
  ],
  '900126': ['A value could not be parsed (an enum such as billingCycle).', 'Use one of the values the editor completes.'],
  '900203': ['The SKU requires attestation acceptance.', 'Set "attestationAccepted": true on the line.'],
  '900206': ['The partner-of-record attestation is missing.', 'Set "partnerOnRecordAttestationAccepted": true on the document.'],
  '900213': ['The cancellation window has passed.', 'Turn off auto-renew instead so the subscription ends with its term.'],
  '900267': [
    "A transition's target cannot have a shorter term than the subscription it comes from.",
    'Pick a target term at least as long as the current one.',
  ],
  '900269': [
    'The billing cycle is not valid for this item (or for this term).',
    'Pick a term and billing cycle pair the availability lists.',
  ],
  '900270': ['The billing cycle is longer than the term.', 'Use a billing cycle no longer than the term.'],
  '900275': ['The quantity is outside the allowed range for the line.', "Use a quantity between the SKU's minimum and maximum."],
  '900279': ['The subscription no longer accepts updates (it expired).', 'Buy a new subscription instead.'],
  '900312': ['The reservation scope is not supported.', 'Use "shared" or "single".'],
  '900242': [
    'The custom term end date is neither the end of a calendar month nor the end date of an active new-commerce subscription, within the first term.',
    'Use a date GET /v1/customers/{id}/subscriptions/customTermEndDates lists for the term.',
  ],
  '900313': [
    'A single-scope purchase (an Azure savings plan) needs entitlementId.',
    'Add the Azure subscription as provisioningContext.entitlementId.',
  ],
  '900317': ['The provisioning context needs subscriptionId.', 'Add the Azure plan or subscription id.'],
  '900321': ['Azure savings plans are not managed in Partner Center.', 'Manage the savings plan in the Azure portal.'],
  '900329': ['This API does not accept app-only tokens.', 'Sign in as a user (App+User).'],
  // Cart line codes (a line's error.errorCode).
  '10010': [
    "The cart line has an input that is not valid (for example fewer seats than the SKU's minimum).",
    'Fix the line as its description says.',
  ],
  '10012': ["The cart line's SKU requires attestation, which was not accepted.", 'Set "attestationAccepted": true on the line.'],
  '10013': [
    "The cart line's billing plan (term and billing cycle) is not supported for the item.",
    'Pick a term and billing cycle pair the availability lists.',
  ],
  '10015': ['The cart line asks for more seats than the limit.', "Use at most the SKU's maximum quantity."],
  '10016': [
    'The cart line has a custom term end date, but its item is not a new-commerce license subscription (or is a trial).',
    'Remove customTermEndDate from the line.',
  ],
  '10017': [
    "The cart line's custom term end date is not one the customer may use for this term.",
    'Use a date GET /v1/customers/{id}/subscriptions/customTermEndDates lists for the term.',
  ],
  '500600': [
    'The cart line names a legacy offer that is no longer eligible for purchase.',
    'Use the new-commerce catalog item (PRODUCT:SKU:AVAILABILITY) instead.',
  ],
};

const BY_STATUS: Record<number, [string, string]> = {
  400: ['Partner Center rejected the request as invalid.', 'Read the description, fix the document and send again.'],
  // The MFA page's answer to an App+User token without MFA is a 401 with no code.
  401: [
    'Not signed in, the sign-in expired, or it did not include multi-factor authentication (App+User calls need it).',
    'Sign in again, completing the MFA prompt.',
  ],
  403: [
    'The account or app is not allowed to do this.',
    "Check the account's Partner Center roles and the customer relationship.",
  ],
  404: ['Not found.', 'Check the ids in the path.'],
  409: ['Conflict with another operation.', 'Wait a little and check the resource before sending again.'],
  412: ['The resource changed since it was read.', 'Read it again and re-apply the change.'],
  429: ['Too many requests.', 'Wait for the time Partner Center names, then send again.'],
  500: [
    'Partner Center failed to process the request.',
    'Check whether the change happened before sending again; the request id helps support.',
  ],
  503: ['Partner Center is unavailable.', 'Try again later.'],
};

/** The advice for a code this file knows, whatever the status. */
export function adviceForCode(code: string | number): ErrorAdvice | undefined {
  const byCode = BY_CODE[String(code)];
  return byCode ? { code, meaning: byCode[0], whatToDo: byCode[1] } : undefined;
}

export function adviceFor(status: number | undefined, code: string | number | undefined): ErrorAdvice | undefined {
  const byCode = code !== undefined ? adviceForCode(code) : undefined;
  if (byCode) return byCode;
  if (status === undefined || status < 400) return undefined;
  const byStatus = BY_STATUS[status] ??
    BY_STATUS[Math.floor(status / 100) * 100] ?? ['The request failed.', 'Read the description and the request id.'];
  return { code, meaning: byStatus[0], whatToDo: byStatus[1] };
}
