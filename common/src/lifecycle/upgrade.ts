// Upgrade… (issue 15): a transition of a new-commerce subscription to a higher offer, on the same
// safe path as the other lifecycle actions but with its own call. Read the subscription and its
// immediate transition eligibilities now; pick an eligible target; review the subscription as read
// against the transition request, with what the docs say it does; confirm like a purchase; POST
// …/transitions exactly once through the journal (one MS-RequestId on every retry); follow
// GET …/transitions?operationId=… until the last event is no longer Started; read the subscription
// again. Docs: transition-a-new-commerce-subscription.md (eligibilities, the request, events),
// get-transitions.md, transition-resources.md, create-a-new-subscription.md ("Upgrade for new
// commerce license-based subscriptions").
import { sleep } from '../api/retry';
import { readCurrent } from '../send/currentResource';
import { exchange, type Exchange, type HttpCall } from '../send/exchange';
import { isObject, type JsonObject, numberProp, prop, stringProp } from '../send/jsonValues';
import { type PurchaseSummary } from '../send/purchase';
import { confirmAndSend } from '../send/purchaseFlow';
import { customerInfo } from '../send/lookups';
import { type RunContext, type RunStatus } from '../send/runTypes';
import { upgradeAvailability } from './actions';
import { type FollowTuning, type LifecycleTarget, subscriptionPath } from './lifecycleChange';
import { type ReviewDocuments } from './review';
import { subscriptionState, type SubscriptionState } from './subscriptionState';

export type TransitionType = 'transition_only' | 'transition_with_license_transfer';

/** One target of GET transitionEligibilities, read for a person: eligible, or why not. */
export interface UpgradeTarget {
  catalogItemId: string;
  title?: string;
  /** The transition types the service says are eligible now. */
  eligibleTypes: TransitionType[];
  /** Why no type is eligible (the service's error descriptions), when none is. */
  reason?: string;
}

export interface UpgradeRequest {
  toCatalogItemId: string;
  /** Defaults to every seat (an upgrade in place); fewer seats move into a new subscription. */
  quantity?: number;
  /** Defaults to the first eligible type the service lists. */
  transitionType?: TransitionType;
}

const transitionsPath = (target: LifecycleTarget) => `${subscriptionPath(target)}/transitions`;

/** GET …/transitionEligibilities?eligibilityType=immediate, read as targets (empty: none). */
export async function readUpgradeTargets(
  ctx: Pick<RunContext, 'client' | 'signal'>,
  target: LifecycleTarget,
): Promise<{ targets: UpgradeTarget[]; read: Exchange }> {
  const read = await exchange(
    ctx.client,
    { method: 'GET', path: `${subscriptionPath(target)}/transitionEligibilities`, query: { eligibilityType: 'immediate' } },
    { signal: ctx.signal },
  );
  const items = prop(read.responseBody, 'items');
  if (read.outcome !== 'ok' || !Array.isArray(items)) return { targets: [], read };
  const targets = items.filter(isObject).map((item): UpgradeTarget => {
    const types = (Array.isArray(item.eligibilities) ? item.eligibilities : []).filter(isObject);
    const eligibleTypes = types
      .filter((e) => e.isEligible === true)
      .map((e) => stringProp(e, 'transitionType') as TransitionType)
      .filter(Boolean);
    const errors = types
      .flatMap((e) => (Array.isArray(e.errors) ? e.errors : []))
      .map((e) => stringProp(e, 'description'))
      .filter((d): d is string => !!d);
    return {
      catalogItemId: stringProp(item, 'catalogItemId') ?? '',
      title: stringProp(item, 'title'),
      eligibleTypes,
      ...(eligibleTypes.length === 0
        ? { reason: [...new Set(errors)].join(' ') || 'Partner Center lists no eligible transition type.' }
        : {}),
    };
  });
  return { targets, read };
}

export interface UpgradeProposal extends LifecycleTarget {
  /** The subscription as read for this proposal. */
  current: JsonObject;
  state: SubscriptionState;
  target: UpgradeTarget;
  /** The POST …/transitions body. */
  body: JsonObject;
  title: string;
  consequences: string[];
  /** Every seat moves: the subscription itself changes offer. Else a new subscription is made. */
  inPlace: boolean;
  reads: Exchange[];
}

export type UpgradeProposeOutcome =
  { proposal: UpgradeProposal; refused?: undefined } | { proposal?: undefined; refused: string; reads: Exchange[] };

