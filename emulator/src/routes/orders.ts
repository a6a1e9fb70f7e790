// /customers/{c}/orders: list (billingType, include_price), get, create, PATCH, provisioning status.
// A created order is `pending`; it completes provisioningDelayMs later (settled lazily on the
// next request), and only then do its subscriptions and entitlements exist. An order of legacy
// offers is provisioned at once, as the legacy examples answer with subscription ids
// (create-an-order-for-a-customer-of-an-indirect-reseller.md, purchase-an-add-on-to-a-subscription.md).
//
// PATCH does what the docs use it for: cancel software lines or a whole order (status
// "cancelled"), buy a legacy add-on for a subscription of the order (a line with
// parentSubscriptionId), or change a legacy order's billing cycle.

import { requireUser } from '../auth';
import { asRecord, parseEnum, queryParam, squash } from '../casing';
import { BILLING_CYCLES, type BillingCycle, type CatalogItem, isOneTimeItem } from '../data/catalog';
import { type OrderLineRecord, type OrderRecord } from '../data/model';
import { collection, link } from '../envelope';
import { ApiError, invalidInput } from '../errors';
import { type HttpAnswer, type RequestContext, type Router } from '../router';
import { baseMissing, isLegacyAddOn, parentFor } from '../rules/addOns';
import { checkPartnerAttestation, needsAttestation } from '../rules/attestation';
import { resolveForOrder } from '../rules/catalogItem';
import { type PurchaseEnv } from '../rules/customTermEndDate';
import { toError } from '../rules/failure';
import { checkLineNumbers } from '../rules/lineNumbers';
import { requireMca } from '../rules/mca';
import { checkCancel } from '../rules/orderCancel';
import { checkPurchaseLine, readQuantity, readTerm } from '../rules/purchaseLine';
import { checkQuantity } from '../rules/quantity';
import { checkTerm } from '../rules/terms';
import { orderWire, provisioningStatusWire } from '../wire/order';
import { requireCustomer } from './customers';

export function registerOrders(router: Router): void {
  router.get('/customers/{customerId}/orders', listOrders);
  router.post('/customers/{customerId}/orders', createOrder);
  router.get('/customers/{customerId}/orders/{orderId}', (ctx) => ({
    status: 200,
    body: orderWire(requireOrder(ctx), includePrice(ctx)),
  }));
  router.add('PATCH', '/customers/{customerId}/orders/{orderId}', patchOrder);
  router.get('/customers/{customerId}/orders/{orderId}/provisioningstatus', (ctx) => {
    requireUser(ctx.appOnly);
    return { status: 200, body: provisioningStatusWire(requireOrder(ctx)) };
  });
}

function includePrice(ctx: RequestContext): boolean {
  return (queryParam(ctx.url, 'include_price') ?? '').toLowerCase() === 'true';
}

function requireOrder(ctx: RequestContext): OrderRecord {
  const customer = requireCustomer(ctx);
  const order = ctx.store.order(customer.id, ctx.params.orderId);
  if (!order) throw new ApiError('orderNotFound', `Order ${ctx.params.orderId} was not found.`);
  return order;
}

function envOf(ctx: RequestContext, customerId: string): PurchaseEnv {
  return { store: ctx.store, customerId, now: ctx.now };
}

function listOrders(ctx: RequestContext): HttpAnswer {
  const customer = requireCustomer(ctx);
  const billingType = queryParam(ctx.url, 'billingType');
  const cycle = billingType === undefined ? undefined : parseEnum('billingType', billingType, BILLING_CYCLES);
  const orders = ctx.store.listOf(ctx.store.orders, customer.id).filter((o) => cycle === undefined || o.billingCycle === cycle);
  const self = `/customers/${customer.id}/orders${ctx.url.search}`;
  return {
    status: 200,
    body: collection(
      orders.map((o) => orderWire(o, includePrice(ctx))),
      { self: link(self) },
    ),
  };
}

/**
 * The order's billing cycle as sent, or undefined when it was not: absent, null, or "unknown"
 * (the .NET SDK's value for a cycle it was not given, as the indirect-reseller example sends it).
 */
function sentCycle(value: unknown): BillingCycle | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && squash(value) === 'unknown')) return undefined;
  return parseEnum('billingCycle', value, BILLING_CYCLES);
}

