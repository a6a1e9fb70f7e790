// Subscriptions (reference §3.3). PATCH must carry the full resource: fields left out are reset
// by the service, so `update` takes a Subscription (typically the one from `get`, modified).
import { type Requester } from '../requester';
import { type Subscription, type SubscriptionProvisioningStatus, type SubscriptionUpdateResult } from '../types';
import { bodyOf, callFields, type CallOptions, customerPath, listAll, seg, type WriteOptions } from './shared';

export class SubscriptionsApi {
  constructor(private readonly requester: Requester) {}

  list(customerId: string, options: CallOptions & { mpnId?: string } = {}): Promise<Subscription[]> {
    return listAll<Subscription>(this.requester, `${customerPath(customerId)}/subscriptions`, options, { mpn_id: options.mpnId });
  }

  listByOrder(customerId: string, orderId: string, options: CallOptions = {}): Promise<Subscription[]> {
    return listAll<Subscription>(this.requester, `${customerPath(customerId)}/subscriptions`, options, { order_id: orderId });
  }

  async get(customerId: string, subscriptionId: string, options?: CallOptions): Promise<Subscription> {
    return bodyOf<Subscription>(this.requester, { method: 'GET', path: path(customerId, subscriptionId) }, options);
  }

  /**
   * PATCH with the full subscription. `ifMatch` (an etag from `attributes.etag`) makes the service
   * refuse the change if someone else changed the subscription first (error 2055).
   * 202 means accepted but still applying; `location` then says where to read the result.
   */
  async update(
    customerId: string,
    subscriptionId: string,
    subscription: Subscription,
    options: WriteOptions & { ifMatch?: string } = {},
  ): Promise<SubscriptionUpdateResult> {
    const res = await this.requester.call<Subscription | undefined>({
      method: 'PATCH',
      path: path(customerId, subscriptionId),
      body: subscription,
      headers: options.ifMatch === undefined ? undefined : { 'If-Match': options.ifMatch },
      ...callFields(options),
    });
    const body = res.body !== null && typeof res.body === 'object' ? res.body : undefined;
    return { status: res.status, subscription: body, location: res.headers.location };
  }

  async provisioningStatus(
    customerId: string,
    subscriptionId: string,
    options?: CallOptions,
  ): Promise<SubscriptionProvisioningStatus> {
    return bodyOf<SubscriptionProvisioningStatus>(
      this.requester,
      { method: 'GET', path: `${path(customerId, subscriptionId)}/provisioningstatus` },
      options,
    );
  }

  addons(customerId: string, subscriptionId: string, options: CallOptions = {}): Promise<Subscription[]> {
    return listAll<Subscription>(this.requester, `${path(customerId, subscriptionId)}/addons`, options);
  }
}

function path(customerId: string, subscriptionId: string): string {
  return `${customerPath(customerId)}/subscriptions/${seg(subscriptionId, 'subscription id')}`;
}
