// The two steps every purchase shares. Before: ask the service about earlier interrupted sends of
// this customer, so nothing is bought twice across a crash. During: journal the request id (after
// checking, in the same step, that no other run is sending the same purchase), send it exactly
// once, and forget it only when the answer is definite.
import { createHash } from 'node:crypto';
import { newCorrelationId, newRequestId } from '../api';
import { checkAnswer } from './answerCheck';
import { exchange, type Exchange, type HttpCall } from './exchange';
import { beingSent, type JournalEntry, type JournalPurpose, sameEndpoint, samePurchase } from './journal';
import { isObject, stableStringify } from './jsonValues';
import { checkEntry, type RecoveryOutcome } from './recovery';
import { type RunContext } from './runTypes';

export interface EarlierSends {
  /** When the journal was looked at (ms): a send of the same purchase begun after it is another run's. */
  checkedAt: number;
  recovered: RecoveryOutcome[];
  /** The service said this very purchase was made by an interrupted send. */
  alreadyDone?: RecoveryOutcome & { state: 'found' };
  /** This purchase was interrupted before and not found made: send it again under the same request id. */
  reuse?: JournalEntry;
  /**
   * Orders with the purchase's lines placed since the interrupted send started: it may have placed
   * one of them. If the re-send under its request id is answered with one of them, it had.
   */
  candidates?: string[];
  /** Not to be sent now: an earlier send of it cannot be checked, or another run is sending it. */
  blocked?: string;
  /** Shown in the confirmation: what became of earlier sends of this purchase or this document. */
  warnings: string[];
}

/**
 * The fingerprint of the call that identifies a purchase (see JournalEntry.bodyHash): method,
 * canonical path and query, and the body with property names folded to lower case (Partner Center
 * reads them without regard to case), so the same purchase has one fingerprint however it is spelled.
 */
export function purchaseFingerprint(call: HttpCall): string {
  const text = `${call.method} ${call.path.toLowerCase()}\n${stableStringify(call.query ?? {})}\n${stableStringify(foldKeys(call.body ?? null))}`;
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

function foldKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(foldKeys);
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), foldKeys(v)]));
  return value;
}

const DISCARD_HINT =
  'If you know it is stale, discard it (VS Code: "Partner Center: Discard Interrupted Send"; command line: remove it from the journal file).';

/**
 * Looks at the journal's unsettled sends for this customer: those of this very purchase (by what
 * is bought, wherever the document now is) decide what happens; those of the same document with
 * another body only add notes. `identity`: the call that identifies the purchase (for a cart, its creation call).
 */
export async function checkEarlierSends(ctx: RunContext, customerId: string, identity: HttpCall): Promise<EarlierSends> {
  const key = { endpoint: ctx.client.endpoint, customerId, bodyHash: purchaseFingerprint(identity) };
  const checkedAt = Date.now();
  const entries = await ctx.journal.unsettled(
    (e) => sameEndpoint(e.endpoint, ctx.client.endpoint) && e.customerId.toLowerCase() === customerId.toLowerCase(),
  );
  const out: EarlierSends = { checkedAt, recovered: [], warnings: [] };
  for (const entry of entries) {
    const same = samePurchase(entry, key);
    if (!same && !(entry.documentUri && entry.documentUri === ctx.documentUri)) continue; // another purchase: its own re-run settles it
    if (beingSent(entry)) {
      if (same) {
        out.blocked = `Not sent: this purchase is being sent right now by another run (process ${entry.sender?.pid} on ${entry.sender?.host}, started ${entry.startedAt}, request id ${entry.requestId}). Check its result before sending it again.`;
      }
      continue;
    }
    ctx.progress?.(`Checking an interrupted send from ${entry.startedAt} with Partner Center…`);
    const outcome = await checkEntry(ctx.client, entry, ctx.signal);
    out.recovered.push(outcome);
    const when = same
      ? `An earlier send of this purchase (${entry.startedAt}, request id ${entry.requestId})`
      : `An earlier send of this document (${entry.startedAt})`;
    switch (outcome.state) {
      case 'found':
        await ctx.journal.settle(entry.requestId);
        if (same && !out.alreadyDone) out.alreadyDone = outcome;
        else out.warnings.push(`${when} was made: ${outcome.message} What you confirm now is another purchase.`);
        break;
      case 'notFound':
        if (outcome.gone) {
          // What the send acted on no longer exists, so it can neither complete later nor be re-sent.
          await ctx.journal.settle(entry.requestId);
          out.warnings.push(`${when} was interrupted: ${outcome.message}`);
        } else if (same) {
          out.reuse = entry;
          out.warnings.push(
            `${when} got no definite answer, and ${lowerFirst(outcome.message)} It is sent again under the same request id, so Partner Center makes it at most once.`,
          );
        } else {
          out.warnings.push(`${when} was interrupted; Partner Center has no record of it yet.`);
        }
        break;
      case 'matched':
        if (same) {
          out.reuse = entry;
          out.candidates = outcome.orderIds;
          out.warnings.push(
            `${when} got no definite answer. ${outcome.message} It is sent again under the same request id: if that send went through, Partner Center answers with its order and nothing new is bought.`,
          );
        } else {
          out.warnings.push(`${when} was interrupted and may have been placed. ${outcome.message}`);
        }
        break;
      case 'unchecked':
        if (same) out.reuse = entry;
        out.warnings.push(
          `${when} was interrupted and Partner Center cannot be asked whether it was applied: ${outcome.message}`,
        );
        break;
      case 'unreachable':
        if (same) {
          out.blocked = `${outcome.message} Nothing was sent, so nothing can be bought twice; try again when Partner Center can be reached. ${DISCARD_HINT}`;
        } else out.warnings.push(`${when} could not be checked: ${outcome.message}`);
        break;
    }
  }
  return out;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
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
  const busyWith = await ctx.journal.beginUnlessSending(
    {
      requestId,
      correlationId,
      startedAt: new Date().toISOString(),
      endpoint: ctx.client.endpoint,
      purpose: req.purpose,
      method: req.call.method,
      path: req.call.path,
      customerId: req.customerId,
      documentUri: ctx.documentUri,
      bodyHash: purchaseFingerprint(req.identity ?? req.call),
      match: req.match,
    },
    req.checkedAt,
  );
  if (busyWith) return { busyWith };
  let result: Exchange;
  try {
    result = checkAnswer(
      req.purpose,
      await exchange(ctx.client, req.call, {
        requestId,
        correlationId,
        signal: ctx.signal,
        maxAttempts: ctx.retry?.maxAttempts,
        baseDelayMs: ctx.retry?.baseDelayMs,
        purchase: true,
        onAttempt: (attempt) => {
          if (attempt > 1) ctx.progress?.(`No definite answer yet; sending again with the same request id (attempt ${attempt})…`);
        },
      }),
    );
  } catch (err) {
    await ctx.journal.finished(requestId);
    throw err;
  }
  if (result.outcome === 'ok' || result.outcome === 'failed') await ctx.journal.settle(requestId);
  else await ctx.journal.finished(requestId);
  return { exchange: result };
}
