// One flow per kind of purchase (see SendFlow in the request-kinds table): an order (confirm, send
// once), a subscription update (read, merge, confirm, patch once), any other write under a customer
// (confirm, send once), and calls that spend nothing (sent as written). The cart flows are in
// cartFlows.ts. Each builds the confirmation from what will really be sent, and none sends money
// without `confirmPurchase`.
import { readCurrent } from './currentResource';
import { exchange, type HttpCall } from './exchange';
import { isObject } from './jsonValues';
import { customerInfo, productNames } from './lookups';
import { linesFromDocument, type PurchaseSummary } from './purchase';
import { confirmAndSend, type FlowInput, type FlowResult, lineMatch, outcomeOf } from './purchaseFlow';
import { type RunContext } from './runTypes';
import { proposeSubscriptionUpdate, sendSubscriptionUpdate } from './subscriptionUpdate';

export async function orderFlow(ctx: RunContext, { kind: target, customerId, call }: FlowInput): Promise<FlowResult> {
  const customer = await customerInfo(ctx, customerId);
  const lines = linesFromDocument(target, call.body);
  const names = await productNames(ctx, customerId, lines);
  const named = linesFromDocument(target, call.body, names);
  const summary: PurchaseSummary = { action: 'Place order', environment: ctx.environment, customer, lines: named };
  return confirmAndSend(ctx, summary, { purpose: 'order', customerId, call, match: { lines: lineMatch(lines) } });
}

/**
 * A subscription update, from a `*.subscription.json` or a generic PATCH alike: the service resets
 * what a PATCH leaves out (reference §3.3), so the document is always merged over the subscription
 * as it is now (subscriptionUpdate.ts, the path the explorer's lifecycle actions take too), and the
 * confirmation lists what changes.
 */
export async function subscriptionFlow(ctx: RunContext, { customerId, call, values }: FlowInput): Promise<FlowResult> {
  const subscriptionId = values.subscriptionId;
  ctx.progress?.('Reading the current subscription…');
  const change = isObject(call.body) ? call.body : undefined;
  const { read, proposal } = change
    ? await proposeSubscriptionUpdate(ctx, { customerId, subscriptionId, path: call.path }, change)
    : { ...(await readCurrent(ctx, call.path)), proposal: undefined };
  if (!proposal) {
    return {
      exchanges: [read],
      customerId,
      orderIds: [],
      ...outcomeOf(read),
      ...(read.outcome === 'ok'
        ? { status: 'blocked' as const, message: 'The subscription or the document is not a JSON object.' }
        : {}),
    };
  }
  if (proposal.changes.length === 0) {
    return {
      exchanges: [read],
      customerId,
      orderIds: [],
      status: 'blocked',
      message: `Nothing to send: subscription ${subscriptionId} already has these values.`,
    };
  }
  return sendSubscriptionUpdate(ctx, proposal, { action: 'Update subscription', headers: call.headers });
}

/**
 * Any other write under a customer (a transition, an upgrade, a legacy add-on by PATCH order...):
 * it may spend money, so it is confirmed with what is sent and sent exactly once like the rest.
 */
export async function requestFlow(ctx: RunContext, { customerId, call }: FlowInput): Promise<FlowResult> {
  const customer = await customerInfo(ctx, customerId);
  const summary: PurchaseSummary = {
    action: `Send ${call.method} request`,
    environment: ctx.environment,
    customer,
    lines: [],
    request: { method: call.method, path: call.path, body: call.body },
    warnings: [
      'This write is not one Partner Center can be asked about afterwards; like any write under a customer, it is treated as a purchase.',
    ],
  };
  return confirmAndSend(ctx, summary, { purpose: 'request', customerId, call, match: {} });
}

/** Reads, and writes that spend nothing: sent as written (a write still keeps one request id across retries). */
export async function asWrittenFlow(ctx: RunContext, call: HttpCall, customerId: string | undefined): Promise<FlowResult> {
  ctx.progress?.(`${call.method} ${call.path}…`);
  const e = await exchange(ctx.client, call, {
    signal: ctx.signal,
    maxAttempts: ctx.retry?.maxAttempts,
    baseDelayMs: ctx.retry?.baseDelayMs,
  });
  return { exchanges: [e], customerId, orderIds: [], ...outcomeOf(e) };
}
