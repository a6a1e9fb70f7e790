// /customers/{c}/carts: create (201), get, update (PUT, full cart), checkout (201, one order per
// orderGroup placed, the others in orderErrors). A checked-out cart cannot be changed (800065);
// checking it out again answers the first checkout's result, as checkout-a-cart.md says ("This
// API is idempotent"; the error table's 800065 for a repeated checkout is the older reading).
// Carts expire 7 days after creation.

import { asRecord } from '../casing';
import { type CartRecord, DAY_MS, type OrderRecord } from '../data/model';
import { ERRORS } from '../errorCodes';
import { ApiError } from '../errors';
import { type ApiResponse, type RequestContext, type Router } from '../router';
import { readCartLines } from '../rules/cartLines';
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

function createCart(ctx: RequestContext): ApiResponse {
  const customer = requireCustomer(ctx);
  const body = asRecord(ctx.body);
  const lines = readCartLines(body.lineItems);
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
function updateCart(ctx: RequestContext): ApiResponse {
  const { cart, country } = requireCart(ctx);
  if (cart.status === 'Ordered') throw new ApiError('cartAlreadySubmitted', 'The cart has already been submitted and cannot be changed.');
  const body = asRecord(ctx.body);
  cart.lines = readCartLines(body.lineItems);
  cart.partnerOnRecordAttestationAccepted = attestationFlag(body) ?? cart.partnerOnRecordAttestationAccepted;
  cart.modifiedAt = ctx.now;
  return { status: 201, body: cartWire(cart, country) };
}

function checkout(ctx: RequestContext): ApiResponse {
  const { cart, country } = requireCart(ctx);
  if (cart.status === 'Ordered') return { status: 201, body: cart.checkoutResult };
  const broken = cart.lines.filter((l) => l.error);
  if (broken.length > 0) {
    throw new ApiError('cartLineErrors', 'Error in cart item(s): fix the lines that carry an error and update the cart.',
      { data: broken.map((l) => ({ lineItemId: l.id, errorCode: l.error?.errorCode, errorDescription: l.error?.errorDescription })) });
  }
  requireMca(ctx.store, cart.customerId);
  const groups = new Map<string, typeof cart.lines>();
  for (const line of cart.lines) groups.set(line.orderGroup, [...(groups.get(line.orderGroup) ?? []), line]);
  // The checkout-order-errors fault: a group the service could not place is listed, not ordered.
  const orderErrors: { orderGroupId: string; code: number; description: string }[] = [];
  for (const groupId of [...groups.keys()]) {
    if (!ctx.fault('checkout-order-errors')) continue;
    groups.delete(groupId);
    orderErrors.push({ orderGroupId: groupId, code: ERRORS.inventoryNotAvailable.code, description: 'Inventory not available for the items in this order group.' });
  }
  const orders: OrderRecord[] = [...groups.values()].map((lines) => ({
    id: ctx.store.newOrderId(),
    customerId: cart.customerId,
    billingCycle: lines[0].billingCycle,
    country,
    status: 'pending',
    createdAt: ctx.now,
    provisionAt: ctx.now + ctx.provisioningDelayMs,
    partnerOnRecordAttestationAccepted: cart.partnerOnRecordAttestationAccepted,
    lines: lines.map((l, n) => {
      if (!l.item) throw new ApiError('cartLineErrors', `Cart line ${l.id} names no purchasable item.`);
      return {
        lineItemNumber: n, offerId: l.item.catalogItemId, item: l.item, quantity: l.quantity, termDuration: l.termDuration,
        friendlyName: l.friendlyName ?? l.item.sku.title,
        partnerIdOnRecord: l.participants?.find((p) => p.key === 'transaction_reseller')?.value,
        provisioningContext: Object.keys(l.provisioningContext).length > 0 ? l.provisioningContext : undefined,
        attestationAccepted: l.attestationAccepted, promotionId: l.promotionId, customTermEndDate: l.customTermEndDate,
      };
    }),
  }));
  for (const order of orders) ctx.store.addOrder(order);
  const body = { orders: orders.map((o) => orderWire(o, true)), orderErrors, attributes: { objectType: 'CartCheckoutResult' } };
  // A cart none of whose groups could be placed was not submitted, so it can be checked out again.
  if (orders.length > 0) {
    cart.status = 'Ordered';
    cart.checkoutResult = body;
  }
  cart.modifiedAt = ctx.now;
  return { status: 201, body };
}
