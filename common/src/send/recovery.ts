// Asks the service what became of a journaled purchase, and concludes only from definite answers.
//
// Partner Center keeps the answer to each MS-RequestId: the same call sent again under the same id
// gets the first answer back instead of being performed twice. Where sending again cannot buy
// anything, that is how a send is asked about by its own request id: a checkout of a cart that is
// already ordered, or gone, is re-sent under the journaled id and the service answers with the
// orders the checkout placed (checkout-a-cart.md: a repeated checkout answers the first one's
// result), or with 800065 "already submitted" (the error table's reading, which names no orders),
// or with an error saying the cart is gone: then that id placed nothing. An order cannot be asked about
// that way without possibly placing it, so its re-send is left to the purchase flow, after the
// person confirmed it; here the customer's orders are only looked at, and orders with the same lines
// placed since the send started are reported as `matched`: they may be the send's, or another
// purchase of the same things, and nothing is concluded from them. A subscription is read: holding
// the changed values is definite enough (sending them again changes nothing).
//
// found: the service says the purchase was made. notFound: it was not made; with `gone`, what it
// acted on no longer exists (a resource-specific "not found" code, never a 404 from a listing),
// so it can never complete. matched: see above. unchecked: a generic write the service cannot be
// asked about. unreachable: no definite answer yet.
import { isPartnerCenterError, type Order, type PartnerCenterClient } from '../api';
import { beingSent, type Journal, type JournalEntry, sameEndpoint } from './journal';
import { isObject, prop } from './jsonValues';
import { changesApplied } from './merge';

export type RecoveryOutcome =
  | { state: 'found'; entry: JournalEntry; orderIds: string[]; subscriptionId?: string; message: string }
  | { state: 'matched'; entry: JournalEntry; orderIds: string[]; message: string }
  | { state: 'notFound'; entry: JournalEntry; message: string; gone?: boolean }
  | { state: 'unchecked'; entry: JournalEntry; message: string }
  | { state: 'unreachable'; entry: JournalEntry; message: string };

/** Orders may be stamped slightly before our clock said the send started. */
const CLOCK_SKEW_MS = 2 * 60_000;

/** Partner Center codes that say a specific resource does not exist (reference §6.2, §4.7). */
const SUBSCRIPTION_NOT_FOUND = 20003;
const CART_NOT_FOUND = 800008;
/** "Can't check out an already submitted cart": the error table's answer to a repeated checkout. */
const CART_ALREADY_SUBMITTED = 800065;

/** What checking out an ordered cart again says. Either answer means the cart was bought. */
export type RepeatedCheckout =
  { answer: 'result'; orderIds: string[] } | { answer: 'alreadySubmitted' } | { answer: 'other'; status: number };

/** True for the answer a service that follows the error table gives to a repeated checkout. */
export function isAlreadySubmitted(status: number | undefined, code: unknown): boolean {
  return status === 400 && Number(code) === CART_ALREADY_SUBMITTED;
}

/**
 * Checks out a cart that is ordered (or gone) again, which cannot buy anything, to learn what its
 * checkout placed. `requestId`: the journaled id of the checkout being asked about, if any.
 */
export async function checkOutAgain(
  client: PartnerCenterClient,
  path: string,
  ids: { requestId?: string; correlationId?: string; signal?: AbortSignal },
): Promise<RepeatedCheckout> {
  const probe = await client.request({ method: 'POST', path, ...ids });
  if (probe.status >= 200 && probe.status < 300) {
    const orders = prop(probe.body, 'orders');
    return {
      answer: 'result',
      orderIds: Array.isArray(orders)
        ? orders.map((o) => prop(o, 'id')).filter((id): id is string => typeof id === 'string')
        : [],
    };
  }
  if (isAlreadySubmitted(probe.status, prop(probe.body, 'code'))) return { answer: 'alreadySubmitted' };
  return { answer: 'other', status: probe.status };
}

export async function checkEntry(
  client: PartnerCenterClient,
  entry: JournalEntry,
  signal?: AbortSignal,
): Promise<RecoveryOutcome> {
  try {
    switch (entry.purpose) {
      case 'order':
        return await checkOrder(client, entry, signal);
      case 'checkout':
        return await checkCheckout(client, entry, signal);
      case 'subscription':
        return await checkSubscription(client, entry, signal);
      case 'request':
        return {
          state: 'unchecked',
          entry,
          message: `${entry.method} ${entry.path} is not a call Partner Center can be asked about; it is only sent again under its own request id, which the service de-duplicates.`,
        };
    }
  } catch (err) {
    return {
      state: 'unreachable',
      entry,
      message: `Could not ask Partner Center about the interrupted send (${err instanceof Error ? err.message : String(err)}).`,
    };
  }
}

function notFoundCode(err: unknown, code: number): boolean {
  return isPartnerCenterError(err) && err.status === 404 && Number(err.code) === code;
}

