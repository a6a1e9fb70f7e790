// One flow per kind of purchase: an order (confirm, send once), a cart (create, preview, confirm,
// check out once), a subscription update (read, merge, confirm, patch once) and any other write
// under a customer (confirm, send once). Each builds the confirmation from what will really be
// sent, and none sends money without `confirmPurchase`.
import { type Cart, type Order } from '../api';
import { type RequestKind } from '../requestKinds';
import { exchange, type Exchange, type HttpCall } from './exchange';
import { isObject, numberProp, stringProp } from './jsonValues';
import { mergeOver } from './merge';
import { fillPath } from './pathTemplate';
import { type PurchaseLine, linesFromCart, linesFromDocument, type PurchaseSummary, totalOf } from './purchase';
import { checkEarlierSends, type EarlierSends, sendPurchase, type PurchaseRequest } from './purchaseStep';
import { checkOutAgain, isAlreadySubmitted } from './recovery';
import { type RunContext, type RunResult } from './runTypes';
import { customerInfo, productNames } from './lookups';

type FlowResult = Omit<RunResult, 'recovered'> & { recovered?: RunResult['recovered'] };

/** What earlier sends decide on their own: the purchase was already made, or cannot be checked. */
function earlierDecides(earlier: EarlierSends, base: Omit<FlowResult, 'status' | 'message' | 'orderIds'>): FlowResult | undefined {
  if (earlier.alreadyDone) {
    return { ...base, recovered: earlier.recovered, status: 'alreadyDone', orderIds: earlier.alreadyDone.orderIds, message: `${earlier.alreadyDone.message} It was not sent again.` };
  }
  if (earlier.blocked) return { ...base, recovered: earlier.recovered, status: 'blocked', orderIds: [], message: earlier.blocked };
  return undefined;
}

/**
 * Confirms and sends one purchase call. Earlier interrupted sends are checked here unless the
 * flow already did (a cart checks them before it creates a new cart).
 */
async function confirmAndSend(ctx: RunContext, summary: PurchaseSummary, req: PurchaseRequest, before: Exchange[] = [], checked?: EarlierSends): Promise<FlowResult> {
  const earlier = checked ?? await checkEarlierSends(ctx, req.customerId, req.identity ?? req.call);
  const base = { exchanges: before, customerId: req.customerId, summary, recovered: earlier.recovered };
  const decided = earlierDecides(earlier, base);
  if (decided) return decided;
  const warnings = [...(summary.warnings ?? []), ...earlier.warnings];
  const confirmed = await ctx.prompts.confirmPurchase({ ...summary, ...(warnings.length ? { warnings } : {}) });
  if (!confirmed) return { ...base, status: 'declined', orderIds: [], message: 'Not sent: the purchase was not confirmed.' };
  ctx.progress?.(`${summary.action}…`);
  const sent = await sendPurchase(ctx, { ...req, requestId: earlier.reuse?.requestId, checkedAt: earlier.checkedAt });
  if ('busyWith' in sent) {
    return { ...base, status: 'blocked', orderIds: [],
      message: `Not sent: this purchase is already being sent, or was sent while this confirmation was open, by another run (started ${sent.busyWith.startedAt}, request id ${sent.busyWith.requestId}). Check its result; run the document again to buy once more.` };
  }
  const e = sent.exchange;
  if (req.purpose === 'checkout' && e.outcome === 'failed' && isAlreadySubmitted(e.status, e.error?.code)) {
    // A service that follows the error table answers a repeated checkout so, even one repeated
    // after an attempt whose answer was lost: the cart is bought, by this send or before it.
    return { ...base, exchanges: [...before, e], orderIds: [], status: 'alreadyDone',
      message: `Partner Center answered that cart ${String(req.match.cartId)} had already been checked out (800065), by an attempt of this send whose answer was lost or before it. Nothing more was bought; its orders are in the customer's order list.` };
  }
  const orderIds = orderIdsOf(e.responseBody);
  const replayed = e.outcome === 'ok' && orderIds.length > 0 && orderIds.every((id) => earlier.candidates?.includes(id));
  if (replayed) {
    // The service answered the interrupted send's request id with an order that existed before this run: it was that send's.
    return { ...base, exchanges: [...before, e], orderIds, status: 'alreadyDone',
      message: `The interrupted order was placed: order ${orderIds.join(', ')}. Partner Center answered its request id with it, so nothing new was bought.` };
  }
  return { ...base, exchanges: [...before, e], ...outcomeOf(e, true), orderIds };
}

