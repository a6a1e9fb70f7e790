// After an order is placed: follow it until it settles (completed or cancelled), and on start-up,
// ask the service about every journaled send of the endpoint (a crash or reload left them open).
import { type PartnerCenterClient } from '../api';
import { sleep } from '../api/retry';
import { beingSent, type Journal, sameEndpoint } from './journal';
import { checkEntry, type RecoveryOutcome } from './recovery';

export interface FollowOptions {
  signal?: AbortSignal;
  intervalMs?: number;
  timeoutMs?: number;
}

/** The order's last status: `completed`/`cancelled` when it settled, else the status when time ran out. */
export async function followOrder(client: PartnerCenterClient, customerId: string, orderId: string, options: FollowOptions = {}): Promise<string> {
  const deadline = Date.now() + (options.timeoutMs ?? 15 * 60_000);
  let interval = options.intervalMs ?? 2000;
  for (;;) {
    const order = await client.orders.get(customerId, orderId, { signal: options.signal });
    const status = (order.status ?? 'unknown').toLowerCase();
    if (status !== 'pending' && status !== 'inprogress' && status !== 'in_progress') return status;
    if (Date.now() + interval > deadline) return status;
    await sleep(interval, options.signal);
    // Provisioning takes seconds to minutes; back off so a long wait costs few calls.
    interval = Math.min(interval * 1.5, 30_000);
  }
}

/**
 * Checks every unsettled send of this endpoint that no run is sending now. Only definite answers
 * settle an entry (found, or its resource gone); orders merely matched by their lines stay open
 * until the purchase is run again and the service answers for its request id.
 */
export async function recoverAll(client: PartnerCenterClient, journal: Journal, signal?: AbortSignal): Promise<RecoveryOutcome[]> {
  const entries = await journal.unsettled((e) => sameEndpoint(e.endpoint, client.endpoint) && !beingSent(e));
  const outcomes: RecoveryOutcome[] = [];
  for (const entry of entries) {
    const outcome = await checkEntry(client, entry, signal);
    if (outcome.state === 'found' || (outcome.state === 'notFound' && outcome.gone)) await journal.settle(entry.requestId);
    outcomes.push(outcome);
  }
  return outcomes;
}
