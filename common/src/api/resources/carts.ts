// Carts (reference §3.5). Checkout is the purchase: like orders.create it must be re-sent only
// with the same request id (see exactlyOnce.ts).
import { type Requester } from '../requester';
import { type Cart, type CartCheckoutResult } from '../types';
import { callFields, type CallOptions, customerPath, seg, type WriteOptions } from './shared';

export class CartsApi {
  constructor(private readonly requester: Requester) {}

  async create(customerId: string, cart: Cart, options?: WriteOptions): Promise<Cart> {
    const res = await this.requester.call<Cart>({
      method: 'POST',
      path: `${customerPath(customerId)}/carts`,
      body: cart,
      ...callFields(options),
    });
    return res.body;
  }

  async get(customerId: string, cartId: string, options?: CallOptions): Promise<Cart> {
    const res = await this.requester.call<Cart>({ method: 'GET', path: path(customerId, cartId), ...callFields(options) });
    return res.body;
  }

  /** Replaces the cart (PUT with the full cart). */
  async update(customerId: string, cartId: string, cart: Cart, options?: WriteOptions): Promise<Cart> {
    const res = await this.requester.call<Cart>({
      method: 'PUT',
      path: path(customerId, cartId),
      body: cart,
      ...callFields(options),
    });
    return res.body;
  }

  /** `customerUserUpn` assigns the licenses to that customer user (x-ms-customeruser-upn). */
  async checkout(
    customerId: string,
    cartId: string,
    options: WriteOptions & { customerUserUpn?: string } = {},
  ): Promise<CartCheckoutResult> {
    const res = await this.requester.call<CartCheckoutResult>({
      method: 'POST',
      path: `${path(customerId, cartId)}/checkout`,
      headers: options.customerUserUpn === undefined ? undefined : { 'x-ms-customeruser-upn': options.customerUserUpn },
      ...callFields(options),
    });
    return res.body;
  }
}

function path(customerId: string, cartId: string): string {
  return `${customerPath(customerId)}/carts/${seg(cartId, 'cart id')}`;
}
