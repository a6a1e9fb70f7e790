// Orders (reference §3.2). `create` is a purchase: see exactlyOnce.ts for re-sending it safely.
import { type Requester } from '../requester';
import { type Order, type OrderLineItemProvisioningStatus } from '../types';
import { bodyOf, type CallOptions, customerPath, listAll, seg, type WriteOptions } from './shared';

export interface OrderListOptions extends CallOptions {
  /** e.g. `one_time`/`onetime`, `monthly` (§3.2). */
  billingType?: string;
  includePrice?: boolean;
}

export class OrdersApi {
  constructor(private readonly requester: Requester) {}

  /** All orders of a customer. New orders can take minutes to appear on the real service. */
  list(customerId: string, options: OrderListOptions = {}): Promise<Order[]> {
    return listAll<Order>(this.requester, `${customerPath(customerId)}/orders`, options, {
      billingType: options.billingType,
      include_price: options.includePrice,
    });
  }

  async get(customerId: string, orderId: string, options: CallOptions & { includePrice?: boolean } = {}): Promise<Order> {
    return bodyOf<Order>(
      this.requester,
      {
        method: 'GET',
        path: `${customerPath(customerId)}/orders/${seg(orderId, 'order id')}`,
        query: { include_price: options.includePrice },
      },
      options,
    );
  }

  /** Places an order. Re-sent automatically only when no answer came back, with the same request id. */
  async create(customerId: string, order: Order, options?: WriteOptions): Promise<Order> {
    return bodyOf<Order>(this.requester, { method: 'POST', path: `${customerPath(customerId)}/orders`, body: order }, options);
  }

  /** Legacy PATCH of an order (billing cycle change, add-on, cancel software): send the full order. */
  async update(customerId: string, orderId: string, order: Order, options?: WriteOptions): Promise<Order> {
    return bodyOf<Order>(
      this.requester,
      { method: 'PATCH', path: `${customerPath(customerId)}/orders/${seg(orderId, 'order id')}`, body: order },
      options,
    );
  }

  provisioningStatus(customerId: string, orderId: string, options: CallOptions = {}): Promise<OrderLineItemProvisioningStatus[]> {
    return listAll<OrderLineItemProvisioningStatus>(
      this.requester,
      `${customerPath(customerId)}/orders/${seg(orderId, 'order id')}/provisioningstatus`,
      options,
    );
  }
}
