// The part every purchase flow shares: earlier interrupted sends decide first, then the person
// confirms, then the call is sent exactly once and its answer read (a repeated checkout, an order
// the service answered an interrupted send's request id with). Also how an exchange reads as a result.
import { type Order } from '../api';
import { type RequestKind } from '../requestKinds';
import { type Exchange, type HttpCall } from './exchange';
import { isObject, stringProp } from './jsonValues';
import { type PurchaseLine, type PurchaseSummary } from './purchase';
import { checkEarlierSends, type EarlierSends, sendPurchase, type PurchaseRequest } from './purchaseStep';
import { isAlreadySubmitted } from './recovery';
import { type RunContext, type RunResult } from './runTypes';

export type FlowResult = Omit<RunResult, 'recovered'> & { recovered?: RunResult['recovered'] };

/** What a flow is given: the call as it will be sent, for a customer, with the values read from its path. */
export interface FlowInput {
  /** The kind whose rules the call follows. */
  kind: RequestKind;
  customerId: string;
  call: HttpCall;
  /** Path placeholder values (`cartId`, `subscriptionId`...). */
  values: Record<string, string>;
}

/** What earlier sends decide on their own: the purchase was already made, or cannot be checked. */
export function earlierDecides(
  earlier: EarlierSends,
  base: Omit<FlowResult, 'status' | 'message' | 'orderIds'>,
): FlowResult | undefined {
  if (earlier.alreadyDone) {
    return {
      ...base,
      recovered: earlier.recovered,
      status: 'alreadyDone',
      orderIds: earlier.alreadyDone.orderIds,
      message: `${earlier.alreadyDone.message} It was not sent again.`,
    };
  }
  if (earlier.blocked) {
    return { ...base, recovered: earlier.recovered, status: 'blocked', orderIds: [], message: earlier.blocked };
  }
  return undefined;
}

/**
 * Confirms and sends one purchase call. Earlier interrupted sends are checked here unless the
 * flow already did (a cart checks them before it creates a new cart).
 */
export async function confirmAndSend(
  ctx: RunContext,
  summary: PurchaseSummary,
  req: PurchaseRequest,
  before: Exchange[] = [],
  checked?: EarlierSends,
): Promise<FlowResult> {
  const earlier = checked ?? (await checkEarlierSends(ctx, req.customerId, req.identity ?? req.call));
  const base = { exchanges: before, customerId: req.customerId, summary, recovered: earlier.recovered };
  const decided = earlierDecides(earlier, base);
  if (decided) return decided;
  const warnings = [...(summary.warnings ?? []), ...earlier.warnings];
  const confirmed = await ctx.prompts.confirmPurchase({ ...summary, ...(warnings.length ? { warnings } : {}) });
  if (!confirmed) {
    return { ...base, status: 'declined', orderIds: [], message: `Not sent: "${summary.action}" was not confirmed.` };
  }
  ctx.progress?.(`${summary.action}…`);
  const sent = await sendPurchase(ctx, { ...req, requestId: earlier.reuse?.requestId, checkedAt: earlier.checkedAt });
  if ('busyWith' in sent) {
    return {
      ...base,
      status: 'blocked',
      orderIds: [],
      message: `Not sent: this purchase is already being sent, or was sent while this confirmation was open, by another run (started ${sent.busyWith.startedAt}, request id ${sent.busyWith.requestId}). Check its result; run the document again to buy once more.`,
    };
  }
  const e = sent.exchange;
  if (req.purpose === 'checkout' && e.outcome === 'failed' && isAlreadySubmitted(e.status, e.error?.code)) {
    // A service that follows the error table answers a repeated checkout so, even one repeated
    // after an attempt whose answer was lost: the cart is bought, by this send or before it.
    return {
      ...base,
      exchanges: [...before, e],
      orderIds: [],
      status: 'alreadyDone',
      message: `Partner Center answered that cart ${String(req.match.cartId)} had already been checked out (800065), by an attempt of this send whose answer was lost or before it. Nothing more was bought; its orders are in the customer's order list.`,
    };
  }
  const orderIds = orderIdsOf(e.responseBody);
  const replayed = e.outcome === 'ok' && orderIds.length > 0 && orderIds.every((id) => earlier.candidates?.includes(id));
  if (replayed) {
    // The service answered the interrupted send's request id with an order that existed before this run: it was that send's.
    return {
      ...base,
      exchanges: [...before, e],
      orderIds,
      status: 'alreadyDone',
      message: `The interrupted order was placed: order ${orderIds.join(', ')}. Partner Center answered its request id with it, so nothing new was bought.`,
    };
  }
  return { ...base, exchanges: [...before, e], ...outcomeOf(e, true), orderIds };
}

/** `journaled`: the call is a purchase kept in the journal until its outcome is known (others are not). */
export function outcomeOf(e: Exchange, journaled = false): Pick<RunResult, 'status' | 'message'> {
  const read = e.call.method === 'GET';
  switch (e.outcome) {
    case 'ok':
      return { status: 'done', message: `${e.call.method} ${e.call.path} → ${e.status}` };
    case 'failed':
      return { status: 'failed', message: failureMessage(e) };
    case 'cancelled':
      return {
        status: 'cancelled',
        message: journaled
          ? 'Cancelled. If the request had reached Partner Center it may have been applied; it is checked before this is sent again.'
          : read
            ? 'Cancelled.'
            : 'Cancelled. If the request had reached Partner Center it may have been applied.',
      };
    case 'unknown':
      return {
        status: 'unknown',
        message: `No definite answer (${e.error?.message ?? 'outcome unknown'}).${
          journaled
            ? ' The send is journaled and Partner Center is asked about it before anything is sent again.'
            : read
              ? ''
              : ' The change may or may not have been applied.'
        }`,
      };
  }
}

/** A definite answer is quoted; no answer at all says what it did not do (issue 12, bug 6). */
function failureMessage(e: Exchange): string {
  if (e.status !== undefined) return e.error?.message ?? `Partner Center answered ${e.status}.`;
  const why = e.error?.message ?? 'no answer';
  if (e.error?.nothingSent) return `Nothing was sent: no connection could be made, so the request never left. ${why}`;
  return `No answer, and nothing changed: ${e.call.method} only reads. ${why}`;
}

function orderIdsOf(body: unknown): string[] {
  if (!isObject(body)) return [];
  if (Array.isArray(body.orders)) return (body.orders as Order[]).map((o) => String(o.id)).filter((id) => id !== 'undefined');
  return typeof body.id === 'string' && stringProp(body, 'billingCycle') !== undefined && Array.isArray(body.lineItems)
    ? [body.id]
    : [];
}

export const lineMatch = (lines: readonly PurchaseLine[]) =>
  lines.filter((l) => l.catalogItemId).map((l) => ({ item: String(l.catalogItemId), quantity: l.quantity ?? 0 }));
