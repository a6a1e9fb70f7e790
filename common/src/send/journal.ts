// The journal of purchases whose outcome is not known yet. An entry is written BEFORE the first
// byte of a purchase leaves, and removed only when a definite answer came back, the service was
// asked and the purchase was found (or what it acted on is gone), or a person discarded it after
// checking by hand. An entry that survives a crash or a reload
// therefore means "we may have bought this": before the same thing is sent again, the service is
// asked (recovery.ts). Storage is abstract so the extension (ExtensionContext state), the CLI and
// the tests each provide their own.

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
  path: string;
  customerId: string;
  /**
   * The document sent, when it came from one, and a fingerprint of what identifies the purchase:
   * the call's method, path and body; for a cart's checkout, the cart-creation call (each run
   * creates a new cart, so the checkout path alone would never match an earlier run).
   */
  documentUri?: string;
  bodyHash: string;
  /** What identifies the purchase when asking the service about it later. */
  match: {
    lines?: { item: string; quantity: number }[];
    cartId?: string;
    subscriptionId?: string;
    changes?: { path: string; to: unknown }[];
  };
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

/** How long a begun send is remembered: longer than anyone keeps a confirmation dialog open. */
const RECENT_MS = 60 * 60_000;

const purchaseKey = (e: Pick<JournalEntry, 'endpoint' | 'customerId' | 'documentUri' | 'bodyHash'>) => JSON.stringify([e.endpoint, e.customerId, e.documentUri ?? '', e.bodyHash]);

/** Two entries for the same purchase: same place, same customer, same document, same fingerprint. */
export function samePurchase(a: JournalEntry, b: Pick<JournalEntry, 'endpoint' | 'customerId' | 'documentUri' | 'bodyHash'>): boolean {
  return a.endpoint === b.endpoint && a.customerId === b.customerId && a.bodyHash === b.bodyHash && (a.documentUri ?? '') === (b.documentUri ?? '');
}

export class Journal {
  private readonly entries: SerialStore<JournalEntry>;
  /**
   * Request ids this process is sending right now. An entry alone cannot tell "being sent" from
   * "left open by a crash", and two runs of one document may try to send the same journaled id.
   */
  private readonly sending = new Set<string>();
  /** Sends begun in this process, by purchase, kept for a while after they settle (see beginUnlessSending). */
  private readonly begun = new Map<string, { entry: JournalEntry; at: number }>();

  constructor(store: JournalStore) {
    this.entries = new SerialStore(store);
  }

  /** Records a send that is about to start; resolves once it is stored. */
  begin(entry: JournalEntry): Promise<void> {
    return this.entries.update((entries) => [...entries.filter((e) => e.requestId !== entry.requestId), entry]);
  }

  /**
   * Like `begin`, but in the same step checks that no other run is sending the same purchase, and
   * that none started sending it since `since` (when the caller looked at earlier sends: two
   * runs of one document at once both looked before either began). Resolves with that other
   * entry, journaling nothing, when there is one. Call `finished` when the send is over.
   */
  beginUnlessSending(entry: JournalEntry, since = Date.now()): Promise<JournalEntry | undefined> {
    return this.entries.update((entries) => {
      const key = purchaseKey(entry);
      const recent = this.begun.get(key);
      const other = entries.find((e) => samePurchase(e, entry) && (e.requestId !== entry.requestId || this.sending.has(e.requestId)))
        ?? (recent && recent.at >= since ? recent.entry : undefined);
      if (other) return { result: other };
      this.sending.add(entry.requestId);
      this.remember(key, entry);
      return { items: [...entries.filter((e) => e.requestId !== entry.requestId), entry], result: undefined };
    });
  }

  private remember(key: string, entry: JournalEntry): void {
    const now = Date.now();
    for (const [k, v] of this.begun) if (now - v.at > RECENT_MS) this.begun.delete(k);
    this.begun.set(key, { entry, at: now });
  }

  /** The send of `requestId` is over, whatever came of it (its entry stays until settled). */
  finished(requestId: string): void {
    this.sending.delete(requestId);
  }

  /** The send's outcome is known: forget it. */
  settle(requestId: string): Promise<void> {
    return this.entries.update((entries) => entries.filter((e) => e.requestId !== requestId));
  }

  /**
   * A person decided an unsettled entry is stale (checked by hand, or its resource is gone): remove
   * it. Resolves with the removed entry, or undefined when there was none or it is being sent now.
   */
  discard(requestId: string): Promise<JournalEntry | undefined> {
    return this.entries.update((entries) => {
      const entry = entries.find((e) => e.requestId === requestId);
      if (!entry || this.sending.has(requestId)) return { result: undefined };
      return { items: entries.filter((e) => e !== entry), result: entry };
    });
  }

  async unsettled(filter?: (e: JournalEntry) => boolean): Promise<JournalEntry[]> {
    const entries = await this.entries.read();
    return filter ? entries.filter(filter) : entries;
  }
}
