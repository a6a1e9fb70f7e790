// One flow per kind of purchase: an order (confirm, send once), a cart (create, preview, confirm,
// check out once) and a subscription update (read, merge, confirm, patch once). Each builds the
// confirmation from what will really be sent, and none sends money without `confirmPurchase`.
import { type Cart, type Order } from '../api';
import { type RequestKind } from '../requestKinds';
import { exchange, type Exchange, type HttpCall } from './exchange';
import { isObject, numberProp, stringProp } from './jsonValues';
import { mergeOver } from './merge';
import { fillPath } from './pathTemplate';
import { type PurchaseLine, linesFromCart, linesFromDocument, type PurchaseSummary, totalOf } from './purchase';
import { checkEarlierSends, sendPurchase, type PurchaseRequest } from './purchaseStep';
import { type RunContext, type RunResult } from './runTypes';
import { customerInfo, productNames } from './lookups';

type FlowResult = Omit<RunResult, 'recovered'> & { recovered?: RunResult['recovered'] };

/** Confirms and sends one purchase call, after checking earlier interrupted sends. */
async function confirmAndSend(ctx: RunContext, summary: PurchaseSummary, req: PurchaseRequest, before: Exchange[] = []): Promise<FlowResult> {
  const earlier = await checkEarlierSends(ctx, req.customerId, req.call);
  const base = { exchanges: before, customerId: req.customerId, summary, recovered: earlier.recovered };
  if (earlier.alreadyDone) {
    return { ...base, status: 'alreadyDone', orderIds: earlier.alreadyDone.orderIds, message: `${earlier.alreadyDone.message} It was not sent again.` };
  }
  if (earlier.blocked) return { ...base, status: 'blocked', orderIds: [], message: earlier.blocked };
  const confirmed = await ctx.prompts.confirmPurchase({ ...summary, ...(earlier.warnings.length ? { warnings: earlier.warnings } : {}) });
  if (!confirmed) return { ...base, status: 'declined', orderIds: [], message: 'Not sent: the purchase was not confirmed.' };
  ctx.progress?.(`${summary.action}…`);
  const sent = await sendPurchase(ctx, { ...req, requestId: earlier.reuseRequestId });
  return { ...base, exchanges: [...before, sent], ...outcomeOf(sent), orderIds: orderIdsOf(sent.responseBody) };
}

export function outcomeOf(e: Exchange): Pick<RunResult, 'status' | 'message'> {
  switch (e.outcome) {
    case 'ok': return { status: 'done', message: `${e.call.method} ${e.call.path} → ${e.status}` };
    case 'failed': return { status: 'failed', message: e.error?.message ?? `Partner Center answered ${e.status}.` };
    case 'cancelled': return { status: 'cancelled', message: 'Cancelled. If the request had reached Partner Center it may have been applied; it is checked before this is sent again.' };
    case 'unknown': return { status: 'unknown', message: `No definite answer (${e.error?.message ?? 'outcome unknown'}). The send is journaled and Partner Center is asked about it before anything is sent again.` };
  }
}

function orderIdsOf(body: unknown): string[] {
  if (!isObject(body)) return [];
  if (Array.isArray(body.orders)) return (body.orders as Order[]).map((o) => String(o.id)).filter((id) => id !== 'undefined');
  return typeof body.id === 'string' && stringProp(body, 'billingCycle') !== undefined && Array.isArray(body.lineItems) ? [body.id] : [];
}

export async function orderFlow(ctx: RunContext, target: RequestKind, customerId: string, call: HttpCall): Promise<FlowResult> {
  const customer = await customerInfo(ctx, customerId);
  const lines = linesFromDocument(target, call.body);
  const names = await productNames(ctx, customerId, lines);
  const named = linesFromDocument(target, call.body, names);
  const summary: PurchaseSummary = { action: 'Place order', environment: ctx.environment, customer, lines: named };
  const match = { lines: lines.filter((l) => l.catalogItemId).map((l) => ({ item: String(l.catalogItemId), quantity: l.quantity ?? 0 })) };
  return confirmAndSend(ctx, summary, { purpose: 'order', customerId, call, match });
}

