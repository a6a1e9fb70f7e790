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
  private list: { at: number; value: Promise<CatalogItemInfo[] | undefined> } | undefined;
  private customers: { at: number; value: Promise<CustomerSummary[] | undefined> } | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly now: () => number = Date.now,
  ) {}

  invalidate(): void {
    this.items.clear();
    this.off = undefined;
    this.list = undefined;
    this.customers = undefined;
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
    const known = new Map<string, CatalogItemInfo | null>();
    for (const id of ids) {
      const hit = this.items.get(catalogKey(id));
      if (hit) known.set(catalogKey(id), hit.info);
    }
    return { available: true, items: known };
  }

  /** Cached view of the ids, without asking: for completion and hover, which must not wait. */
  cachedView(ids: readonly string[]): CatalogView {
    if (this.off) return { available: false, reason: this.off.reason, items: new Map() };
    const known = new Map<string, CatalogItemInfo | null>();
    for (const id of ids) {
      const hit = this.items.get(catalogKey(id));
      if (hit) known.set(catalogKey(id), hit.info);
    }
    return { available: true, items: known };
  }

  allItems(): Promise<CatalogItemInfo[] | undefined> {
    if (!this.list || this.now() - this.list.at >= TTL_MS) {
      const value = this.connection.sendRequest(ListCatalogItemsRequest.type).then(
        (r) => (r.available ? r.items : undefined),
        () => undefined,
      );
      this.list = { at: this.now(), value };
    }
    return this.list.value;
  }

  allCustomers(): Promise<CustomerSummary[] | undefined> {
    if (!this.customers || this.now() - this.customers.at >= TTL_MS) {
      const value = this.connection.sendRequest(ListCustomersRequest.type).then(
        (r) => (r.available ? r.customers : undefined),
        () => undefined,
      );
      this.customers = { at: this.now(), value };
    }
    return this.customers.value;
  }
}
