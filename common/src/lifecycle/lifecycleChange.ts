// A lifecycle action from start to end, the same for the explorer and the CLI: propose (read the
// whole subscription now, with its etag, and merge the action's change over it), let the caller show
// the review (current against proposed, with the consequences), then apply (confirmed, sent once
// with If-Match through the journal, subscriptionUpdate.ts) and follow the subscription until the
// change shows. A stale etag is answered by reading again and handing back a fresh proposal to
// review, never by sending over the newer subscription.
import { sleep } from '../api/retry';
import { requestKindById } from '../requestKinds';
import { validateBodyAs } from '../send/bodyValidation';
import { readCurrent } from '../send/currentResource';
import { type Exchange } from '../send/exchange';
import { isObject, type JsonObject, jsonEqual, keyOf } from '../send/jsonValues';
import { fillPath } from '../send/pathTemplate';
import { type FieldChange, type PurchaseSummary } from '../send/purchase';
import { type RunContext, type RunStatus } from '../send/runTypes';
import {
  isStaleEtag,
  proposeSubscriptionUpdate,
  sendSubscriptionUpdate,
  type SubscriptionProposal,
} from '../send/subscriptionUpdate';
import { type LifecyclePlan, type LifecycleRequest, planLifecycle, requestAvailability } from './actions';
import { subscriptionState, type SubscriptionState } from './subscriptionState';

export interface LifecycleTarget {
  customerId: string;
  subscriptionId: string;
}

export interface LifecycleProposal extends SubscriptionProposal {
  request: LifecycleRequest;
  plan: LifecyclePlan;
  /** The subscription's state as read for this proposal. */
  state: SubscriptionState;
}

export type ProposeOutcome =
  { proposal: LifecycleProposal; refused?: undefined } | { proposal?: undefined; refused: string; read?: Exchange };

/** Where a subscription is read and patched: the subscription kind's own path (requestKinds.ts). */
const subscriptionKind = requestKindById('subscription');

export function subscriptionPath({ customerId, subscriptionId }: LifecycleTarget): string {
  return fillPath(subscriptionKind?.send.pathTemplate ?? '/v1/customers/{customerId}/subscriptions/{subscriptionId}', {
    customerId,
    subscriptionId,
  });
}

export async function proposeLifecycle(
  ctx: RunContext,
  target: LifecycleTarget,
  request: LifecycleRequest,
  now = Date.now(),
): Promise<ProposeOutcome> {
  const path = subscriptionPath(target);
  const { proposal, read } = await proposeSubscriptionUpdate(
    ctx,
    { ...target, path },
    (current) => planLifecycle(request, subscriptionState(current, now), now).change,
  );
  if (!proposal) {
    return {
      refused: read.error?.message ?? `Could not read subscription ${target.subscriptionId} (${read.status ?? read.outcome}).`,
      read,
    };
  }
  const state = subscriptionState(proposal.current, now);
  const allowed = requestAvailability(request, state);
  if (!allowed.offered) return { refused: allowed.reason, read };
  if (proposal.changes.length === 0) return { refused: 'Nothing to change: the subscription already has these values.', read };
  // The same checks as any *.subscription.json before it is sent (the review shows them as you read).
  const problems = subscriptionKind ? validateBodyAs(proposal.proposed, subscriptionKind) : [];
  if (problems.length > 0) return { refused: `Not sent: the proposed subscription has errors: ${problems.join(' ')}`, read };
  return { proposal: { ...proposal, request, state, plan: planLifecycle(request, state, now) } };
}

/** `stale`: the subscription changed since it was read; nothing was sent over it, and `fresh` is the new proposal. */
export type LifecycleStatus = RunStatus | 'stale';

export interface LifecycleResult {
  status: LifecycleStatus;
  message: string;
  exchanges: Exchange[];
  summary?: PurchaseSummary;
  /** The subscription once the change shows (done), as last read. */
  subscription?: JsonObject;
  /** The change was accepted but did not show within the follow-up's reads. */
  settled?: boolean;
  fresh?: LifecycleProposal;
}

export interface FollowTuning {
  delayMs?: number;
  maxReads?: number;
}

export async function applyLifecycle(
  ctx: RunContext,
  proposal: LifecycleProposal,
  follow: FollowTuning = {},
): Promise<LifecycleResult> {
  const result = await sendSubscriptionUpdate(ctx, proposal, {
    action: proposal.plan.title,
    consequences: proposal.plan.consequences,
  });
  const last = result.exchanges.at(-1);
  const base = { exchanges: result.exchanges, summary: result.summary };
  if (result.status === 'failed' && isStaleEtag(last)) {
    ctx.progress?.('The subscription changed since it was read; reading it again…');
    const again = await proposeLifecycle(ctx, proposal, proposal.request);
    const why = `Subscription ${proposal.subscriptionId} changed after it was read (Partner Center ${last?.error?.code ?? last?.status}: stale etag), so nothing was sent over it.`;
    return again.proposal
      ? {
          ...base,
          status: 'stale',
          fresh: again.proposal,
          message: `${why} Review the change against the subscription as it is now.`,
        }
      : { ...base, status: 'stale', message: `${why} ${again.refused}` };
  }
  if (result.status !== 'done' && result.status !== 'alreadyDone') {
    return { ...base, status: result.status, message: result.message };
  }
  ctx.progress?.('Waiting for the change to show…');
  const answered = last?.status === 200 && isObject(last.responseBody) ? last.responseBody : undefined;
  const followed = answered
    ? { subscription: answered, settled: true, reads: [] as Exchange[] }
    : await followUntilApplied(ctx, proposal.path, proposal.changes, follow);
  const what = proposal.changes.map((c) => `${c.path} ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`).join(', ');
  return {
    ...base,
    exchanges: [...result.exchanges, ...followed.reads],
    status: result.status,
    subscription: followed.subscription,
    settled: followed.settled,
    message: followed.settled
      ? `${proposal.plan.title}: subscription ${proposal.subscriptionId} now has ${what}.`
      : `${proposal.plan.title}: Partner Center accepted the change to subscription ${proposal.subscriptionId} (${what}); it does not show yet.`,
  };
}

/**
 * A PATCH that takes longer answers 202 with the subscription's location
 * (change-the-quantity-of-a-subscription.md): read it until the change shows.
 */
async function followUntilApplied(
  ctx: RunContext,
  path: string,
  changes: readonly FieldChange[],
  { delayMs = 1000, maxReads = 20 }: FollowTuning,
): Promise<{ subscription?: JsonObject; settled: boolean; reads: Exchange[] }> {
  const reads: Exchange[] = [];
  let subscription: JsonObject | undefined;
  for (let i = 0; i < maxReads; i++) {
    if (i > 0) await sleep(Math.min(delayMs * 1.5 ** i, 30_000), ctx.signal);
    const { read, resource } = await readCurrent(ctx, path);
    reads.push(read);
    if (resource) subscription = resource;
    if (resource && shows(resource, changes)) return { subscription, settled: true, reads };
    if (read.outcome === 'cancelled') break;
  }
  return { subscription, settled: false, reads };
}

/** Every change shows; a change to null (removing scheduled changes) shows as the property gone. */
function shows(resource: JsonObject, changes: readonly FieldChange[]): boolean {
  return changes.every((c) => {
    const key = keyOf(resource, c.path);
    const value = key === undefined ? undefined : resource[key];
    return c.to === null ? value === undefined || value === null : jsonEqual(value, c.to);
  });
}