export async function cartFlow(ctx: RunContext, kind: RequestKind, customerId: string, call: HttpCall): Promise<FlowResult> {
  ctx.progress?.('Creating the cart…');
  const created = await exchange(ctx.client, call, { signal: ctx.signal, maxAttempts: ctx.retry?.maxAttempts, baseDelayMs: ctx.retry?.baseDelayMs });
  if (created.outcome !== 'ok' || !isObject(created.responseBody)) {
    return { exchanges: [created], customerId, orderIds: [], ...outcomeOf(created) };
  }
  const cart = created.responseBody as unknown as Cart;
  const customer = await customerInfo(ctx, customerId);
  const names = await productNames(ctx, customerId, linesFromCart(cart));
  const lines = linesFromCart(cart, names);
  const summary: PurchaseSummary = { action: 'Check out cart', environment: ctx.environment, customer, lines, total: totalOf(lines) };
  await ctx.prompts.showCartPreview?.(summary, cart, created);
  const broken = lines.filter((l) => l.error);
  if (broken.length > 0) {
    return { exchanges: [created], customerId, orderIds: [], summary, status: 'failed',
      message: `Cart ${cart.id} was created, but ${broken.length} line(s) have errors (${broken.map((l) => `line ${l.number}: ${l.error}`).join('; ')}). Fix the document and send it again; checkout was not offered.` };
  }
  const checkout = kind.send.checkout;
  if (!checkout || !cart.id) return { exchanges: [created], customerId, orderIds: [], summary, ...outcomeOf(created) };
  const path = fillPath(checkout.pathTemplate, { customerId, cartId: cart.id });
  return confirmAndSend(ctx, summary, { purpose: 'checkout', customerId, call: { method: 'POST', path }, match: { cartId: cart.id } }, [created]);
}

/** A generic request to a checkout path: the cart is read first so the confirmation can list its lines. */
export async function checkoutFlow(ctx: RunContext, customerId: string, cartId: string, call: HttpCall): Promise<FlowResult> {
  const cart = await ctx.client.carts.get(customerId, cartId, { signal: ctx.signal }).catch(() => undefined);
  const customer = await customerInfo(ctx, customerId);
  const lines = cart ? linesFromCart(cart, await productNames(ctx, customerId, linesFromCart(cart))) : [];
  const summary: PurchaseSummary = { action: 'Check out cart', environment: ctx.environment, customer, lines, total: totalOf(lines) };
  return confirmAndSend(ctx, summary, { purpose: 'checkout', customerId, call, match: { cartId } });
}

/**
 * `merge`: the document is a change to merge over the subscription as it is now (a
 * `*.subscription.json`). Without it (a generic request) the body is sent as written, and the
 * current subscription is only read to show what changes.
 */
export async function subscriptionFlow(ctx: RunContext, customerId: string, subscriptionId: string, call: HttpCall, merge: boolean): Promise<FlowResult> {
  ctx.progress?.('Reading the current subscription…');
  const read = await exchange(ctx.client, { method: 'GET', path: call.path }, { signal: ctx.signal });
  if (read.outcome !== 'ok' || !isObject(read.responseBody) || !isObject(call.body)) {
    return { exchanges: [read], customerId, orderIds: [], ...outcomeOf(read), ...(read.outcome === 'ok' ? { status: 'blocked' as const, message: 'The subscription or the document is not a JSON object.' } : {}) };
  }
  const current = read.responseBody;
  const { merged, changes } = mergeOver(current, call.body);
  if (changes.length === 0) {
    return { exchanges: [read], customerId, orderIds: [], status: 'blocked', message: `Nothing to send: subscription ${subscriptionId} already has these values.` };
  }
  const body = merge ? merged : call.body;
  const etag = stringProp(current.attributes, 'etag');
  const headers = { ...(call.headers ?? {}), ...(etag && merge ? { 'If-Match': etag } : {}) };
  const line: PurchaseLine = {
    number: 0,
    product: `${stringProp(merged, 'offerName') ?? stringProp(merged, 'friendlyName') ?? 'Subscription'} (${stringProp(merged, 'offerId') ?? subscriptionId})`,
    catalogItemId: stringProp(merged, 'offerId'), quantity: numberProp(merged, 'quantity'),
    termDuration: stringProp(merged, 'termDuration'), billingCycle: stringProp(merged, 'billingCycle'),
  };
  const customer = await customerInfo(ctx, customerId);
  const summary: PurchaseSummary = { action: 'Update subscription', environment: ctx.environment, customer, lines: [line], changes };
  const match = { subscriptionId, changes: changes.map((c) => ({ path: c.path, to: c.to })) };
  return confirmAndSend(ctx, summary, { purpose: 'subscription', customerId, call: { ...call, headers, body }, match }, [read]);
}
