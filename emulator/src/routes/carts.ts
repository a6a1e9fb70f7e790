// /customers/{c}/carts: create (201), get, update (PUT, full cart), checkout (201, one order per
// orderGroup placed, the others in orderErrors). A checked-out cart cannot be changed (800065);
// checking it out again answers the first checkout's result, as checkout-a-cart.md says ("This
// API is idempotent"; the error table's 800065 for a repeated checkout is the older reading).
// Carts expire 7 days after creation. Legacy order groups ("OMS-n") are
// provisioned at checkout, as checkout-a-cart.md shows its MS-AZR-0145P order "completed" with a
// subscription id while the other orders are still pending.

import { asRecord } from '../casing';
import { type CartLineRecord, type CartRecord, DAY_MS, type OrderLineRecord, type OrderRecord } from '../data/model';
import { ERRORS } from '../errorCodes';
import { ApiError } from '../errors';
import { type HttpAnswer, type RequestContext, type Router } from '../router';
import { checkPartnerAttestation, needsAttestation } from '../rules/attestation';
import { readCartLines } from '../rules/cartLines';
import { type PurchaseEnv } from '../rules/customTermEndDate';
import { toError } from '../rules/failure';
import { requireMca } from '../rules/mca';
import { cartWire } from '../wire/cart';
import { orderWire } from '../wire/order';
import { requireCustomer } from './customers';

const CART_LIFETIME_MS = 7 * DAY_MS;

export function registerCarts(router: Router): void {
  router.post('/customers/{customerId}/carts', createCart);
  router.get('/customers/{customerId}/carts/{cartId}', (ctx) => {
    const { cart, country } = requireCart(ctx);
    return { status: 200, body: cartWire(cart, country) };
  });
  router.add('PUT', '/customers/{customerId}/carts/{cartId}', updateCart);
  router.post('/customers/{customerId}/carts/{cartId}/checkout', checkout);
}

function requireCart(ctx: RequestContext): { cart: CartRecord; country: string } {
  const customer = requireCustomer(ctx);
  const cart = ctx.store.cart(customer.id, ctx.params.cartId);
  if (!cart || (cart.status === 'Active' && ctx.now > cart.expiresAt)) {
    throw new ApiError('cartNotFound', `Cart ${ctx.params.cartId} was not found (carts expire 7 days after creation).`);
  }
  return { cart, country: customer.address.country };
}

function attestationFlag(body: Record<string, unknown>): boolean | undefined {
  return typeof body.partnerOnRecordAttestationAccepted === 'boolean' ? body.partnerOnRecordAttestationAccepted : undefined;
}

function envOf(ctx: RequestContext, customerId: string): PurchaseEnv {
  return { store: ctx.store, customerId, now: ctx.now };
}

function createCart(ctx: RequestContext): HttpAnswer {
  const customer = requireCustomer(ctx);
  const body = asRecord(ctx.body);
  const lines = readCartLines(body.lineItems, envOf(ctx, customer.id));
  const cart: CartRecord = {
    id: ctx.store.ids.guid(),
    customerId: customer.id,
    createdAt: ctx.now,
    modifiedAt: ctx.now,
    expiresAt: ctx.now + CART_LIFETIME_MS,
    lastModifiedUser: ctx.store.partnerTenantId,
    status: 'Active',
    lines,
    partnerOnRecordAttestationAccepted: attestationFlag(body),
  };
  ctx.store.listOf(ctx.store.carts, customer.id).push(cart);
  return { status: 201, body: cartWire(cart, customer.address.country) };
}

/** The documented example answers an update with 201, so the emulator does too. */
function updateCart(ctx: RequestContext): HttpAnswer {
  const { cart, country } = requireCart(ctx);
  if (cart.status === 'Ordered') {
    throw new ApiError('cartAlreadySubmitted', 'The cart has already been submitted and cannot be changed.');
  }
  const body = asRecord(ctx.body);
  cart.lines = readCartLines(body.lineItems, envOf(ctx, cart.customerId));
  cart.partnerOnRecordAttestationAccepted = attestationFlag(body) ?? cart.partnerOnRecordAttestationAccepted;
  cart.modifiedAt = ctx.now;
  return { status: 201, body: cartWire(cart, country) };
}

function allLines(cart: CartRecord): CartLineRecord[] {
  return cart.lines.flatMap((l) => [l, ...(l.addonItems ?? [])]);
}

