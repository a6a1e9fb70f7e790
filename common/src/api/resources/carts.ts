// Carts (reference §3.5). Checkout is the purchase: like orders.create it must be re-sent only
// with the same request id (see exactlyOnce.ts).
import { type Requester } from '../requester';
import { type Cart, type CartCheckoutResult } from '../types';
import { bodyOf, type CallOptions, customerPath, seg, type WriteOptions } from './shared';

export class CartsApi {
  constructor(private readonly requester: Requester) {}

  async create(customerId: string, cart: Cart, options?: WriteOptions): Promise<Cart> {
    return bodyOf<Cart>(this.requester, { method: 'POST', path: `${customerPath(customerId)}/carts`, body: cart }, options);
  }

  async get(customerId: string, cartId: string, options?: CallOptions): Promise<Cart> {
    return bodyOf<Cart>(this.requester, { method: 'GET', path: path(customerId, cartId) }, options);
  }

  /** Replaces the cart (PUT with the full cart). */
  async update(customerId: string, cartId: string, cart: Cart, options?: WriteOptions): Promise<Cart> {
    return bodyOf<Cart>(this.requester, { method: 'PUT', path: path(customerId, cartId), body: cart }, options);
  }

  /** `customerUserUpn` assigns the licenses to that customer user (x-ms-customeruser-upn). */
  async checkout(
    customerId: string,
    cartId: string,
    options: WriteOptions & { customerUserUpn?: string } = {},
  ): Promise<CartCheckoutResult> {
    return bodyOf<CartCheckoutResult>(
      this.requester,
      {
        method: 'POST',
        path: `${path(customerId, cartId)}/checkout`,
        headers: options.customerUserUpn === undefined ? undefined : { 'x-ms-customeruser-upn': options.customerUserUpn },
      },
      options,
    );
  }
}

function path(customerId: string, cartId: string): string {
  return `${customerPath(customerId)}/carts/${seg(cartId, 'cart id')}`;
}