/**
 * create-an-order.md: billingCycle is optional, "The default is "Monthly" or "OneTime" at order
 * creation": one_time when every line is a one-time purchase (software, reservations, savings
 * plans), monthly otherwise.
 */
function defaultCycle(offerIds: unknown[]): BillingCycle {
  const items = offerIds
    .map((id) => (typeof id === 'string' ? resolveForOrder(id.trim()) : undefined))
    .flatMap((r): CatalogItem[] => (r && 'item' in r ? [r.item] : []));
  return items.length > 0 && items.every(isOneTimeItem) ? 'one_time' : 'monthly';
}

function createOrder(ctx: RequestContext): HttpAnswer {
  const customer = requireCustomer(ctx);
  const body = asRecord(ctx.body);
  if (!Array.isArray(body.lineItems) || body.lineItems.length === 0) {
    throw invalidInput('An order needs at least one item in lineItems.');
  }
  const raws = body.lineItems.map(asRecord);
  const numbers = checkLineNumbers(
    raws.map((r) => r.lineItemNumber),
    'lineItemNumber',
    true,
  );
  const billingCycle = sentCycle(body.billingCycle) ?? defaultCycle(raws.map((r) => r.offerId));
  const env = envOf(ctx, customer.id);
  const lines = raws.map((raw, i) => ({
    raw,
    number: numbers[i],
    checked: checkPurchaseLine('order', raw, raw.offerId, billingCycle, numbers[i], env),
  }));
  for (const { raw, checked } of lines) {
    // create-an-order.md: parentSubscriptionId "Applies to PATCH only"; a legacy add-on is bought
    // by PATCHing its base's order (or in a cart), so a new order cannot take one.
    if (raw.parentSubscriptionId !== undefined && raw.parentSubscriptionId !== null) {
      throw invalidInput(
        'parentSubscriptionId applies to PATCH only: to buy an add-on, PATCH the order of its base subscription.',
      );
    }
    if (checked.item && isLegacyAddOn(checked.item)) throw toError(baseMissing(checked.item));
  }
  const legacyLines = lines.filter((l) => l.checked.item?.product.kind === 'legacy').length;
  if (legacyLines > 0 && legacyLines < lines.length) {
    throw invalidInput(
      'An order cannot mix legacy offers with new-commerce catalog items: the service places them as separate orders (a cart groups them so).',
    );
  }
  const attestation = checkPartnerAttestation(
    lines.some((l) => l.checked.item && needsAttestation(l.checked.item.sku)),
    body.partnerOnRecordAttestationAccepted,
  );
  if (attestation) throw toError(attestation);
  requireMca(ctx.store, customer.id);

  const legacy = legacyLines > 0;
  const order: OrderRecord = {
    id: ctx.store.newOrderId(),
    customerId: customer.id,
    billingCycle,
    country: customer.address.country,
    status: 'pending',
    createdAt: ctx.now,
    provisionAt: legacy ? undefined : ctx.now + ctx.provisioningDelayMs,
    partnerOnRecordAttestationAccepted:
      typeof body.partnerOnRecordAttestationAccepted === 'boolean' ? body.partnerOnRecordAttestationAccepted : undefined,
    version: 1,
    lines: lines
      .sort((a, b) => a.number - b.number)
      .map(({ raw, number, checked }): OrderLineRecord => {
        const item = checked.item;
        if (!item) throw invalidInput(`Line item ${number} could not be resolved.`);
        return {
          lineItemNumber: number,
          offerId: item.catalogItemId,
          item,
          quantity: checked.quantity,
          termDuration: checked.termDuration,
          friendlyName: friendlyNameOf(raw, item),
          partnerIdOnRecord: typeof raw.partnerIdOnRecord === 'string' ? raw.partnerIdOnRecord : undefined,
          additionalPartnerIdsOnRecord: stringArray(raw.additionalPartnerIdsOnRecord),
          provisioningContext: Object.keys(checked.provisioningContext).length > 0 ? checked.provisioningContext : undefined,
          attestationAccepted: typeof raw.attestationAccepted === 'boolean' ? raw.attestationAccepted : undefined,
          promotionId: typeof raw.promotionId === 'string' ? raw.promotionId : undefined,
          customTermEndDate: typeof raw.customTermEndDate === 'string' ? raw.customTermEndDate : undefined,
          renewsTo: checked.renewsTo,
          purchaseCommitment: checked.purchaseCommitment,
        };
      }),
  };
  if (order.lines.find((l) => (l.additionalPartnerIdsOnRecord?.length ?? 0) > 5)) {
    throw invalidInput('additionalPartnerIdsOnRecord accepts at most 5 partner ids.');
  }
  ctx.store.addOrder(order);
  if (legacy) ctx.store.complete(order, ctx.now, ctx.now);
  // With pricing, as the newest create-order example (azure-purchase-savings-plan.md) answers.
  return { status: 201, body: orderWire(order, true) };
}