export async function proposeUpgrade(
  ctx: RunContext,
  target: LifecycleTarget,
  request: UpgradeRequest,
  now = Date.now(),
): Promise<UpgradeProposeOutcome> {
  const { read, resource: current } = await readCurrent(ctx, subscriptionPath(target));
  if (!current) {
    return {
      refused: read.error?.message ?? `Could not read subscription ${target.subscriptionId} (${read.status ?? read.outcome}).`,
      reads: [read],
    };
  }
  const state = subscriptionState(current, now);
  const allowed = upgradeAvailability(state);
  if (!allowed.offered) return { refused: allowed.reason, reads: [read] };
  const eligibilities = await readUpgradeTargets(ctx, target);
  const reads = [read, eligibilities.read];
  if (eligibilities.read.outcome !== 'ok') {
    return { refused: eligibilities.read.error?.message ?? 'Could not read the transition eligibilities.', reads };
  }
  const picked = eligibilities.targets.find((t) => t.catalogItemId.toUpperCase() === request.toCatalogItemId.toUpperCase());
  if (!picked) {
    const known = eligibilities.targets.map((t) => t.catalogItemId).join(', ');
    return {
      refused: `${request.toCatalogItemId} is not an upgrade target of this subscription (${known ? `targets: ${known}` : 'it has no upgrade paths'}).`,
      reads,
    };
  }
  if (picked.eligibleTypes.length === 0) return { refused: `Not eligible for ${picked.catalogItemId}: ${picked.reason}`, reads };
  const transitionType = request.transitionType ?? picked.eligibleTypes[0];
  if (!picked.eligibleTypes.includes(transitionType)) {
    return { refused: `The transition type ${transitionType} is not eligible for ${picked.catalogItemId}.`, reads };
  }
  const seats = state.quantity ?? 0;
  const quantity = request.quantity ?? seats;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > seats) {
    return { refused: `The quantity must be a whole number from 1 to the subscription's ${seats} seat(s).`, reads };
  }
  const inPlace = quantity === seats;
  const body: JsonObject = { toCatalogItemId: picked.catalogItemId, quantity, transitionType };
  const name = picked.title ?? picked.catalogItemId;
  const consequences = [
    inPlace
      ? `All ${seats} seat(s) move to ${name}: this subscription changes offer in place and keeps its id (transition-a-new-commerce-subscription.md).`
      : `${quantity} of ${seats} seat(s) move to a new ${name} subscription; ${seats - quantity} stay on this one (transition-a-new-commerce-subscription.md).`,
    'Cancellation windows are not applied to upgrades, so changes cannot be made after they are submitted; downgrades are not supported (create-a-new-subscription.md).',
    ...(state.scheduled
      ? ['Starting a midterm upgrade removes the changes scheduled for the next term (create-a-new-subscription.md).']
      : []),
  ];
  return {
    proposal: {
      ...target,
      current,
      state,
      target: picked,
      body,
      title: `Upgrade to ${name}`,
      consequences,
      inPlace,
      reads,
    },
  };
}

/** The subscription's properties an upgrade is about, as the review shows them. */
const REVIEWED = [
  'id',
  'friendlyName',
  'offerId',
  'offerName',
  'quantity',
  'termDuration',
  'billingCycle',
  'autoRenewEnabled',
  'status',
  'scheduledNextTermInstructions',
] as const;

function reviewed(sub: JsonObject): JsonObject {
  return Object.fromEntries(REVIEWED.filter((k) => sub[k] !== undefined).map((k) => [k, sub[k]]));
}

/**
 * What a person reviews: the subscription as read against the subscription as the upgrade leaves
 * it (in place: the target offer; partial: the seats that stay; scheduled changes removed either
 * way) together with the transition request that will be sent.
 */
export function upgradeReview(proposal: UpgradeProposal): ReviewDocuments {
  const before = reviewed(proposal.current);
  const quantity = numberProp(proposal.body, 'quantity') ?? 0;
  const { scheduledNextTermInstructions: _removed, ...kept } = before;
  const after: JsonObject = proposal.inPlace
    ? { ...kept, offerId: proposal.target.catalogItemId, offerName: proposal.target.title ?? kept.offerName }
    : { ...kept, quantity: (proposal.state.quantity ?? 0) - quantity };
  return {
    title: `${proposal.title}: ${String(proposal.current.friendlyName ?? proposal.current.offerName ?? proposal.subscriptionId)}`,
    current: `${JSON.stringify({ subscription: before }, null, 2)}\n`,
    proposed: `${JSON.stringify({ subscription: after, transition: proposal.body }, null, 2)}\n`,
    consequences: proposal.consequences,
    // Not subscription documents: named so the language server does not check them as one.
    fileNames: { current: 'subscription-before.json', proposed: 'upgrade.transition.json' },
  };
}