/** A cart line (and the legacy add-ons bought with it) as order lines; add-ons point at their base. */
function orderLines(lines: CartLineRecord[]): Array<OrderLineRecord & { baseLine?: number }> {
  const out: Array<OrderLineRecord & { baseLine?: number }> = [];
  const add = (l: CartLineRecord, baseLine?: number): number => {
    if (!l.item) throw new ApiError('cartLineErrors', `Cart line ${l.id} names no purchasable item.`);
    const participants = l.participants ?? [];
    const additional = participants.filter((p) => p.key === 'additional_transaction_reseller').map((p) => p.value);
    out.push({
      lineItemNumber: out.length,
      offerId: l.item.catalogItemId,
      item: l.item,
      quantity: l.quantity,
      termDuration: l.termDuration,
      friendlyName: l.friendlyName ?? l.item.sku.title,
      partnerIdOnRecord: participants.find((p) => p.key === 'transaction_reseller')?.value,
      additionalPartnerIdsOnRecord: additional.length > 0 ? additional : undefined,
      provisioningContext: Object.keys(l.provisioningContext).length > 0 ? l.provisioningContext : undefined,
      attestationAccepted: l.attestationAccepted,
      promotionId: l.promotionId,
      customTermEndDate: l.customTermEndDate,
      renewsTo: l.renewsTo,
      purchaseCommitment: l.purchaseCommitment,
      parentSubscriptionId: l.provisioningContext.parentSubscriptionId,
      baseLine,
    });
    return out.length - 1;
  };
  for (const line of lines) {
    const base = add(line);
    for (const addOn of line.addonItems ?? []) add(addOn, base);
  }
  return out;
}

function checkout(ctx: RequestContext): HttpAnswer {
  const { cart, country } = requireCart(ctx);
  if (cart.status === 'Ordered') return { status: 201, body: cart.checkoutResult };
  const broken = allLines(cart).filter((l) => l.error);
  if (broken.length > 0) {
    throw new ApiError('cartLineErrors', 'Error in cart item(s): fix the lines that carry an error and update the cart.', {
      data: broken.map((l) => ({ lineItemId: l.id, errorCode: l.error?.errorCode, errorDescription: l.error?.errorDescription })),
    });
  }
  // As on orders (create-a-cart.md lists PartnerOnRecordAttestationAccepted on the Cart): a cart
  // with a line that needs attestation is placed only with the partner's attestation (900206).
  const attestation = checkPartnerAttestation(
    allLines(cart).some((l) => l.item && needsAttestation(l.item.sku)),
    cart.partnerOnRecordAttestationAccepted,
  );
  if (attestation) throw toError(attestation);
  requireMca(ctx.store, cart.customerId);
  const groups = new Map<string, CartLineRecord[]>();
  for (const line of cart.lines) groups.set(line.orderGroup, [...(groups.get(line.orderGroup) ?? []), line]);
  // The checkout-order-errors fault: a group the service could not place is listed, not ordered.
  const orderErrors: { orderGroupId: string; code: number; description: string }[] = [];
  for (const groupId of [...groups.keys()]) {
    if (!ctx.fault('checkout-order-errors')) continue;
    groups.delete(groupId);
    orderErrors.push({
      orderGroupId: groupId,
      code: ERRORS.inventoryNotAvailable.code,
      description: 'Inventory not available for the items in this order group.',
    });
  }
  const orders: OrderRecord[] = [];
  for (const lines of groups.values()) {
    const legacy = lines[0].item?.product.kind === 'legacy';
    const withBases = orderLines(lines);
    const order: OrderRecord = {
      id: ctx.store.newOrderId(),
      customerId: cart.customerId,
      billingCycle: lines[0].billingCycle,
      country,
      status: 'pending',
      createdAt: ctx.now,
      provisionAt: legacy ? undefined : ctx.now + ctx.provisioningDelayMs,
      partnerOnRecordAttestationAccepted: cart.partnerOnRecordAttestationAccepted,
      lines: withBases.map(({ baseLine: _base, ...line }) => line),
      version: 1,
    };
    ctx.store.addOrder(order);
    if (legacy) {
      // The legacy system provisions at once: bases first, then their add-ons under them.
      order.lines.forEach((line, i) => {
        const base = withBases[i].baseLine;
        if (base !== undefined) line.parentSubscriptionId = order.lines[base].subscriptionId;
        ctx.store.provision(order, line, ctx.now, ctx.now);
      });
      order.status = 'completed';
    }
    orders.push(order);
  }
  // additionalInformation: [] as azure-purchase-savings-plan.md's checkout answer shows it (its
  // content is not documented, so it stays empty).
  const body = {
    orders: orders.map((o) => orderWire(o, true)),
    orderErrors,
    additionalInformation: [],
    attributes: { objectType: 'CartCheckoutResult' },
  };
  // A cart none of whose groups could be placed was not submitted, so it can be checked out again.
  if (orders.length > 0) {
    cart.status = 'Ordered';
    cart.checkoutResult = body;
  }
  cart.modifiedAt = ctx.now;
  return { status: 201, body };
}