function friendlyNameOf(raw: Record<string, unknown>, item: CatalogItem): string {
  return typeof raw.friendlyName === 'string' && raw.friendlyName.trim() !== '' ? raw.friendlyName : item.sku.title;
}

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}

function patchOrder(ctx: RequestContext): HttpAnswer {
  const order = requireOrder(ctx);
  if (ctx.body === null || typeof ctx.body !== 'object' || Array.isArray(ctx.body)) {
    throw invalidInput('The body must be the order resource.');
  }
  const body = asRecord(ctx.body);
  const raws = Array.isArray(body.lineItems) ? body.lineItems.map(asRecord) : [];
  if (body.lineItems !== undefined && body.lineItems !== null && !Array.isArray(body.lineItems)) {
    throw invalidInput('lineItems must be a list.');
  }
  const status = typeof body.status === 'string' ? squash(body.status) : undefined;
  if (status === 'cancelled' || status === 'canceled') cancelOrder(ctx, order, raws);
  else if (status !== undefined && status !== squash(order.status)) {
    throw invalidInput(`An order PATCH can set status only to "cancelled", not '${String(body.status)}'.`);
  } else if (raws.some((r) => r.parentSubscriptionId !== undefined && r.parentSubscriptionId !== null)) {
    buyAddOns(ctx, order, raws);
  } else {
    const cycle = sentCycle(body.billingCycle);
    if (cycle !== undefined && cycle !== order.billingCycle) changeBillingCycle(ctx, order, cycle, raws);
  }
  return { status: 200, body: orderWire(order, false) };
}

/**
 * cancel-software-purchases.md: "(Optional) If you want to specify certain line items for
 * cancellation, set the Order.LineItems to list of line items that you want to cancel"; without
 * lineItems every line is cancelled (cancel-an-order-from-the-integration-sandbox.md).
 */
function cancelOrder(ctx: RequestContext, order: OrderRecord, raws: Array<Record<string, unknown>>): void {
  if (order.status === 'cancelled') {
    throw new ApiError('orderAlreadyCancelled', `Order ${order.id} can't be canceled: it already is.`);
  }
  const targets =
    raws.length === 0
      ? order.lines.filter((l) => !l.cancelled)
      : raws.map((raw) => {
          const number = raw.lineItemNumber;
          const line = order.lines.find((l) => l.lineItemNumber === number);
          if (typeof number !== 'number' || !line) {
            throw invalidInput(`Line item ${JSON.stringify(number ?? null)} is not a line of order ${order.id}.`);
          }
          if (typeof raw.offerId === 'string' && raw.offerId.toUpperCase() !== line.offerId.toUpperCase()) {
            throw invalidInput(`Line item ${number} of order ${order.id} is ${line.offerId}, not ${raw.offerId}.`);
          }
          return line;
        });
  for (const line of targets) {
    const failure = checkCancel(order, line, ctx.now);
    if (failure) throw toError(failure);
  }
  ctx.store.cancelLines(
    order,
    targets.map((l) => l.lineItemNumber),
  );
}

function isLegacyOrder(order: OrderRecord): boolean {
  return order.lines.every((l) => l.item.product.kind === 'legacy');
}

/**
 * purchase-an-add-on-to-a-subscription.md: "When you purchase an add-on to a subscription, you are
 * updating the original subscription order with the order for the add-on": each request line
 * (LineItemNumber, OfferId, ParentSubscriptionId, Quantity required) becomes a new line of the
 * order, provisioned at once. New-commerce add-ons are bought as orders of their own (800042).
 */
