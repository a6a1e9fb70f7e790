// The journal of purchases whose outcome is not known yet. An entry is written BEFORE the first
// byte of a purchase leaves, and removed only when a definite answer came back, the service was
// asked and answered definitely, or a person decided (discarded it after checking by hand). An
// entry that survives a crash or a reload therefore means "we may have bought this": before the
// same purchase is sent again, the service is asked (recovery.ts).
//
// Entries are recognised by what is bought, not by where it was written: the endpoint (any loopback
// spelling is one), the customer and a fingerprint of the call (method, canonical path, body), so a
// moved or renamed copy of a document is the same purchase. Several processes may share one journal
// (two terminals running `send`): every check-and-change runs under the store's `exclusive` lock,
// an entry names the process sending it while it is sent, and settled purchases are remembered for
// an hour, so a run that looked before another run bought cannot buy the same thing again.
// Storage is abstract so the extension (ExtensionContext state), the CLI (a file) and the tests
// each provide their own.
import { hostname } from 'node:os';
import { isLoopbackHost } from '../api/clouds';
import { processAlive } from './fileLock';
import { type ListStore, SerialStore } from './serialStore';

/** `request`: a generic write that may spend money but has no shape the service can be asked about. */
export type JournalPurpose = 'order' | 'checkout' | 'subscription' | 'request';

export interface JournalEntry {
  /** MS-RequestId of the send: the idempotency key, reused if the send is made again. */
  requestId: string;
  correlationId: string;
  /** ISO time just before the first attempt. */
  startedAt: string;
  endpoint: string;
  purpose: JournalPurpose;
  method: string;
  /** The canonical path as sent (see requestTarget.ts). */
  path: string;
  customerId: string;
  /** The document it was sent from, for people to recognise it; not part of what identifies the purchase. */
  documentUri?: string;
  /**
   * Fingerprint of what identifies the purchase: the call's method, canonical path and body (for a
   * cart's checkout, the cart-creation call: each run creates a new cart). See purchaseFingerprint.
   */
  bodyHash: string;
  /** What identifies the purchase when asking the service about it later. */
  match: {
    lines?: { item: string; quantity: number }[];
    cartId?: string;
    subscriptionId?: string;
    changes?: { path: string; to: unknown }[];
  };
  /** The process sending it right now; removed when that send is over, whatever came of it. */
  sender?: { pid: number; host: string };
}

/** A purchase whose send was settled lately (see Journal). */
export interface RecentSend {
  key: string;
  requestId: string;
  startedAt: string;
  settledAt: string;
}

export type JournalStore = ListStore<JournalEntry>;

export class MemoryJournalStore implements JournalStore {
  constructor(private entries: JournalEntry[] = []) {}
  async read(): Promise<JournalEntry[]> {
    return this.entries.map((e) => ({ ...e }));
  }
  async write(entries: JournalEntry[]): Promise<void> {
    this.entries = entries.map((e) => ({ ...e }));
  }
}

class MemoryListStore<T> implements ListStore<T> {
  private items: T[] = [];
  async read(): Promise<T[]> {
    return [...this.items];
  }
  async write(items: T[]): Promise<void> {
    this.items = [...items];
  }
}

/** How long a settled send is remembered, and a sender on another machine trusted: longer than anyone keeps a confirmation open. */
const RECENT_MS = 60 * 60_000;

/** One spelling per endpoint: origin in lower case with its port, any loopback name as one, and the base path. */
export function endpointKey(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    const host = isLoopbackHost(url.hostname) ? 'loopback' : url.hostname.toLowerCase().replace(/\.$/, '');
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return `${url.protocol}//${host}:${port}${url.pathname.replace(/\/+$/, '').replace(/\/v1$/i, '').toLowerCase()}`;
  } catch {
    return endpoint;
  }
}

export function sameEndpoint(a: string, b: string): boolean {
  return endpointKey(a) === endpointKey(b);
}

type PurchaseIdentity = Pick<JournalEntry, 'endpoint' | 'customerId' | 'bodyHash'>;

/** What a purchase is: where, for whom, and what (the fingerprint). */
export function purchaseKey(e: PurchaseIdentity): string {
  return JSON.stringify([endpointKey(e.endpoint), e.customerId.trim().toLowerCase(), e.bodyHash]);
}