async function checkOrder(client: PartnerCenterClient, entry: JournalEntry, signal?: AbortSignal): Promise<RecoveryOutcome> {
  const orders = await client.orders.list(entry.customerId, { signal, correlationId: entry.correlationId });
  const same = placedSince(orders, entry).filter((o) => sameLines(o, entry.match.lines ?? []));
  if (same.length > 0) {
    const listed = same.map((o) => `${String(o.id)} (placed ${String(o.creationDate)})`).join(', ');
    return {
      state: 'matched',
      entry,
      orderIds: same.map((o) => String(o.id)),
      message: `Order(s) with the same lines were placed since it started: ${listed}. They may be that send's, or another purchase of the same items.`,
    };
  }
  return { state: 'notFound', entry, message: 'no order with its lines was placed since it started.' };
}

async function checkCheckout(client: PartnerCenterClient, entry: JournalEntry, signal?: AbortSignal): Promise<RecoveryOutcome> {
  const cartId = String(entry.match.cartId);
  let status: string | undefined;
  try {
    status =
      (await client.carts.get(entry.customerId, cartId, { signal, correlationId: entry.correlationId })).status?.toLowerCase() ??
      '';
  } catch (err) {
    if (!notFoundCode(err, CART_NOT_FOUND)) throw err;
  }
  if (status !== undefined && status !== 'ordered') {
    return { state: 'notFound', entry, message: `Cart ${cartId} was not checked out; it can be checked out again safely.` };
  }
  // The cart is ordered or gone, so checking it out cannot buy anything: ask with the journaled id.
  const again = await checkOutAgain(client, entry.path, {
    requestId: entry.requestId,
    correlationId: entry.correlationId,
    signal,
  });
  if (again.answer === 'result') {
    const ids = again.orderIds;
    return {
      state: 'found',
      entry,
      orderIds: ids,
      message: `Cart ${cartId} was checked out${ids.length ? `: order ${ids.join(', ')}` : ''}.`,
    };
  }
  if (again.answer === 'alreadySubmitted' || (status === 'ordered' && again.status >= 400 && again.status < 500)) {
    return {
      state: 'found',
      entry,
      orderIds: [],
      message: `Cart ${cartId} was checked out; Partner Center did not repeat what the checkout placed, so its orders are not known here (see the customer's orders).`,
    };
  }
  if (again.status >= 400 && again.status < 500) {
    return {
      state: 'notFound',
      gone: true,
      entry,
      message: `Cart ${cartId} no longer exists and Partner Center has no checkout under that send's request id: it bought nothing, and cannot any more.`,
    };
  }
  return {
    state: 'unreachable',
    entry,
    message: `Could not ask Partner Center about the interrupted checkout (it answered ${again.status}).`,
  };
}

async function checkSubscription(
  client: PartnerCenterClient,
  entry: JournalEntry,
  signal?: AbortSignal,
): Promise<RecoveryOutcome> {
  const id = String(entry.match.subscriptionId);
  let current: unknown;
  try {
    current = await client.subscriptions.get(entry.customerId, id, { signal });
  } catch (err) {
    if (!notFoundCode(err, SUBSCRIPTION_NOT_FOUND)) throw err;
    return {
      state: 'notFound',
      gone: true,
      entry,
      message: `Subscription ${id} no longer exists in this Partner Center environment, so the interrupted update left nothing behind.`,
    };
  }
  const changes = (entry.match.changes ?? []).map((c) => ({ ...c, from: undefined }));
  if (isObject(current) && changesApplied(current, changes)) {
    return {
      state: 'found',
      entry,
      orderIds: [],
      subscriptionId: id,
      message: `The interrupted update of subscription ${id} was applied.`,
    };
  }
  return {
    state: 'notFound',
    entry,
    message: `The interrupted update of subscription ${id} was not applied; it can be sent again safely.`,
  };
}

function placedSince(orders: Order[], entry: JournalEntry): Order[] {
  const since = Date.parse(entry.startedAt) - CLOCK_SKEW_MS;
  return orders
    .filter((o) => o.id && o.creationDate && Date.parse(o.creationDate) >= since)
    .sort((a, b) => Date.parse(String(a.creationDate)) - Date.parse(String(b.creationDate)));
}

/** Same catalog items with the same quantities, in any order. */
function sameLines(order: Order, lines: readonly { item: string; quantity: number }[]): boolean {
  if (lines.length === 0 || order.lineItems.length !== lines.length) return false;
  const key = (item: string, quantity: number) => `${item.toLowerCase()}×${quantity}`;
  const want = lines.map((l) => key(l.item, l.quantity)).sort();
  const have = order.lineItems.map((l) => key(l.offerId, l.quantity)).sort();
  return want.every((k, i) => k === have[i]);
}

/**
 * Checks every unsettled send of this endpoint that no run is sending now. Only definite answers
 * settle an entry (found, or its resource gone); orders merely matched by their lines stay open
 * until the purchase is run again and the service answers for its request id.
 */
export async function recoverAll(
  client: PartnerCenterClient,
  journal: Journal,
  signal?: AbortSignal,
): Promise<RecoveryOutcome[]> {
  const entries = await journal.unsettled((e) => sameEndpoint(e.endpoint, client.endpoint) && !beingSent(e));
  const outcomes: RecoveryOutcome[] = [];
  for (const entry of entries) {
    const outcome = await checkEntry(client, entry, signal);
    if (outcome.state === 'found' || (outcome.state === 'notFound' && outcome.gone)) await journal.settle(entry.requestId);
    outcomes.push(outcome);
  }
  return outcomes;
}