function buyAddOns(ctx: RequestContext, order: OrderRecord, raws: Array<Record<string, unknown>>): void {
  if (!isLegacyOrder(order)) {
    throw new ApiError(
      'orderPatchNotSupported',
      "Not supported: add-ons are bought through the base's order only for legacy offers; new-commerce add-ons are bought like any other catalog item.",
    );
  }
  const numbers = checkLineNumbers(
    raws.map((r) => r.lineItemNumber),
    'lineItemNumber',
    true,
  );
  const env = envOf(ctx, order.customerId);
  const added = raws.map((raw, i): OrderLineRecord => {
    if (typeof raw.offerId !== 'string' || raw.offerId.trim() === '') {
      throw invalidInput(`offerId of line item ${numbers[i]} is required.`);
    }
    if (typeof raw.parentSubscriptionId !== 'string' || raw.parentSubscriptionId === '') {
      throw invalidInput(`parentSubscriptionId of line item ${numbers[i]} is required to buy an add-on.`);
    }
    const resolved = resolveForOrder(raw.offerId.trim());
    if ('failure' in resolved) throw toError(resolved.failure);
    const item = resolved.item;
    const parent = parentFor(env, item, raw.parentSubscriptionId);
    if ('failure' in parent) throw toError(parent.failure);
    if (parent.parent.orderId !== order.id) {
      throw invalidInput(
        `Subscription ${parent.parent.id} was bought in order ${parent.parent.orderId}: PATCH that order to buy its add-ons.`,
      );
    }
    const quantity = readQuantity(raw.quantity, numbers[i]);
    const term = checkTerm(item, order.billingCycle, readTerm(raw.termDuration));
    if ('failure' in term) throw toError(term.failure);
    const tooMany = checkQuantity(item.sku, quantity, numbers[i]);
    if (tooMany) throw toError(tooMany);
    return {
      lineItemNumber: order.lines.length + numbers[i],
      offerId: item.catalogItemId,
      item,
      quantity,
      termDuration: term.termDuration,
      friendlyName: friendlyNameOf(raw, item),
      parentSubscriptionId: parent.parent.id,
      partnerIdOnRecord: typeof raw.partnerIdOnRecord === 'string' ? raw.partnerIdOnRecord : undefined,
    };
  });
  requireMca(ctx.store, order.customerId);
  for (const line of added.sort((a, b) => a.lineItemNumber - b.lineItemNumber)) {
    order.lines.push(line);
    ctx.store.provision(order, line, ctx.now, ctx.now);
  }
  order.version++;
}

/**
 * change-the-billing-cycle.md: "Updates an Order from monthly to annual billing or from annual to
 * monthly billing"; its lines name the subscriptions (SubscriptionId required). Legacy orders only:
 * a new-commerce subscription changes its billing cycle by a subscription PATCH (800042). The
 * order has one billing cycle, so every active subscription of it changes.
 */
function changeBillingCycle(
  ctx: RequestContext,
  order: OrderRecord,
  cycle: BillingCycle,
  raws: Array<Record<string, unknown>>,
): void {
  if (!isLegacyOrder(order)) {
    throw new ApiError(
      'orderPatchNotSupported',
      'Not supported: the billing cycle of a new-commerce subscription is changed by a PATCH of the subscription, not of its order.',
    );
  }
  if (cycle !== 'monthly' && cycle !== 'annual') {
    throw new ApiError(
      'billingCycleInvalid',
      `The billing cycle is invalid: an order changes between monthly and annual, not to '${cycle}'.`,
    );
  }
  if (raws.length === 0) throw invalidInput('lineItems is required: name the subscriptions of the order (subscriptionId).');
  const subs = ctx.store.listOf(ctx.store.subscriptions, order.customerId).filter((s) => s.orderId === order.id);
  for (const raw of raws) {
    const id = raw.subscriptionId;
    const sub = typeof id === 'string' ? subs.find((s) => s.id.toLowerCase() === id.toLowerCase()) : undefined;
    if (!sub) throw invalidInput(`subscriptionId ${JSON.stringify(id ?? null)} is not a subscription of order ${order.id}.`);
    if (sub.status !== 'active') {
      throw new ApiError('parentSubscriptionNotActive', `Subscription ${sub.id} is ${sub.status}, not active.`);
    }
  }
  order.billingCycle = cycle;
  for (const sub of subs.filter((s) => s.status === 'active')) {
    sub.billingCycle = cycle;
    sub.version++;
  }
  order.version++;
}