export function samePurchase(a: PurchaseIdentity, b: PurchaseIdentity): boolean {
  return purchaseKey(a) === purchaseKey(b);
}

/** Whether a process is sending the entry now. A sender on another machine cannot be asked: it is trusted for an hour. */
export function beingSent(e: JournalEntry): boolean {
  if (!e.sender) return false;
  if (e.sender.host !== hostname()) return Date.now() - Date.parse(e.startedAt) < RECENT_MS;
  return processAlive(e.sender.pid);
}

export class Journal {
  private readonly entries: SerialStore<JournalEntry>;

  /** `recent`: where settled sends are remembered; it must be shared by the same processes as `store`. */
  constructor(
    store: JournalStore,
    private readonly recent: ListStore<RecentSend> = new MemoryListStore(),
  ) {
    this.entries = new SerialStore(store);
  }

  /** Records a send that is about to start; resolves once it is stored. */
  begin(entry: JournalEntry): Promise<void> {
    return this.entries.update((entries) => [...entries.filter((e) => e.requestId !== entry.requestId), entry]);
  }

  /**
   * Like `begin`, but in the same step (under the lock) checks that no other run, in this process or
   * another, is sending the same purchase or left it open, and that none settled it after `since`
   * (when the caller looked at earlier sends: two runs of one purchase at once both looked before
   * either began). Resolves with that other send, journaling nothing, when there is one. The entry
   * names this process as its sender until `finished`.
   */
  beginUnlessSending(entry: JournalEntry, since = Date.now()): Promise<JournalEntry | undefined> {
    return this.entries.update(async (entries) => {
      const key = purchaseKey(entry);
      const open = entries.find((e) => purchaseKey(e) === key && (e.requestId !== entry.requestId || beingSent(e)));
      if (open) return { result: open };
      const settled = (await this.recent.read()).find((r) => r.key === key && Date.parse(r.startedAt) >= since);
      if (settled) return { result: { ...entry, requestId: settled.requestId, startedAt: settled.startedAt } };
      const mine: JournalEntry = { ...entry, sender: { pid: process.pid, host: hostname() } };
      return { items: [...entries.filter((e) => e.requestId !== entry.requestId), mine], result: undefined };
    });
  }

  /** The send of `requestId` is over, whatever came of it: its entry (if still unsettled) no longer names a sender. */
  finished(requestId: string): Promise<void> {
    return this.entries.update((entries) => {
      const entry = entries.find((e) => e.requestId === requestId);
      if (!entry?.sender) return { result: undefined };
      const { sender: _done, ...rest } = entry;
      return { items: entries.map((e) => (e === entry ? rest : e)), result: undefined };
    });
  }

  /** The send's outcome is known: forget it, remembering for a while that it was settled. */
  settle(requestId: string): Promise<void> {
    return this.entries.update(async (entries) => {
      const entry = entries.find((e) => e.requestId === requestId);
      if (!entry) return { result: undefined };
      const now = Date.now();
      const kept = (await this.recent.read()).filter((r) => now - Date.parse(r.settledAt) < RECENT_MS);
      // Remembered before the entry is removed: a crash in between leaves both, never neither.
      await this.recent.write([
        ...kept,
        { key: purchaseKey(entry), requestId, startedAt: entry.startedAt, settledAt: new Date(now).toISOString() },
      ]);
      return { items: entries.filter((e) => e !== entry), result: undefined };
    });
  }

  /**
   * A person decided an unsettled entry is stale (checked by hand, or its resource is gone): remove
   * it. Resolves with the removed entry, or undefined when there was none or it is being sent now.
   */
  discard(requestId: string): Promise<JournalEntry | undefined> {
    return this.entries.update((entries) => {
      const entry = entries.find((e) => e.requestId === requestId);
      if (!entry || beingSent(entry)) return { result: undefined };
      return { items: entries.filter((e) => e !== entry), result: entry };
    });
  }

  async unsettled(filter?: (e: JournalEntry) => boolean): Promise<JournalEntry[]> {
    const entries = await this.entries.read();
    return filter ? entries.filter(filter) : entries;
  }
}