/** `journaled`: the call is a purchase kept in the journal until its outcome is known (others are not). */
export function outcomeOf(e: Exchange, journaled = false): Pick<RunResult, 'status' | 'message'> {
  const read = e.call.method === 'GET';
  switch (e.outcome) {
    case 'ok': return { status: 'done', message: `${e.call.method} ${e.call.path} → ${e.status}` };
    case 'failed': return { status: 'failed', message: e.error?.message ?? `Partner Center answered ${e.status}.` };
    case 'cancelled': return { status: 'cancelled', message: journaled ? 'Cancelled. If the request had reached Partner Center it may have been applied; it is checked before this is sent again.'
      : read ? 'Cancelled.' : 'Cancelled. If the request had reached Partner Center it may have been applied.' };
    case 'unknown': return { status: 'unknown', message: `No definite answer (${e.error?.message ?? 'outcome unknown'}).${journaled ? ' The send is journaled and Partner Center is asked about it before anything is sent again.'
      : read ? '' : ' The change may or may not have been applied.'}` };
  }
}

function orderIdsOf(body: unknown): string[] {
  if (!isObject(body)) return [];
  if (Array.isArray(body.orders)) return (body.orders as Order[]).map((o) => String(o.id)).filter((id) => id !== 'undefined');
  return typeof body.id === 'string' && stringProp(body, 'billingCycle') !== undefined && Array.isArray(body.lineItems) ? [body.id] : [];
}

const lineMatch = (lines: readonly PurchaseLine[]) => lines.filter((l) => l.catalogItemId).map((l) => ({ item: String(l.catalogItemId), quantity: l.quantity ?? 0 }));

export async function orderFlow(ctx: RunContext, target: RequestKind, customerId: string, call: HttpCall): Promise<FlowResult> {
  const customer = await customerInfo(ctx, customerId);
  const lines = linesFromDocument(target, call.body);
  const names = await productNames(ctx, customerId, lines);
  const named = linesFromDocument(target, call.body, names);
  const summary: PurchaseSummary = { action: 'Place order', environment: ctx.environment, customer, lines: named };
  return confirmAndSend(ctx, summary, { purpose: 'order', customerId, call, match: { lines: lineMatch(lines) } });
}

/**
 * A cart document: earlier sends of it are looked at first. Made already: nothing more. Interrupted
 * and not made: the SAME cart is checked out again under the same request id. Otherwise a new cart
 * is created, previewed with the service's prices, confirmed and checked out. The checkout is
 * journaled under the creation call, so a re-run of the document recognises it.
 */
export async function cartFlow(ctx: RunContext, kind: RequestKind, customerId: string, call: HttpCall): Promise<FlowResult> {
  const earlier = await checkEarlierSends(ctx, customerId, call);
  const decided = earlierDecides(earlier, { exchanges: [], customerId });
  if (decided) return decided;
  const journaled = earlier.reuse;
  ctx.progress?.(journaled ? 'Reading the cart of the interrupted checkout…' : 'Creating the cart…');
  const cartCall: HttpCall = journaled ? { method: 'GET', path: journaled.path.replace(/\/checkout$/i, '') } : call;
  const got = await exchange(ctx.client, cartCall, { signal: ctx.signal, maxAttempts: ctx.retry?.maxAttempts, baseDelayMs: ctx.retry?.baseDelayMs });
  if (got.outcome !== 'ok' || !isObject(got.responseBody)) {
    return { exchanges: [got], customerId, orderIds: [], recovered: earlier.recovered, ...outcomeOf(got) };
  }
  const cart = got.responseBody as unknown as Cart;
  const customer = await customerInfo(ctx, customerId);
  const names = await productNames(ctx, customerId, linesFromCart(cart));
  const lines = linesFromCart(cart, names);
  const summary: PurchaseSummary = { action: 'Check out cart', environment: ctx.environment, customer, lines, total: totalOf(lines) };
  await ctx.prompts.showCartPreview?.(summary, cart, got);
  const base = { exchanges: [got], customerId, orderIds: [], summary, recovered: earlier.recovered };
  const broken = lines.filter((l) => l.error);
  if (broken.length > 0) {
    return { ...base, status: 'failed',
      message: `Cart ${cart.id} ${journaled ? 'was read' : 'was created'}, but ${broken.length} line(s) have errors (${broken.map((l) => `line ${l.number}: ${l.error}`).join('; ')}). Fix the document and send it again; checkout was not offered.` };
  }
  const checkout = kind.send.checkout;
  if (!checkout || !cart.id) return { ...base, ...outcomeOf(got) };
  const path = journaled?.path ?? fillPath(checkout.pathTemplate, { customerId, cartId: cart.id });
  return confirmAndSend(ctx, summary, { purpose: 'checkout', customerId, call: { method: 'POST', path }, identity: call, match: { cartId: cart.id, lines: lineMatch(lines) } }, [got], earlier);
}

