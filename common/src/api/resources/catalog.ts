// Catalog (reference §3.6): products → SKUs → availabilities, either for a market (`country`) or
// scoped to a customer (country taken from the customer). One class serves both: the customer
// variant only prefixes `/customers/{id}` and drops `country`.
import { type Requester } from '../requester';
import { type Availability, type CatalogQuery, type Product, type Sku } from '../catalogTypes';
import { bodyOf, callFields, type CallOptions, customerPath, listAll, seg } from './shared';

export type CatalogOptions = CatalogQuery & CallOptions;

export interface InventoryCheckRequest {
  TargetItems: { ProductId: string; SkuId?: string }[];
  InventoryContext?: Record<string, string>;
}

export class CatalogApi {
  constructor(
    private readonly requester: Requester,
    private readonly prefix = '',
  ) {}

  /** The same catalog calls for one customer: `/v1/customers/{id}/products...`. */
  forCustomer(customerId: string): CatalogApi {
    return new CatalogApi(this.requester, customerPath(customerId));
  }

  /** `targetView` is required by the service (e.g. `OnlineServices`); `country` too on market-level calls. */
  products(options: CatalogOptions): Promise<Product[]> {
    return this.list<Product>('/products', options);
  }

  product(productId: string, options: CatalogOptions = {}): Promise<Product> {
    return this.one<Product>(`/products/${seg(productId, 'product id')}`, options);
  }

  skus(productId: string, options: CatalogOptions = {}): Promise<Sku[]> {
    return this.list<Sku>(`/products/${seg(productId, 'product id')}/skus`, options);
  }

  sku(productId: string, skuId: string, options: CatalogOptions = {}): Promise<Sku> {
    return this.one<Sku>(`/products/${seg(productId, 'product id')}/skus/${seg(skuId, 'SKU id')}`, options);
  }

  availabilities(productId: string, skuId: string, options: CatalogOptions = {}): Promise<Availability[]> {
    return this.list<Availability>(
      `/products/${seg(productId, 'product id')}/skus/${seg(skuId, 'SKU id')}/availabilities`,
      options,
    );
  }

  availability(productId: string, skuId: string, availabilityId: string, options: CatalogOptions = {}): Promise<Availability> {
    return this.one<Availability>(
      `/products/${seg(productId, 'product id')}/skus/${seg(skuId, 'SKU id')}/availabilities/${seg(availabilityId, 'availability id')}`,
      options,
    );
  }

  /** POST /v1/extensions/product/checkinventory?country=… (market level only); answers a bare array. */
  async checkInventory(country: string, body: InventoryCheckRequest, options?: CallOptions): Promise<unknown[]> {
    const res = await this.requester.call<unknown[]>({
      method: 'POST',
      path: '/extensions/product/checkinventory',
      query: { country },
      body,
      ...callFields(options),
    });
    return Array.isArray(res.body) ? res.body : [];
  }

  private list<T>(path: string, options: CatalogOptions): Promise<T[]> {
    return listAll<T>(this.requester, this.prefix + path, options, this.query(options));
  }

  private async one<T>(path: string, options: CatalogOptions): Promise<T> {
    return bodyOf<T>(this.requester, { method: 'GET', path: this.prefix + path, query: this.query(options) }, options);
  }

  private query(o: CatalogOptions): Record<string, string | undefined> {
    return {
      country: this.prefix === '' ? o.country : undefined,
      targetView: o.targetView,
      targetSegment: o.targetSegment,
      reservationScope: o.reservationScope,
    };
  }
}
