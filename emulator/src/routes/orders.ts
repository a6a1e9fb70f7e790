// /customers/{c}/orders: list (billingType, include_price), get, create, provisioning status.
// A created order is `pending`; it completes provisioningDelayMs later (settled lazily on the
// next request), and only then do its subscriptions and entitlements exist.

import { requireUser } from '../auth';
import { asRecord, parseEnum, queryParam } from '../casing';
import { BILLING_CYCLES } from '../data/catalog';
import { type OrderRecord } from '../data/model';
import { collection, link } from '../envelope';
import { ApiError, invalidInput } from '../errors';
import { type ApiResponse, type RequestContext, type Router } from '../router';
import { checkPartnerAttestation, needsAttestation } from '../rules/attestation';
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

function listOrders(ctx: RequestContext): ApiResponse {
  const customer = requireCustomer(ctx);
  const billingType = queryParam(ctx.url, 'billingType');
  const cycle = billingType === undefined ? undefined : parseEnum('billingType', billingType, BILLING_CYCLES);
  const orders = ctx.store.listOf(ctx.store.orders, customer.id).filter((o) => cycle === undefined || o.billingCycle === cycle);
  const self = `/customers/${customer.id}/orders${ctx.url.search}`;
  return { status: 200, body: collection(orders.map((o) => orderWire(o, includePrice(ctx))), { self: link(self) }) };
}

function createOrder(ctx: RequestContext): ApiResponse {
  const customer = requireCustomer(ctx);
  const body = asRecord(ctx.body);
  if (!Array.isArray(body.lineItems) || body.lineItems.length === 0) throw invalidInput('An order needs at least one item in lineItems.');
  if (body.billingCycle === undefined || body.billingCycle === null) throw invalidInput('billingCycle is required.');
  const billingCycle = parseEnum('billingCycle', body.billingCycle, BILLING_CYCLES);
  const raws = body.lineItems.map(asRecord);
  const numbers = checkLineNumbers(raws.map((r) => r.lineItemNumber), 'lineItemNumber');
  const lines = raws.map((raw, i) => ({ raw, number: numbers[i], checked: checkPurchaseLine('order', raw, raw.offerId, billingCycle, numbers[i]) }));
  const attestation = checkPartnerAttestation(lines.some((l) => l.checked.item && needsAttestation(l.checked.item.sku)), body.partnerOnRecordAttestationAccepted);
  if (attestation) throw toError(attestation);
  requireMca(ctx.store, customer.id);

  const order: OrderRecord = {
    id: ctx.store.newOrderId(),
    customerId: customer.id,
    billingCycle,
    country: customer.address.country,
    status: 'pending',
    createdAt: ctx.now,
    provisionAt: ctx.now + ctx.provisioningDelayMs,
    partnerOnRecordAttestationAccepted: typeof body.partnerOnRecordAttestationAccepted === 'boolean' ? body.partnerOnRecordAttestationAccepted : undefined,
    lines: lines
      .sort((a, b) => a.number - b.number)
      .map(({ raw, number, checked }) => {
        const item = checked.item;
        if (!item) throw invalidInput(`Line item ${number} could not be resolved.`);
        return {
          lineItemNumber: number,
          offerId: item.catalogItemId,
          item,
          quantity: checked.quantity,
          termDuration: checked.termDuration,
          friendlyName: typeof raw.friendlyName === 'string' && raw.friendlyName.trim() !== '' ? raw.friendlyName : item.sku.title,
          partnerIdOnRecord: typeof raw.partnerIdOnRecord === 'string' ? raw.partnerIdOnRecord : undefined,
          additionalPartnerIdsOnRecord: stringArray(raw.additionalPartnerIdsOnRecord),
          provisioningContext: Object.keys(checked.provisioningContext).length > 0 ? checked.provisioningContext : undefined,
          attestationAccepted: typeof raw.attestationAccepted === 'boolean' ? raw.attestationAccepted : undefined,
          promotionId: typeof raw.promotionId === 'string' ? raw.promotionId : undefined,
          customTermEndDate: typeof raw.customTermEndDate === 'string' ? raw.customTermEndDate : undefined,
        };
      }),
  };
  if ((order.lines.find((l) => (l.additionalPartnerIdsOnRecord?.length ?? 0) > 5))) {
    throw invalidInput('additionalPartnerIdsOnRecord accepts at most 5 partner ids.');
  }
  ctx.store.addOrder(order);
  return { status: 201, body: orderWire(order, false) };
}

function stringArray(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((v) => typeof v === 'string') ? (value as string[]) : undefined;
}
