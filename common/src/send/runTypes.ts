// The types the run-request core shares with the extension and the CLI: what it asks the person
// (prompts), what it needs around it (context) and what it reports back (result).
import { type Cart, type PartnerCenterClient } from '../api';
import { type Exchange } from './exchange';
import { type Journal } from './journal';
import { type EnvironmentInfo, type PurchaseSummary } from './purchase';
import { type RecoveryOutcome } from './recovery';

/** Everything the core asks a person. The extension shows dialogs; the CLI reads flags or the terminal; tests record. */
export interface RunPrompts {
  /** Asked when the document names no customer. Undefined means the person gave up. */
  pickCustomer(): Promise<string | undefined>;
  /** The last step before money is spent. Resolve true only on an explicit yes. */
  confirmPurchase(summary: PurchaseSummary): Promise<boolean>;
  /** A created cart, priced by the service, before checkout is offered. */
  showCartPreview?(summary: PurchaseSummary, cart: Cart, exchange: Exchange): Promise<void>;
}

export interface RunContext {
  client: PartnerCenterClient;
  environment: EnvironmentInfo;
  journal: Journal;
  prompts: RunPrompts;
  signal?: AbortSignal;
  /** Identifies the document in the journal, so a re-run after a crash is recognised. */
  documentUri?: string;
  /** The customer chosen before (remembered for the document, or `--customer`). */
  customerId?: string;
  progress?(message: string): void;
  /** Exactly-once tuning; tests shorten the waits. */
  retry?: { maxAttempts?: number; baseDelayMs?: number };
}

/**
 * done: the call(s) succeeded. failed: Partner Center said no. declined: the person said no.
 * blocked: not sent (document problem, no customer, an earlier send that cannot be checked).
 * cancelled: stopped while sending. unknown: no definite answer; journaled.
 * alreadyDone: an interrupted earlier send of this same document turned out to have succeeded, or
 * the cart being checked out had already been checked out.
 */
export type RunStatus = 'done' | 'failed' | 'declined' | 'blocked' | 'cancelled' | 'unknown' | 'alreadyDone';

export interface RunResult {
  status: RunStatus;
  message: string;
  exchanges: Exchange[];
  customerId?: string;
  /** Orders placed (or found placed) by this run. */
  orderIds: string[];
  summary?: PurchaseSummary;
  /** Earlier interrupted sends this run asked the service about. */
  recovered: RecoveryOutcome[];
}
