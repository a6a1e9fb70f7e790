// The one way a subscription is changed, whether from a `*.subscription.json`, a generic PATCH or a
// lifecycle action in the explorer or the CLI: read the whole subscription now, merge the change
// over it (Partner Center resets what a PATCH leaves out: auto-renew, scheduled changes; reference
// §3.3, update-a-subscription-by-id.md), and send the whole resource back with the etag it was read
// with (If-Match), confirmed and exactly once. A stale etag is the service's answer, never overwritten.
import { customerInfo } from './lookups';
import { readCurrent } from './currentResource';
import { type Exchange, type HttpCall } from './exchange';
import { type JsonObject, numberProp, stringProp } from './jsonValues';
import { mergeOver } from './merge';
import { type FieldChange, type PurchaseLine, type PurchaseSummary } from './purchase';
import { confirmAndSend, type FlowResult } from './purchaseFlow';
import { type RunContext } from './runTypes';

/** A change merged over the subscription as read just now: what the person reviews and confirms. */
export interface SubscriptionProposal {
  customerId: string;
  subscriptionId: string;
  /** The canonical path the subscription was read from and is sent to. */
  path: string;
  /** The change as asked for (the document's body, or what a lifecycle action sets). */
  change: JsonObject;
  /** The subscription as read, with its etag. */
  current: JsonObject;
  /** The whole resource that will be sent. */
  proposed: JsonObject;
  changes: FieldChange[];
  etag?: string;
  read: Exchange;
}

export type ProposalOutcome = { proposal: SubscriptionProposal; read: Exchange } | { read: Exchange; proposal?: undefined };

/** `change` may depend on the subscription as read (turning auto-renew off also drops scheduled changes, if any). */
export async function proposeSubscriptionUpdate(
  ctx: RunContext,
  target: { customerId: string; subscriptionId: string; path: string },
  changeOf: JsonObject | ((current: JsonObject) => JsonObject),
): Promise<ProposalOutcome> {
  const { read, resource: current } = await readCurrent(ctx, target.path);
  if (!current) return { read };
  const change = typeof changeOf === 'function' ? changeOf(current) : changeOf;
  const { merged, changes } = mergeOver(current, change);
  const etag = stringProp(current.attributes, 'etag');
  return { read, proposal: { ...target, change, current, proposed: merged, changes, etag, read } };
}

/** The confirmation's line: the subscription's offer, quantity, term and billing cycle as they will be. */
export function subscriptionLine(proposal: SubscriptionProposal): PurchaseLine {
  const merged = proposal.proposed;
  return {
    product: `${stringProp(merged, 'offerName') ?? stringProp(merged, 'friendlyName') ?? 'Subscription'} (${stringProp(merged, 'offerId') ?? proposal.subscriptionId})`,
    catalogItemId: stringProp(merged, 'offerId'),
    quantity: numberProp(merged, 'quantity'),
    termDuration: stringProp(merged, 'termDuration'),
    billingCycle: stringProp(merged, 'billingCycle'),
  };
}

export interface UpdateWording {
  /** "Update subscription", "Cancel subscription"... */
  action: string;
  consequences?: string[];
  /** Headers of the document's own (a generic PATCH may carry some). */
  headers?: Record<string, string>;
}

/** Confirms and sends the proposal once: the whole resource, with If-Match of the etag it was read with. */
export async function sendSubscriptionUpdate(
  ctx: RunContext,
  proposal: SubscriptionProposal,
  wording: UpdateWording,
  before: Exchange[] = [proposal.read],
): Promise<FlowResult> {
  const customer = await customerInfo(ctx, proposal.customerId);
  const summary: PurchaseSummary = {
    action: wording.action,
    environment: ctx.environment,
    customer,
    lines: [subscriptionLine(proposal)],
    changes: proposal.changes,
    ...(wording.consequences?.length ? { consequences: wording.consequences } : {}),
  };
  const headers = { ...(wording.headers ?? {}), ...(proposal.etag ? { 'If-Match': proposal.etag } : {}) };
  const call: HttpCall = { method: 'PATCH', path: proposal.path, headers, body: proposal.proposed };
  // Identified by the change, not the merged body: that one carries the current etag, which every
  // update changes, so a re-run after an interrupted send would not be recognised as the same one.
  const identity: HttpCall = { method: 'PATCH', path: proposal.path, body: proposal.change };
  const match = { subscriptionId: proposal.subscriptionId, changes: proposal.changes.map((c) => ({ path: c.path, to: c.to })) };
  return confirmAndSend(
    ctx,
    summary,
    { purpose: 'subscription', customerId: proposal.customerId, call, identity, match },
    before,
  );
}

/** Partner Center's answer to an If-Match the subscription no longer has: 2055 (EC table), or HTTP 412. */
export function isStaleEtag(e: Exchange | undefined): boolean {
  return !!e && e.outcome === 'failed' && (e.status === 412 || Number(e.error?.code) === 2055);
}
