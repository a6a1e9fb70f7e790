// Asks the service what became of a journaled purchase. Partner Center cannot be asked "which
// order had request id X", so each purpose is checked by what it would have created: an order with
// the same lines placed after the send started; a cart whose status became Ordered (or, when the
// cart is gone, an order with its lines); a subscription that already holds the changed values.
// "Not found" means it is safe to send (with the same request id, which the service also
// de-duplicates); with `gone`, what the send acted on no longer exists, so the entry can never
// complete and is dropped. "Unchecked": a generic write the service cannot be asked about; it is
// only ever re-sent under its own request id. "Unreachable" means we cannot know yet.
import { isPartnerCenterError, type Order, type PartnerCenterClient } from '../api';
import { type JournalEntry } from './journal';
import { changesApplied } from './merge';
import { isObject } from './jsonValues';

export type RecoveryOutcome =
  | { state: 'found'; entry: JournalEntry; orderIds: string[]; subscriptionId?: string; message: string }
  | { state: 'notFound'; entry: JournalEntry; message: string; gone?: boolean }
  | { state: 'unchecked'; entry: JournalEntry; message: string }
  | { state: 'unreachable'; entry: JournalEntry; message: string };

/** Orders may be stamped slightly before our clock said the send started. */
const CLOCK_SKEW_MS = 2 * 60_000;

export async function checkEntry(client: PartnerCenterClient, entry: JournalEntry, signal?: AbortSignal): Promise<RecoveryOutcome> {
  try {
    switch (entry.purpose) {
      case 'order':
        return await checkOrder(client, entry, signal);
      case 'checkout':
        return await checkCheckout(client, entry, signal);
      case 'subscription':
        return await checkSubscription(client, entry, signal);
      case 'request':
        return { state: 'unchecked', entry, message: `${entry.method} ${entry.path} is not a call Partner Center can be asked about; it is only sent again under its own request id, which the service de-duplicates.` };
    }
  } catch (err) {
    if (isPartnerCenterError(err) && err.status === 404) return notFoundAnswer(entry);
    return { state: 'unreachable', entry, message: `Could not ask Partner Center about the interrupted send (${err instanceof Error ? err.message : String(err)}).` };
  }
}

/**
 * A 404 while checking is an answer, not a failure to ask: the customer (orders), or the
 * subscription, no longer exists in this environment, so nothing the send made can be there.
 */
function notFoundAnswer(entry: JournalEntry): RecoveryOutcome {
  const what = entry.purpose === 'subscription' ? `Subscription ${entry.match.subscriptionId}` : `Customer ${entry.customerId}`;
  return { state: 'notFound', gone: true, entry, message: `${what} no longer exists in this Partner Center environment, so the interrupted send left nothing behind.` };
}

async function checkOrder(client: PartnerCenterClient, entry: JournalEntry, signal?: AbortSignal): Promise<RecoveryOutcome> {
  const orders = await client.orders.list(entry.customerId, { signal, correlationId: entry.correlationId });
  const found = placedSince(orders, entry).filter((o) => sameLines(o, entry.match.lines ?? []));
  if (found.length > 0) {
    const ids = found.map((o) => String(o.id));
    return { state: 'found', entry, orderIds: ids.slice(0, 1), message: `The interrupted order was placed: order ${ids[0]}.` };
  }
  return { state: 'notFound', entry, message: 'No order from the interrupted send exists; it can be sent again safely.' };
}

async function checkCheckout(client: PartnerCenterClient, entry: JournalEntry, signal?: AbortSignal): Promise<RecoveryOutcome> {
  const cartId = String(entry.match.cartId);
  const cart = await client.carts.get(entry.customerId, cartId, { signal, correlationId: entry.correlationId }).catch((err: unknown) => {
    if (isPartnerCenterError(err) && err.status === 404) return undefined;
    throw err;
  });
  if (!cart) {
    // Carts expire; the orders placed since the send are still there to look at.
    const orders = placedSince(await client.orders.list(entry.customerId, { signal }), entry).filter((o) => sameLines(o, entry.match.lines ?? []));
    if (orders.length > 0) return { state: 'found', entry, orderIds: orders.map((o) => String(o.id)).slice(0, 1), message: `Cart ${cartId} was checked out: order ${orders[0].id}.` };
    return { state: 'notFound', gone: true, entry, message: `Cart ${cartId} no longer exists and no order with its lines was placed; it cannot be checked out any more.` };
  }
  if ((cart.status ?? '').toLowerCase() !== 'ordered') {
    return { state: 'notFound', entry, message: `Cart ${cartId} was not checked out; it can be checked out again safely.` };
  }
  const orders = placedSince(await client.orders.list(entry.customerId, { signal }), entry);
  const items = new Set(cart.lineItems.map((l) => l.catalogItemId.toLowerCase()));
  const ids = orders.filter((o) => o.lineItems.some((l) => items.has(l.offerId.toLowerCase()))).map((o) => String(o.id));
  return { state: 'found', entry, orderIds: ids, message: `Cart ${cartId} was checked out${ids.length ? `: order ${ids.join(', ')}` : ''}.` };
}

async function checkSubscription(client: PartnerCenterClient, entry: JournalEntry, signal?: AbortSignal): Promise<RecoveryOutcome> {
  const id = String(entry.match.subscriptionId);
  const current = await client.subscriptions.get(entry.customerId, id, { signal });
  const changes = (entry.match.changes ?? []).map((c) => ({ ...c, from: undefined }));
  if (isObject(current) && changesApplied(current, changes)) {
    return { state: 'found', entry, orderIds: [], subscriptionId: id, message: `The interrupted update of subscription ${id} was applied.` };
  }
  return { state: 'notFound', entry, message: `The interrupted update of subscription ${id} was not applied; it can be sent again safely.` };
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
