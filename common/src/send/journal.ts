// The journal of purchases whose outcome is not known yet. An entry is written BEFORE the first
// byte of a purchase leaves, and removed only when a definite answer came back (or the service was
// asked and the purchase was found, or found missing). An entry that survives a crash or a reload
// therefore means "we may have bought this": before the same thing is sent again, the service is
// asked (recovery.ts). Storage is abstract so the extension (ExtensionContext state), the CLI and
// the tests each provide their own.

export type JournalPurpose = 'order' | 'checkout' | 'subscription';

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
  /** The document sent, when it came from one, and a fingerprint of its body. */
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

export interface JournalStore {
  read(): Promise<JournalEntry[]>;
  write(entries: JournalEntry[]): Promise<void>;
}

export class MemoryJournalStore implements JournalStore {
  constructor(private entries: JournalEntry[] = []) {}
  async read(): Promise<JournalEntry[]> {
    return this.entries.map((e) => ({ ...e }));
  }
  async write(entries: JournalEntry[]): Promise<void> {
    this.entries = entries.map((e) => ({ ...e }));
  }
}

export class Journal {
  /** Changes are applied one after another, so two sends finishing together cannot lose an entry. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: JournalStore) {}

  /** Records a send that is about to start; resolves once it is stored. */
  begin(entry: JournalEntry): Promise<void> {
    return this.update((entries) => [...entries.filter((e) => e.requestId !== entry.requestId), entry]);
  }

  /** The send's outcome is known: forget it. */
  settle(requestId: string): Promise<void> {
    return this.update((entries) => entries.filter((e) => e.requestId !== requestId));
  }

  async unsettled(filter?: (e: JournalEntry) => boolean): Promise<JournalEntry[]> {
    await this.queue;
    const entries = await this.store.read();
    return filter ? entries.filter(filter) : entries;
  }

  private update(change: (entries: JournalEntry[]) => JournalEntry[]): Promise<void> {
    const next = this.queue.then(async () => this.store.write(change(await this.store.read())));
    this.queue = next.catch(() => undefined);
    return next;
  }
}
