// The history of sends: each run of a document (one or more calls) with its redacted requests and
// responses. It is what the History view lists, re-opens and exports; the store is abstract so the
// extension can keep it in its storage folder and the tests in memory.
import { randomUUID } from 'node:crypto';
import { type Exchange, type HttpCall } from './exchange';
import { redactBody, redactHeaders, redactQuery, redactText, redactUrl } from './redact';
import { type RunStatus } from './runTypes';
import { type ListStore, SerialStore } from './serialStore';

export interface HistoryRecord {
  id: string;
  /** ISO time of the first call. */
  time: string;
  /** "Order", "Cart", "Request"... and the file name. */
  title: string;
  kindId: string;
  documentUri?: string;
  environment: string;
  endpoint: string;
  customerId?: string;
  /** The outcome of the run as a whole, in words ("Order 1a2b placed", "Declined"). */
  summary: string;
  /**
   * The outcome of the run as a whole. The last call alone can mislead: a cart whose checkout was
   * declined ends with its (successful) creation. Absent in records kept before it was added.
   */
  status?: RunStatus;
  /** Orders the run placed (or found placed). */
  orderIds?: string[];
  /** Each placed order's status as last followed, so the response says what became of it. */
  orderStatus?: Record<string, string>;
  exchanges: Exchange[];
}

export type HistoryStore = ListStore<HistoryRecord>;

export class MemoryHistoryStore implements HistoryStore {
  constructor(private records: HistoryRecord[] = []) {}
  async read(): Promise<HistoryRecord[]> {
    return [...this.records];
  }
  async write(records: HistoryRecord[]): Promise<void> {
    this.records = [...records];
  }
}

export function redactExchange(e: Exchange): Exchange {
  const call: HttpCall = {
    ...e.call,
    path: redactUrl(e.call.path),
    query: redactQuery(e.call.query),
    headers: redactHeaders(e.call.headers),
    body: redactBody(e.call.body),
  };
  return {
    ...e,
    call,
    url: redactUrl(e.url),
    responseHeaders: redactHeaders(e.responseHeaders),
    responseBody: redactBody(e.responseBody),
    error: e.error
      ? {
          ...e.error,
          message: redactText(e.error.message),
          description: e.error.description === undefined ? undefined : redactText(e.error.description),
        }
      : undefined,
  };
}

export class History {
  private readonly records: SerialStore<HistoryRecord>;

  constructor(
    store: HistoryStore,
    private readonly limit = 200,
  ) {
    this.records = new SerialStore(store);
  }

  /** Newest first; the oldest records fall off past the limit. */
  add(record: Omit<HistoryRecord, 'id'> & { id?: string }): Promise<HistoryRecord> {
    const full: HistoryRecord = { ...record, id: record.id ?? randomUUID(), exchanges: record.exchanges.map(redactExchange) };
    return this.update((records) => [full, ...records].slice(0, this.limit)).then(() => full);
  }

  list(): Promise<HistoryRecord[]> {
    return this.records.read();
  }

  async get(id: string): Promise<HistoryRecord | undefined> {
    return (await this.list()).find((r) => r.id === id);
  }

  /** Records what a followed order is now (the response document shows it). */
  noteOrderStatus(id: string, orderId: string, status: string): Promise<void> {
    return this.update((records) =>
      records.map((r) => (r.id === id ? { ...r, orderStatus: { ...r.orderStatus, [orderId]: status } } : r)),
    );
  }

  remove(id: string): Promise<void> {
    return this.update((records) => records.filter((r) => r.id !== id));
  }

  clear(): Promise<void> {
    return this.update(() => []);
  }

  private update(change: (records: HistoryRecord[]) => HistoryRecord[]): Promise<void> {
    return this.records.update(change);
  }
}
