// After an order is placed: follow it until it settles (completed or cancelled), and on start-up,
// ask the service about every journaled send of the endpoint (a crash or reload left them open).
import { type PartnerCenterClient } from '../api';
import { sleep } from '../api/retry';
import { type Journal } from './journal';
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

/** Checks every unsettled send of this endpoint; found ones, and ones whose resource is gone, are settled. */
export async function recoverAll(client: PartnerCenterClient, journal: Journal, signal?: AbortSignal): Promise<RecoveryOutcome[]> {
  const entries = await journal.unsettled((e) => e.endpoint === client.endpoint);
  const outcomes: RecoveryOutcome[] = [];
  for (const entry of entries) {
    const outcome = await checkEntry(client, entry, signal);
    if (outcome.state === 'found' || (outcome.state === 'notFound' && outcome.gone)) await journal.settle(entry.requestId);
    outcomes.push(outcome);
  }
  return outcomes;
}