/**
 * A generic request to a checkout path: the cart is read first so the confirmation can list its
 * lines. A cart already ordered is not confirmed or journaled: checking it out again buys nothing,
 * so it is only asked what its checkout placed.
 */
export async function checkoutFlow(ctx: RunContext, customerId: string, cartId: string, call: HttpCall): Promise<FlowResult> {
  const cart = await ctx.client.carts.get(customerId, cartId, { signal: ctx.signal }).catch(() => undefined);
  if (cart?.status?.toLowerCase() === 'ordered') return orderedCart(ctx, customerId, cartId, call);
  const customer = await customerInfo(ctx, customerId);
  const lines = cart ? linesFromCart(cart, await productNames(ctx, customerId, linesFromCart(cart))) : [];
  const summary: PurchaseSummary = { action: 'Check out cart', environment: ctx.environment, customer, lines, total: totalOf(lines) };
  return confirmAndSend(ctx, summary, { purpose: 'checkout', customerId, call, match: { cartId, lines: lineMatch(lines) } });
}

async function orderedCart(ctx: RunContext, customerId: string, cartId: string, call: HttpCall): Promise<FlowResult> {
  const base = { exchanges: [], customerId };
  const again = await checkOutAgain(ctx.client, call.path, { signal: ctx.signal });
  if (again.answer === 'result') {
    return { ...base, status: 'alreadyDone', orderIds: again.orderIds,
      message: `Cart ${cartId} was already checked out${again.orderIds.length ? `: order ${again.orderIds.join(', ')}` : ''}. Partner Center repeated that checkout's result; nothing more was bought.` };
  }
  if (again.answer === 'alreadySubmitted') {
    return { ...base, status: 'alreadyDone', orderIds: [], message: `Cart ${cartId} was already checked out (800065); nothing more was bought. Its orders are in the customer's order list.` };
  }
  return { ...base, status: 'failed', orderIds: [], message: `Cart ${cartId} was already checked out, and Partner Center answered ${again.status} when asked what its checkout placed.` };
}

/**
 * A subscription update, from a `*.subscription.json` or a generic PATCH alike: the service resets
 * what a PATCH leaves out (reference §3.3), so the document is always merged over the subscription
 * as it is now, and the confirmation lists what changes.
 */
export async function subscriptionFlow(ctx: RunContext, customerId: string, subscriptionId: string, call: HttpCall): Promise<FlowResult> {
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
  const etag = stringProp(current.attributes, 'etag');
  const headers = { ...(call.headers ?? {}), ...(etag ? { 'If-Match': etag } : {}) };
  const line: PurchaseLine = {
    number: 0,
    product: `${stringProp(merged, 'offerName') ?? stringProp(merged, 'friendlyName') ?? 'Subscription'} (${stringProp(merged, 'offerId') ?? subscriptionId})`,
    catalogItemId: stringProp(merged, 'offerId'), quantity: numberProp(merged, 'quantity'),
    termDuration: stringProp(merged, 'termDuration'), billingCycle: stringProp(merged, 'billingCycle'),
  };
  const customer = await customerInfo(ctx, customerId);
  const summary: PurchaseSummary = { action: 'Update subscription', environment: ctx.environment, customer, lines: [line], changes };
  const match = { subscriptionId, changes: changes.map((c) => ({ path: c.path, to: c.to })) };
  // Identified by the document's change, not the merged body: that one carries the current etag.
  return confirmAndSend(ctx, summary, { purpose: 'subscription', customerId, call: { ...call, headers, body: merged }, identity: call, match }, [read]);
}

/**
 * Any other write under a customer (a transition, an upgrade, a legacy add-on by PATCH order...):
 * it may spend money, so it is confirmed with what is sent and sent exactly once like the rest.
 */
export async function requestFlow(ctx: RunContext, customerId: string, call: HttpCall): Promise<FlowResult> {
  const customer = await customerInfo(ctx, customerId);
  const summary: PurchaseSummary = {
    action: `Send ${call.method} request`, environment: ctx.environment, customer, lines: [],
    request: { method: call.method, path: call.path, body: call.body },
    warnings: ['This write is not one Partner Center can be asked about afterwards; like any write under a customer, it is treated as a purchase.'],
  };
  return confirmAndSend(ctx, summary, { purpose: 'request', customerId, call, match: {} });
}
