// The cart flows: a cart document is created, previewed with the service's prices and checked out
// in a second confirmed step; a generic request to a checkout path reads the cart first, so the
// confirmation lists what it buys. Either checkout is sent exactly once.
import { type Cart } from '../api';
import { readCurrent } from './currentResource';
import { exchange, type HttpCall } from './exchange';
import { isObject } from './jsonValues';
import { customerInfo, productNames } from './lookups';
import { fillPath } from './pathTemplate';
import { linesFromCart, type PurchaseSummary, totalOf } from './purchase';
import { checkEarlierSends } from './purchaseStep';
import { confirmAndSend, earlierDecides, type FlowInput, type FlowResult, lineMatch, outcomeOf } from './purchaseFlow';
import { checkOutAgain } from './recovery';
import { type RunContext } from './runTypes';

/**
 * A cart document: earlier sends of it are looked at first. Made already: nothing more. Interrupted
 * and not made: the SAME cart is checked out again under the same request id. Otherwise a new cart
 * is created, previewed with the service's prices, confirmed and checked out. The checkout is
 * journaled under the creation call, so a re-run of the document recognises it.
 */
export async function cartFlow(ctx: RunContext, { kind, customerId, call }: FlowInput): Promise<FlowResult> {
  const earlier = await checkEarlierSends(ctx, customerId, call);
  const decided = earlierDecides(earlier, { exchanges: [], customerId });
  if (decided) return decided;
  const journaled = earlier.reuse;
  ctx.progress?.(journaled ? 'Reading the cart of the interrupted checkout…' : 'Creating the cart…');
  const got = journaled
    ? (await readCurrent(ctx, journaled.path.replace(/\/checkout$/i, ''))).read
    : await exchange(ctx.client, call, {
        signal: ctx.signal,
        maxAttempts: ctx.retry?.maxAttempts,
        baseDelayMs: ctx.retry?.baseDelayMs,
      });
  if (got.outcome !== 'ok' || !isObject(got.responseBody)) {
    return { exchanges: [got], customerId, orderIds: [], recovered: earlier.recovered, ...outcomeOf(got) };
  }
  const cart = got.responseBody as unknown as Cart;
  const summary = await checkoutSummary(ctx, customerId, cart);
  const { lines } = summary;
  await ctx.prompts.showCartPreview?.(summary, cart, got);
  const base = { exchanges: [got], customerId, orderIds: [], summary, recovered: earlier.recovered };
  const broken = lines.filter((l) => l.error);
  if (broken.length > 0) {
    return {
      ...base,
      status: 'failed',
      message: `Cart ${cart.id} ${journaled ? 'was read' : 'was created'}, but ${broken.length} line(s) have errors (${broken.map((l) => `line ${l.number}: ${l.error}`).join('; ')}). Fix the document and send it again; checkout was not offered.`,
    };
  }
  const checkout = kind.send.checkout;
  if (!checkout || !cart.id) return { ...base, ...outcomeOf(got) };
  const path = journaled?.path ?? fillPath(checkout.pathTemplate, { customerId, cartId: cart.id });
  return confirmAndSend(
    ctx,
    summary,
    {
      purpose: 'checkout',
      customerId,
      call: { method: 'POST', path },
      identity: call,
      match: { cartId: cart.id, lines: lineMatch(lines) },
    },
    [got],
    earlier,
  );
}

/**
 * A generic request to a checkout path: the cart is read first so the confirmation can list its
 * lines. A cart already ordered is not confirmed or journaled: checking it out again buys nothing,
 * so it is only asked what its checkout placed.
 */
export async function checkoutFlow(ctx: RunContext, { customerId, call, values }: FlowInput): Promise<FlowResult> {
  const cartId = values.cartId;
  // A cart that cannot be read is not checked out: the confirmation could not say what it buys.
  const { read, resource } = await readCurrent(ctx, call.path.replace(/\/checkout(?=$|\?)/i, ''));
  if (!resource) return { exchanges: [read], customerId, orderIds: [], ...outcomeOf(read) };
  const cart = resource as unknown as Cart;
  if (cart.status?.toLowerCase() === 'ordered') return orderedCart(ctx, customerId, cartId, call);
  const summary = await checkoutSummary(ctx, customerId, cart);
  return confirmAndSend(ctx, summary, {
    purpose: 'checkout',
    customerId,
    call,
    match: { cartId, lines: lineMatch(summary.lines) },
  });
}

/** What checking the cart out buys, with the customer's and the products' names, for the confirmation. */
async function checkoutSummary(ctx: RunContext, customerId: string, cart: Cart): Promise<PurchaseSummary> {
  const customer = await customerInfo(ctx, customerId);
  const lines = linesFromCart(cart, await productNames(ctx, customerId, linesFromCart(cart)));
  return { action: 'Check out cart', environment: ctx.environment, customer, lines, total: totalOf(lines) };
}

async function orderedCart(ctx: RunContext, customerId: string, cartId: string, call: HttpCall): Promise<FlowResult> {
  const base = { exchanges: [], customerId };
  const again = await checkOutAgain(ctx.client, call.path, { signal: ctx.signal });
  if (again.answer === 'result') {
    return {
      ...base,
      status: 'alreadyDone',
      orderIds: again.orderIds,
      message: `Cart ${cartId} was already checked out${again.orderIds.length ? `: order ${again.orderIds.join(', ')}` : ''}. Partner Center repeated that checkout's result; nothing more was bought.`,
    };
  }
  if (again.answer === 'alreadySubmitted') {
    return {
      ...base,
      status: 'alreadyDone',
      orderIds: [],
      message: `Cart ${cartId} was already checked out (800065); nothing more was bought. Its orders are in the customer's order list.`,
    };
  }
  return {
    ...base,
    status: 'failed',
    orderIds: [],
    message: `Cart ${cartId} was already checked out, and Partner Center answered ${again.status} when asked what its checkout placed.`,
  };
}
