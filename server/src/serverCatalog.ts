// The server's view of the catalog: it asks the extension (protocol requests) and remembers the
// answers for a few minutes, so typing does not send a request per keystroke. The extension has
// its own cache over the API; this one only saves the round trips.
import { type Connection } from 'vscode-languageserver';
import { catalogKey, type CatalogItemInfo, type CatalogView, type CustomerSummary } from '../../common/src/language/catalog';
import { ListCatalogItemsRequest, ListCustomersRequest, ResolveCatalogItemsRequest } from '../../common/src/protocol';

const TTL_MS = 5 * 60_000;
const NO_EXTENSION = 'the editor did not provide catalog access.';

export class ServerCatalog {
  private items = new Map<string, { at: number; info: CatalogItemInfo | null }>();
  private off: { at: number; reason?: string } | undefined;
  private readonly list: Remembered<CatalogItemInfo[] | undefined>;
  private readonly customers: Remembered<CustomerSummary[] | undefined>;

  constructor(
    private readonly connection: Connection,
    private readonly now: () => number = Date.now,
  ) {
    // A list the extension could not give is remembered as undefined, like any answer, until it is old.
    this.list = new Remembered(now, () =>
      connection.sendRequest(ListCatalogItemsRequest.type).then(
        (r) => (r.available ? r.items : undefined),
        () => undefined,
      ),
    );
    this.customers = new Remembered(now, () =>
      connection.sendRequest(ListCustomersRequest.type).then(
        (r) => (r.available ? r.customers : undefined),
        () => undefined,
      ),
    );
  }

  invalidate(): void {
    this.items.clear();
    this.off = undefined;
    this.list.clear();
    this.customers.clear();
  }

  /** What the catalog says about these ids; "off" with a reason when there is no catalog. */
  async view(ids: readonly string[]): Promise<CatalogView> {
    if (ids.length === 0) return this.cachedView(ids);
    const now = this.now();
    if (this.off && now - this.off.at < TTL_MS) return { available: false, reason: this.off.reason, items: new Map() };
    const missing = ids.filter((id) => {
      const hit = this.items.get(catalogKey(id));
      return !hit || now - hit.at >= TTL_MS;
    });
    if (missing.length > 0) {
      try {
        const answer = await this.connection.sendRequest(ResolveCatalogItemsRequest.type, { ids: missing });
        if (!answer.available) {
          this.off = { at: now, reason: answer.reason };
          return { available: false, reason: answer.reason, items: new Map() };
        }
        this.off = undefined;
        for (const [id, info] of Object.entries(answer.items)) this.items.set(catalogKey(id), { at: now, info });
      } catch {
        this.off = { at: now, reason: NO_EXTENSION };
        return { available: false, reason: NO_EXTENSION, items: new Map() };
      }
    }
    return { available: true, items: this.known(ids) };
  }

  /** Cached view of the ids, without asking: for completion and hover, which must not wait. */
  cachedView(ids: readonly string[]): CatalogView {
    if (this.off) return { available: false, reason: this.off.reason, items: new Map() };
    return { available: true, items: this.known(ids) };
  }

  /** What the cache holds for these ids, fresh or not. */
  private known(ids: readonly string[]): Map<string, CatalogItemInfo | null> {
    const known = new Map<string, CatalogItemInfo | null>();
    for (const id of ids) {
      const hit = this.items.get(catalogKey(id));
      if (hit) known.set(catalogKey(id), hit.info);
    }
    return known;
  }

  allItems(): Promise<CatalogItemInfo[] | undefined> {
    return this.list.get();
  }

  allCustomers(): Promise<CustomerSummary[] | undefined> {
    return this.customers.get();
  }
}

/** One answer from the extension, asked for again once it is TTL_MS old. */
class Remembered<T> {
  private entry: { at: number; value: Promise<T> } | undefined;

  constructor(
    private readonly now: () => number,
    private readonly ask: () => Promise<T>,
  ) {}

  get(): Promise<T> {
    if (!this.entry || this.now() - this.entry.at >= TTL_MS) {
      const value = this.ask();
      this.entry = { at: this.now(), value };
    }
    return this.entry.value;
  }

  clear(): void {
    this.entry = undefined;
  }
}
