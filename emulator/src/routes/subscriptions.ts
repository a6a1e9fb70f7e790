// /customers/{c}/subscriptions: list (order_id, mpn_id), get, PATCH, provisioning status.
//
// PATCH takes "a full Subscription resource" (update-a-subscription-by-id.md and the other update
// pages), normally the one a GET returned with the wanted properties changed. The emulator reads
// only what an update can change: status, quantity, friendlyName, autoRenewEnabled, billingCycle
// and scheduledNextTermInstructions. Everything else in the body (id, offer, dates, unitType,
// links, attributes, refund options ...) describes the subscription as read and is ignored, so a
// body copied from a page's example or from an older GET does not fail on it. `null` means "not
// given", as the .NET SDK sends it for unset properties. A body that leaves out autoRenewEnabled
// turns auto-renew off and one that leaves out scheduledNextTermInstructions drops them, as the
// docs warn ("this only applies if minimal info is in the payload").

import { requireUser } from '../auth';
import { asRecord, parseEnum, queryParam } from '../casing';
import { BILLING_CYCLES } from '../data/catalog';
import { type SubscriptionRecord } from '../data/model';
import { attributes, collection, iso, link } from '../envelope';
import { ApiError, invalidInput } from '../errors';
import { type HttpAnswer, type RequestContext, type Router } from '../router';
import { readQuantity } from '../rules/purchaseLine';
import {
  applySubscriptionChange,
  checkSubscriptionChange,
  readScheduledNextTermInstructions,
  type SubscriptionChange,
} from '../rules/subscriptionUpdate';
import { lastTermDay, subscriptionEtag, subscriptionWire } from '../wire/subscription';
import { requireCustomer } from './customers';

const STATUSES = ['active', 'suspended', 'deleted', 'expired'] as const;

export function registerSubscriptions(router: Router): void {
  router.get('/customers/{customerId}/subscriptions', listSubscriptions);
  router.get('/customers/{customerId}/subscriptions/{subscriptionId}', (ctx) => {
    const { sub, country } = requireSubscription(ctx);
    return { status: 200, body: subscriptionWire(sub, country, ctx.now) };
  });
  router.add('PATCH', '/customers/{customerId}/subscriptions/{subscriptionId}', patchSubscription);
  router.get('/customers/{customerId}/subscriptions/{subscriptionId}/provisioningstatus', (ctx) => {
    requireUser(ctx.appOnly);
    const { sub } = requireSubscription(ctx);
    return {
      status: 200,
      body: {
        skuId: sub.item.sku.id,
        status: 'success',
        quantity: sub.quantity,
        endDate: iso(lastTermDay(sub)),
        attributes: attributes('SubscriptionProvisioningStatus'),
      },
    };
  });
}

export function requireSubscription(ctx: RequestContext): { sub: SubscriptionRecord; country: string } {
  const customer = requireCustomer(ctx);
  const sub = ctx.store.subscription(customer.id, ctx.params.subscriptionId);
  if (!sub) throw new ApiError('subscriptionNotFound', `Subscription ${ctx.params.subscriptionId} was not found.`);
  return { sub, country: customer.address.country };
}

function listSubscriptions(ctx: RequestContext): HttpAnswer {
  const customer = requireCustomer(ctx);
  const orderId = queryParam(ctx.url, 'order_id')?.toLowerCase();
  const mpnId = queryParam(ctx.url, 'mpn_id');
  const subs = ctx.store
    .listOf(ctx.store.subscriptions, customer.id)
    .filter((s) => orderId === undefined || s.orderId.toLowerCase() === orderId)
    .filter((s) => mpnId === undefined || s.partnerIdOnRecord === mpnId);
  const items = subs.map((s) => subscriptionWire(s, customer.address.country, ctx.now));
  return { status: 200, body: collection(items, { self: link(`/customers/${customer.id}/subscriptions${ctx.url.search}`) }) };
}

function patchSubscription(ctx: RequestContext): HttpAnswer {
  const { sub, country } = requireSubscription(ctx);
  const ifMatch = ctx.headers['if-match'];
  if (typeof ifMatch === 'string' && ifMatch !== '*' && ifMatch.replace(/^W\//, '').replace(/"/g, '') !== subscriptionEtag(sub)) {
    throw new ApiError('etagStale', 'Etag is no longer valid: get the subscription again and retry with its current etag.');
  }
  if (ctx.body === null || typeof ctx.body !== 'object' || Array.isArray(ctx.body)) {
    throw invalidInput('The body must be the subscription resource.');
  }
  const body = asRecord(ctx.body);
  const explicit = new Set(Object.keys(body).filter((k) => body[k] !== undefined && body[k] !== null));
  if (explicit.has('friendlyName') && (typeof body.friendlyName !== 'string' || body.friendlyName.trim() === '')) {
    throw invalidInput('friendlyName must be a non-empty string.');
  }
  if (explicit.has('autoRenewEnabled') && typeof body.autoRenewEnabled !== 'boolean') {
    throw invalidInput('autoRenewEnabled must be true or false.');
  }
  const next: SubscriptionChange = {
    status: explicit.has('status') ? parseEnum('status', body.status, STATUSES) : sub.status,
    quantity: explicit.has('quantity') ? readQuantity(body.quantity, 0) : sub.quantity,
    billingCycle: explicit.has('billingCycle') ? parseEnum('billingCycle', body.billingCycle, BILLING_CYCLES) : sub.billingCycle,
    friendlyName: explicit.has('friendlyName') ? (body.friendlyName as string) : sub.friendlyName,
    autoRenewEnabled: explicit.has('autoRenewEnabled') ? (body.autoRenewEnabled as boolean) : false,
    scheduledNextTermInstructions: explicit.has('scheduledNextTermInstructions')
      ? readScheduledNextTermInstructions(body.scheduledNextTermInstructions)
      : undefined,
    explicit,
  };
  checkSubscriptionChange(sub, next, ctx.now);
  if (sub.status === 'deleted' || sub.status === 'expired') return { status: 200, body: subscriptionWire(sub, country, ctx.now) };
  applySubscriptionChange(sub, next, ctx.now);
  const answer = subscriptionWire(sub, country, ctx.now);
  // change-the-quantity-of-a-subscription.md and update-a-subscription-by-id.md: "When the patch
  // operation takes longer than the expected time, the Partner Center sends an HTTP status 202
  // status code and a location header that points to where to retrieve the subscription." The
  // emulator is never slow; the slow-patch fault gives that answer (the change is already made).
  if (ctx.fault('slow-patch')) {
    return { status: 202, body: answer, headers: { Location: `/customers/${sub.customerId}/subscriptions/${sub.id}` } };
  }
  return { status: 200, body: answer };
}
