// /customers/{c}/orders: list (billingType, include_price), get, create, provisioning status.
// A created order is `pending`; it completes provisioningDelayMs later (settled lazily on the
// next request), and only then do its subscriptions and entitlements exist. An order of legacy
// offers is provisioned at once, as the legacy examples answer with subscription ids
// (create-an-order-for-a-customer-of-an-indirect-reseller.md, purchase-an-add-on-to-a-subscription.md).

import { requireUser } from '../auth';
import { asRecord, parseEnum, queryParam, squash } from '../casing';
import { BILLING_CYCLES, type BillingCycle, type CatalogItem, isOneTimeItem } from '../data/catalog';
import { type OrderLineRecord, type OrderRecord } from '../data/model';
import { collection, link } from '../envelope';
import { ApiError, invalidInput } from '../errors';
import { type ApiResponse, type RequestContext, type Router } from '../router';
import { baseMissing, isLegacyAddOn } from '../rules/addOns';
import { checkPartnerAttestation, needsAttestation } from '../rules/attestation';
import { resolveForOrder } from '../rules/catalogItem';
import { type PurchaseEnv } from '../rules/customTermEndDate';
import { toError } from '../rules/failure';
import { checkLineNumbers } from '../rules/lineNumbers';
import { requireMca } from '../rules/mca';
import { checkPurchaseLine } from '../rules/purchaseLine';
import { orderWire, provisioningStatusWire } from '../wire/order';
import { requireCustomer } from './customers';

export function registerOrders(router: Router): void {
  router.get('/customers/{customerId}/orders', listOrders);
  router.post('/customers/{customerId}/orders', createOrder);
  router.get('/customers/{customerId}/orders/{orderId}', (ctx) => ({ status: 200, body: orderWire(requireOrder(ctx), includePrice(ctx)) }));
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

function listOrders(ctx: RequestContext): ApiResponse {
  const customer = requireCustomer(ctx);
  const billingType = queryParam(ctx.url, 'billingType');
  const cycle = billingType === undefined ? undefined : parseEnum('billingType', billingType, BILLING_CYCLES);
  const orders = ctx.store.listOf(ctx.store.orders, customer.id).filter((o) => cycle === undefined || o.billingCycle === cycle);
  const self = `/customers/${customer.id}/orders${ctx.url.search}`;
  return { status: 200, body: collection(orders.map((o) => orderWire(o, includePrice(ctx))), { self: link(self) }) };
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
  const items = offerIds.map((id) => (typeof id === 'string' ? resolveForOrder(id.trim()) : undefined))
    .flatMap((r): CatalogItem[] => (r && 'item' in r ? [r.item] : []));
  return items.length > 0 && items.every(isOneTimeItem) ? 'one_time' : 'monthly';
}

function createOrder(ctx: RequestContext): ApiResponse {
  const customer = requireCustomer(ctx);
  const body = asRecord(ctx.body);
  if (!Array.isArray(body.lineItems) || body.lineItems.length === 0) throw invalidInput('An order needs at least one item in lineItems.');
  const raws = body.lineItems.map(asRecord);
  const numbers = checkLineNumbers(raws.map((r) => r.lineItemNumber), 'lineItemNumber', true);
  const billingCycle = sentCycle(body.billingCycle) ?? defaultCycle(raws.map((r) => r.offerId));
  const env = envOf(ctx, customer.id);
  const lines = raws.map((raw, i) => ({ raw, number: numbers[i], checked: checkPurchaseLine('order', raw, raw.offerId, billingCycle, numbers[i], env) }));
  for (const { raw, checked } of lines) {
    // create-an-order.md: parentSubscriptionId "Applies to PATCH only"; a legacy add-on is bought
    // by PATCHing its base's order (or in a cart), so a new order cannot take one.
    if (raw.parentSubscriptionId !== undefined && raw.parentSubscriptionId !== null) {
      throw invalidInput('parentSubscriptionId applies to PATCH only: to buy an add-on, PATCH the order of its base subscription.');
    }
    if (checked.item && isLegacyAddOn(checked.item)) throw toError(baseMissing(checked.item));
  }
  const legacyLines = lines.filter((l) => l.checked.item?.product.kind === 'legacy').length;
  if (legacyLines > 0 && legacyLines < lines.length) {
    throw invalidInput('An order cannot mix legacy offers with new-commerce catalog items: the service places them as separate orders (a cart groups them so).');
  }
  const attestation = checkPartnerAttestation(lines.some((l) => l.checked.item && needsAttestation(l.checked.item.sku)), body.partnerOnRecordAttestationAccepted);
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
    partnerOnRecordAttestationAccepted: typeof body.partnerOnRecordAttestationAccepted === 'boolean' ? body.partnerOnRecordAttestationAccepted : undefined,
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
  if ((order.lines.find((l) => (l.additionalPartnerIdsOnRecord?.length ?? 0) > 5))) {
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
