// The two steps every purchase shares. Before: ask the service about earlier interrupted sends of
// this customer, so nothing is bought twice across a crash. During: journal the request id, send it
// exactly once, and forget it only when the answer is definite.
import { newCorrelationId, newRequestId } from '../api';
import { exchange, type Exchange, type HttpCall } from './exchange';
import { type JournalEntry, type JournalPurpose } from './journal';
import { stableStringify } from './jsonValues';
import { checkEntry, type RecoveryOutcome } from './recovery';
import { type RunContext } from './runTypes';
import { createHash } from 'node:crypto';

export interface EarlierSends {
  recovered: RecoveryOutcome[];
  /** This very purchase (same document, same body) was placed by an interrupted send. */
  alreadyDone?: RecoveryOutcome & { state: 'found' };
  /** This purchase was interrupted before and not found: re-send it under the same request id. */
  reuseRequestId?: string;
  /** An earlier send could not be checked: do not send until it can. */
  blocked?: string;
  /** Shown in the confirmation: earlier sends of this document that were not found. */
  warnings: string[];
}

export function bodyHash(call: HttpCall): string {
  return createHash('sha256').update(`${call.method} ${call.path}\n${stableStringify(call.body ?? null)}`).digest('hex').slice(0, 32);
}

export async function checkEarlierSends(ctx: RunContext, customerId: string, call: HttpCall): Promise<EarlierSends> {
  const hash = bodyHash(call);
  const entries = await ctx.journal.unsettled((e) => e.endpoint === ctx.client.endpoint && e.customerId === customerId);
  const out: EarlierSends = { recovered: [], warnings: [] };
  for (const entry of entries) {
    ctx.progress?.(`Checking an interrupted send from ${entry.startedAt} with Partner Center…`);
    const outcome = await checkEntry(ctx.client, entry, ctx.signal);
    out.recovered.push(outcome);
    const same = entry.bodyHash === hash && (entry.documentUri ?? '') === (ctx.documentUri ?? '');
    if (outcome.state === 'found') {
      await ctx.journal.settle(entry.requestId);
      if (same && !out.alreadyDone) out.alreadyDone = outcome;
    } else if (outcome.state === 'unreachable') {
      out.blocked = `${outcome.message} Nothing was sent, so nothing can be bought twice; try again when Partner Center can be reached.`;
    } else if (same) {
      out.reuseRequestId = entry.requestId;
    } else if (entry.documentUri && entry.documentUri === ctx.documentUri) {
      out.warnings.push(`An earlier send of this document (${entry.startedAt}) was interrupted; Partner Center has no record of it yet.`);
    }
  }
  return out;
}

export interface PurchaseRequest {
  purpose: JournalPurpose;
  customerId: string;
  call: HttpCall;
  match: JournalEntry['match'];
  requestId?: string;
}

export async function sendPurchase(ctx: RunContext, req: PurchaseRequest): Promise<Exchange> {
  const requestId = req.requestId ?? newRequestId();
  const correlationId = newCorrelationId();
  await ctx.journal.begin({
    requestId, correlationId, startedAt: new Date().toISOString(), endpoint: ctx.client.endpoint, purpose: req.purpose,
    method: req.call.method, path: req.call.path, customerId: req.customerId, documentUri: ctx.documentUri,
    bodyHash: bodyHash(req.call), match: req.match,
  });
  const result = await exchange(ctx.client, req.call, {
    requestId, correlationId, signal: ctx.signal, maxAttempts: ctx.retry?.maxAttempts, baseDelayMs: ctx.retry?.baseDelayMs,
    onAttempt: (attempt) => { if (attempt > 1) ctx.progress?.(`No definite answer yet; sending again with the same request id (attempt ${attempt})…`); },
  });
  if (result.outcome === 'ok' || result.outcome === 'failed') await ctx.journal.settle(requestId);
  return result;
}
