// The two steps every purchase shares. Before: ask the service about earlier interrupted sends of
// this customer, so nothing is bought twice across a crash. During: journal the request id (after
// checking, in the same step, that no other run is sending the same purchase), send it exactly
// once, and forget it only when the answer is definite.
import { createHash } from 'node:crypto';
import { newCorrelationId, newRequestId } from '../api';
import { checkAnswer } from './answerCheck';
import { exchange, type Exchange, type HttpCall } from './exchange';
import { type JournalEntry, type JournalPurpose, samePurchase } from './journal';
import { stableStringify } from './jsonValues';
import { checkEntry, type RecoveryOutcome } from './recovery';
import { type RunContext } from './runTypes';

export interface EarlierSends {
  /** When the journal was looked at (ms): a send of the same purchase begun after it is another run's. */
  checkedAt: number;
  recovered: RecoveryOutcome[];
  /** This very purchase (same document, same identifying call) was made by an interrupted send. */
  alreadyDone?: RecoveryOutcome & { state: 'found' };
  /** This purchase was interrupted before and not found: send it again under the same request id. */
  reuse?: JournalEntry;
  /** An earlier send could not be checked: do not send until it can. */
  blocked?: string;
  /** Shown in the confirmation: what became of earlier sends of this document with another body. */
  warnings: string[];
}

/** The fingerprint of the call that identifies a purchase (see JournalEntry.bodyHash). */
export function bodyHash(call: HttpCall): string {
  return createHash('sha256').update(`${call.method} ${call.path}\n${stableStringify(call.body ?? null)}`).digest('hex').slice(0, 32);
}

const DISCARD_HINT = 'If you know it is stale, discard it (VS Code: "Partner Center: Discard Interrupted Send"; command line: remove it from the journal file).';

/** `identity`: the call that identifies the purchase (for a cart, its creation call). */
export async function checkEarlierSends(ctx: RunContext, customerId: string, identity: HttpCall): Promise<EarlierSends> {
  const key = { endpoint: ctx.client.endpoint, customerId, documentUri: ctx.documentUri, bodyHash: bodyHash(identity) };
  const checkedAt = Date.now();
  const entries = await ctx.journal.unsettled((e) => e.endpoint === ctx.client.endpoint && e.customerId === customerId);
  const out: EarlierSends = { checkedAt, recovered: [], warnings: [] };
  for (const entry of entries) {
    ctx.progress?.(`Checking an interrupted send from ${entry.startedAt} with Partner Center…`);
    const outcome = await checkEntry(ctx.client, entry, ctx.signal);
    out.recovered.push(outcome);
    const same = samePurchase(entry, key);
    const sameDocument = !!entry.documentUri && entry.documentUri === ctx.documentUri;
    const when = `An earlier send of this document (${entry.startedAt})`;
    if (outcome.state === 'found') {
      await ctx.journal.settle(entry.requestId);
      if (same && !out.alreadyDone) out.alreadyDone = outcome;
      else if (sameDocument) out.warnings.push(`${when} was made: ${outcome.message} What you confirm now is another purchase.`);
    } else if (outcome.state === 'unreachable') {
      out.blocked = `${outcome.message} Nothing was sent, so nothing can be bought twice; try again when Partner Center can be reached. ${DISCARD_HINT}`;
    } else if (outcome.state === 'notFound' && outcome.gone) {
      // What the send acted on no longer exists, so it can neither complete later nor be re-sent.
      await ctx.journal.settle(entry.requestId);
      if (sameDocument) out.warnings.push(`${when} was interrupted: ${outcome.message}`);
    } else if (same) {
      out.reuse = entry;
    } else if (sameDocument) {
      out.warnings.push(outcome.state === 'unchecked'
        ? `${when} was interrupted and Partner Center cannot be asked whether it was applied: ${outcome.message}`
        : `${when} was interrupted; Partner Center has no record of it yet.`);
    }
  }
  return out;
}

export interface PurchaseRequest {
  purpose: JournalPurpose;
  customerId: string;
  call: HttpCall;
  /** The call that identifies the purchase across runs, when it is not `call` itself. */
  identity?: HttpCall;
  match: JournalEntry['match'];
  requestId?: string;
  /** `EarlierSends.checkedAt` of the check this send was confirmed after. */
  checkedAt?: number;
}

/** `busyWith`: another run is sending, or sent, the same purchase since the earlier-sends check; nothing was sent. */
export type PurchaseSend = { exchange: Exchange } | { busyWith: JournalEntry };

export async function sendPurchase(ctx: RunContext, req: PurchaseRequest): Promise<PurchaseSend> {
  const requestId = req.requestId ?? newRequestId();
  const correlationId = newCorrelationId();
  const busyWith = await ctx.journal.beginUnlessSending({
    requestId, correlationId, startedAt: new Date().toISOString(), endpoint: ctx.client.endpoint, purpose: req.purpose,
    method: req.call.method, path: req.call.path, customerId: req.customerId, documentUri: ctx.documentUri,
    bodyHash: bodyHash(req.identity ?? req.call), match: req.match,
  }, req.checkedAt);
  if (busyWith) return { busyWith };
  let result: Exchange;
  try {
    result = checkAnswer(req.purpose, await exchange(ctx.client, req.call, {
      requestId, correlationId, signal: ctx.signal, maxAttempts: ctx.retry?.maxAttempts, baseDelayMs: ctx.retry?.baseDelayMs, purchase: true,
      onAttempt: (attempt) => { if (attempt > 1) ctx.progress?.(`No definite answer yet; sending again with the same request id (attempt ${attempt})…`); },
    }));
  } finally {
    ctx.journal.finished(requestId);
  }
  if (result.outcome === 'ok' || result.outcome === 'failed') await ctx.journal.settle(requestId);
  return { exchange: result };
}
