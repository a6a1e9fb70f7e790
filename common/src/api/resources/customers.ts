// Customers: the only resource with seek paging (reference §2.3, §3.1). The explorer shows one page
// and a "Load more…" node, so besides iterators there is `listPage` with an opaque continuation.
import { collectAll, fetchPage, iterateItems, iteratePages, type Page } from '../paging';
import { type ApiRequest, type Requester } from '../requester';
import { type Customer, type CustomerCreate } from '../types';
import { bodyOf, callFields, type CallOptions, customerPath, type WriteOptions } from './shared';

export type CustomerFilterField = 'CompanyName' | 'Domain' | 'IndirectReseller' | 'IndirectCloudSolutionProvider';

export interface CustomerListOptions extends CallOptions {
  /** Customers per page; the SDK uses 40. */
  size?: number;
  /** Prefix search; the service supports only `starts_with` for customers. */
  filter?: { field: CustomerFilterField; value: string };
}

export const DEFAULT_CUSTOMER_PAGE_SIZE = 40;

export class CustomersApi {
  constructor(private readonly requester: Requester) {}

  /** Every customer, page by page behind the scenes. */
  list(options: CustomerListOptions = {}): AsyncGenerator<Customer> {
    return iterateItems<Customer>(this.requester, this.firstRequest(options), options);
  }

  /** Every page, with `totalCount` and `hasMore`. */
  pages(options: CustomerListOptions = {}): AsyncGenerator<Page<Customer>> {
    return iteratePages<Customer>(this.requester, this.firstRequest(options), options);
  }

  /** One page: the first, or the one after `continuation` (a `next` from an earlier page). */
  listPage(options: CustomerListOptions = {}, continuation?: string): Promise<Page<Customer>> {
    return fetchPage<Customer>(this.requester, this.firstRequest(options), options, continuation);
  }

  /** Every customer as an array (loads all pages). */
  listAll(options: CustomerListOptions = {}): Promise<Customer[]> {
    return collectAll<Customer>(this.requester, this.firstRequest(options), options);
  }

  async get(customerId: string, options?: CallOptions): Promise<Customer> {
    return bodyOf<Customer>(this.requester, { method: 'GET', path: customerPath(customerId) }, options);
  }

  /** "This API is idempotent" given the same request id (§3.1). */
  async create(customer: CustomerCreate, options?: WriteOptions): Promise<Customer> {
    return bodyOf<Customer>(this.requester, { method: 'POST', path: '/customers', body: customer }, options);
  }

  private firstRequest(options: CustomerListOptions): ApiRequest {
    const size = options.size ?? DEFAULT_CUSTOMER_PAGE_SIZE;
    if (!Number.isInteger(size) || size < 0) throw new RangeError(`Page size must be a whole number ≥ 0, got ${size}.`);
    const filter = options.filter
      ? JSON.stringify({ Field: options.filter.field, Value: options.filter.value, Operator: 'starts_with' })
      : undefined;
    return { method: 'GET', path: '/customers', query: { size, filter }, ...callFields(options) };
  }
}