export interface UpgradeResult {
  status: RunStatus;
  message: string;
  exchanges: Exchange[];
  summary?: PurchaseSummary;
  /** The transition as last read. */
  transition?: JsonObject;
  /** The transition's last event is no longer Started. */
  settled?: boolean;
  /** The subscription read again once the transition settled. */
  subscription?: JsonObject;
  /** The new subscription of a partial upgrade. */
  newSubscriptionId?: string;
}

export async function applyUpgrade(
  ctx: RunContext,
  proposal: UpgradeProposal,
  { delayMs = 1000, maxReads = 20 }: FollowTuning = {},
): Promise<UpgradeResult> {
  const customer = await customerInfo(ctx, proposal.customerId);
  const summary: PurchaseSummary = {
    action: proposal.title,
    environment: ctx.environment,
    customer,
    lines: [
      {
        number: 0,
        product: `${proposal.target.title ?? proposal.target.catalogItemId} (${proposal.target.catalogItemId})`,
        catalogItemId: proposal.target.catalogItemId,
        quantity: numberProp(proposal.body, 'quantity'),
        termDuration: proposal.state.termDuration,
        billingCycle: proposal.state.billingCycle,
      },
    ],
    consequences: proposal.consequences,
  };
  const call: HttpCall = { method: 'POST', path: transitionsPath(proposal), body: proposal.body };
  // 'request': the journal keeps the request id, and an interrupted send goes again under it (the
  // service de-duplicates by MS-RequestId); there is no purchase-specific check for a transition yet.
  const sent = await confirmAndSend(ctx, summary, { purpose: 'request', customerId: proposal.customerId, call, match: {} }, [
    ...proposal.reads,
  ]);
  const base = { exchanges: sent.exchanges, summary };
  if (sent.status !== 'done') return { ...base, status: sent.status, message: sent.message };
  const posted = sent.exchanges.at(-1)?.responseBody;
  const operationId = stringProp(posted, 'operationId');
  let transition = isObject(posted) ? posted : undefined;
  const reads: Exchange[] = [];
  ctx.progress?.('Waiting for the upgrade to complete…');
  for (let i = 0; operationId && transition && lastStatus(transition) === 'started' && i < maxReads; i++) {
    await sleep(Math.min(delayMs * 1.5 ** i, 30_000), ctx.signal);
    const read = await exchange(
      ctx.client,
      { method: 'GET', path: transitionsPath(proposal), query: { operationId } },
      { signal: ctx.signal },
    );
    reads.push(read);
    const items = prop(read.responseBody, 'items');
    const found = Array.isArray(items)
      ? items.filter(isObject).find((t) => stringProp(t, 'operationId') === operationId)
      : undefined;
    if (found) transition = found;
    if (read.outcome === 'cancelled') break;
  }
  const last = transition ? lastStatus(transition) : undefined;
  const settled = last !== undefined && last !== 'started';
  const { read, resource } = await readCurrent(ctx, subscriptionPath(proposal));
  reads.push(read);
  const newSubscriptionId = !proposal.inPlace ? stringProp(transition, 'toSubscriptionId') : undefined;
  const exchanges = [...sent.exchanges, ...reads];
  if (settled && last !== 'completed') {
    return {
      ...base,
      exchanges,
      status: 'failed',
      transition,
      settled,
      subscription: resource,
      message: `${proposal.title}: transition ${operationId} ended ${last}${errorsOf(transition)}.`,
    };
  }
  return {
    ...base,
    exchanges,
    status: 'done',
    transition,
    settled,
    subscription: resource,
    newSubscriptionId,
    message: settled
      ? `${proposal.title}: transition ${operationId} completed${
          newSubscriptionId
            ? `; the seats are in new subscription ${newSubscriptionId}`
            : `; subscription ${proposal.subscriptionId} is now ${stringProp(resource, 'offerId') ?? proposal.target.catalogItemId}`
        }.`
      : `${proposal.title}: Partner Center accepted transition ${operationId ?? ''}; it has not completed yet (GET …/transitions?operationId=${operationId ?? ''}).`,
  };
}

/** The status of the transition's last event, lower case ("started", "completed", "failed"). */
function lastStatus(transition: JsonObject): string | undefined {
  const events = prop(transition, 'events') ?? prop(transition, 'Events');
  return Array.isArray(events) ? stringProp(events.at(-1), 'status')?.toLowerCase() : undefined;
}

function errorsOf(transition: JsonObject | undefined): string {
  const events = prop(transition, 'events');
  const errors = Array.isArray(events)
    ? events.flatMap((e) => (Array.isArray(prop(e, 'errors')) ? (prop(e, 'errors') as unknown[]) : []))
    : [];
  const text = errors
    .map((e) => stringProp(e, 'description'))
    .filter(Boolean)
    .join(' ');
  return text ? `: ${text}` : '';
}
