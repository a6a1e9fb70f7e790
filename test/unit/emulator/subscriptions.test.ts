import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { call, DAY, movableClock } from './helpers';

type Em = RunningEmulator;

async function patch(
  em: Em,
  ref: { customerId: string; subscriptionId: string },
  changes: Record<string, unknown>,
  headers: Record<string, string> = {},
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read loosely shaped JSON answers
): Promise<{ status: number; body: any; headers: Headers }> {
  const uri = `/v1/customers/${ref.customerId}/subscriptions/${ref.subscriptionId}`;
  const current = await call(em, uri);
  return call(em, uri, { method: 'PATCH', body: { ...current.body, ...changes }, headers });
}

test('the seeded customer has active, suspended and expired subscriptions', async (t) => {
  const em = await withEmulator(t);
  const list = await call(em, `/v1/customers/${em.fixtures.customerId}/subscriptions`);
  const statuses = new Set(list.body.items.map((s: { status: string }) => s.status));
  for (const s of ['active', 'suspended', 'expired']) assert.ok(statuses.has(s), `missing ${s}`);
  const sub = list.body.items[0];
  assert.equal(sub.attributes.objectType, 'Subscription');
  assert.equal(typeof sub.attributes.etag, 'string');
  assert.equal(sub.productType.id, 'OnlineServicesNCE');
});

test('seats can be decreased within 7 days of purchase, not after (800090)', async (t) => {
  const clock = movableClock();
  const em = await withEmulator(t, { clock: clock.now });
  const { recent, old } = em.fixtures.subscriptions;
  const down = await patch(em, recent, { quantity: 9 });
  assert.equal(down.status, 200);
  assert.equal(down.body.quantity, 9);

  const refused = await patch(em, old, { quantity: 24 });
  assert.equal(refused.status, 400);
  assert.equal(refused.body.code, 800090);
  // Seats added mid-term can be removed again within 7 days of the add.
  assert.equal((await patch(em, old, { quantity: 30 })).status, 200);
  assert.equal((await patch(em, old, { quantity: 26 })).body.refundableQuantity.totalQuantity, 1);
  assert.equal((await patch(em, old, { quantity: 24 })).body.code, 800090);

  clock.advance(8 * DAY);
  const late = await patch(em, recent, { quantity: 8 });
  assert.equal(late.body.code, 800090);
  assert.equal((await patch(em, recent, { quantity: 301 })).body.code, 2002);
});

test('suspend, reactivate and cancel follow the suspended and 7-day rules; a cancelled or expired subscription cannot change', async (t) => {
  const em = await withEmulator(t);
  const { recent, old, suspended, expired } = em.fixtures.subscriptions;
  assert.equal((await patch(em, suspended, { quantity: 2 })).body.code, 800091);
  assert.equal((await patch(em, old, { status: 'suspended', quantity: 26 })).body.code, 2001);
  const reactivated = await patch(em, suspended, { status: 'Active' });
  assert.equal(reactivated.status, 200);
  assert.equal(reactivated.body.status, 'active');
  const suspending = await patch(em, old, { status: 'suspended' });
  assert.equal(suspending.body.status, 'suspended');
  assert.deepEqual(suspending.body.suspensionReasons, ['PartnerInitiated']);
  assert.equal((await patch(em, expired, { quantity: 5 })).body.code, 900279);
  assert.equal((await patch(em, old, { status: 'expired' })).body.code, 800096);
  assert.equal((await patch(em, { ...old }, { status: 'deleted' })).body.code, 900213);
  const cancelled = await patch(em, recent, { status: 'deleted' });
  assert.equal(cancelled.body.status, 'deleted');
  assert.equal((await patch(em, recent, { status: 'active' })).body.code, 2011);
  assert.equal((await patch(em, recent, { status: 'bogus' })).body.code, 900126);
});

test('billing cycle, friendly name and auto-renew updates', async (t) => {
  const em = await withEmulator(t);
  const { recent, old } = em.fixtures.subscriptions;
  // P1M monthly cannot become annual: the cycle would be longer than the term.
  assert.equal((await patch(em, recent, { billingCycle: 'annual' })).body.code, 900270);
  // P1Y annual -> monthly mid-term is not supported.
  assert.equal((await patch(em, old, { billingCycle: 'monthly' })).body.code, 800097);
  const renamed = await patch(em, old, { friendlyName: 'Head office', autoRenewEnabled: false });
  assert.equal(renamed.status, 200);
  assert.equal(renamed.body.friendlyName, 'Head office');
  assert.equal(renamed.body.autoRenewEnabled, false);
});

test('a minimal PATCH body resets auto-renew, as the docs warn', async (t) => {
  const em = await withEmulator(t);
  const { customerId, subscriptionId } = em.fixtures.subscriptions.old;
  const uri = `/v1/customers/${customerId}/subscriptions/${subscriptionId}`;
  assert.equal((await call(em, uri)).body.autoRenewEnabled, true);
  const reply = await call(em, uri, { method: 'PATCH', body: { friendlyName: 'Minimal' } });
  assert.equal(reply.status, 200);
  assert.equal(reply.body.autoRenewEnabled, false);
});

test('If-Match with a stale etag is refused with 400 (2055), as the docs pair them', async (t) => {
  const em = await withEmulator(t);
  const { customerId, subscriptionId } = em.fixtures.subscriptions.old;
  const uri = `/v1/customers/${customerId}/subscriptions/${subscriptionId}`;
  const current = await call(em, uri);
  const etag = current.body.attributes.etag as string;
  const first = await call(em, uri, {
    method: 'PATCH',
    body: { ...current.body, friendlyName: 'A' },
    headers: { 'If-Match': etag },
  });
  assert.equal(first.status, 200);
  assert.notEqual(first.body.attributes.etag, etag);
  const stale = await call(em, uri, {
    method: 'PATCH',
    body: { ...current.body, friendlyName: 'B' },
    headers: { 'If-Match': etag },
  });
  assert.equal(stale.status, 400);
  assert.equal(stale.body.code, 2055);
});

test('subscription provisioning status and unknown subscriptions', async (t) => {
  const em = await withEmulator(t);
  const { customerId, subscriptionId } = em.fixtures.subscriptions.recent;
  const status = await call(em, `/v1/customers/${customerId}/subscriptions/${subscriptionId}/provisioningStatus`);
  assert.equal(status.status, 200);
  assert.equal(status.body.status, 'success');
  const missing = await call(em, `/v1/customers/${customerId}/subscriptions/00000000-0000-0000-0000-000000000000`);
  assert.equal(missing.status, 404);
  assert.equal(missing.body.code, 20003);
});

type Ref = { customerId: string; subscriptionId: string };
const uriOf = (ref: Ref): string => `/v1/customers/${ref.customerId}/subscriptions/${ref.subscriptionId}`;

// get-a-subscription-by-id.md (new-commerce response example) and subscription-resources.md:
// "End dates are inclusive, meaning the end of the term is at the end of the full day" (bought
// 2021-01-14 for P1Y: commitmentEndDate 2022-01-13T00:00:00Z, commitmentEndDateTime 2022-01-13T23:59:59Z).
test('a subscription answers the properties the docs examples always show, with inclusive end dates', async (t) => {
  const em = await withEmulator(t);
  const { body } = await call(em, uriOf(em.fixtures.subscriptions.recent));
  assert.equal(body.parentSubscriptionId, null);
  assert.equal(body.partnerId, '');
  assert.equal(body.renewalTermDuration, '');
  assert.equal(body.attentionNeeded, false);
  assert.equal(body.actionTaken, false);
  assert.equal(body.termDuration, 'P1M');
  const start = new Date(body.effectiveStartDate);
  const lastDay = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, start.getUTCDate()) - DAY;
  assert.equal(body.commitmentEndDate, new Date(lastDay).toISOString());
  assert.equal(body.commitmentEndDateTime, new Date(lastDay + DAY - 1000).toISOString());
});

// update-a-subscription-by-id.md: "A full Subscription resource is required in the request body."
// The examples' bodies name other subscriptions' offers, dates and links; only what an update can
// change is read, and the .NET SDK's nulls (ParentSubscriptionId, PartnerId) mean "not given".
test('a full-resource PATCH changes only what an update can change, and nulls are accepted', async (t) => {
  const em = await withEmulator(t);
  const ref = em.fixtures.subscriptions.recent;
  const before = (await call(em, uriOf(ref))).body;
  const reply = await call(em, uriOf(ref), {
    method: 'PATCH',
    body: {
      Id: '83ef9d05-4169-4ef9-9657-0e86b1eab1de',
      OfferId: 'DZH318Z0BXWC:0001:DZH318Z0BMJX',
      FriendlyName: 'nickname',
      Quantity: 2,
      UnitType: 'none',
      ParentSubscriptionId: null,
      CreationDate: '2015-11-25T06:41:12Z',
      EffectiveStartDate: '2015-11-24T08:00:00Z',
      CommitmentEndDate: '2016-12-12T08:00:00Z',
      Status: 'active',
      AutoRenewEnabled: true,
      BillingType: 'none',
      PartnerId: null,
      ContractType: 'subscription',
      OrderId: '6183db3d-6318-4e52-877e-25806e4971be',
      Attributes: { Etag: '<etag>', ObjectType: 'Subscription' },
    },
  });
  assert.equal(reply.status, 200);
  assert.equal(reply.body.quantity, 2);
  assert.equal(reply.body.friendlyName, 'nickname');
  for (const kept of [
    'id',
    'offerId',
    'creationDate',
    'effectiveStartDate',
    'commitmentEndDate',
    'unitType',
    'billingType',
    'orderId',
    'partnerId',
  ]) {
    assert.deepEqual(reply.body[kept], before[kept], kept);
  }
  const nullName = await call(em, uriOf(ref), { method: 'PATCH', body: { FriendlyName: null, AutoRenewEnabled: true } });
  assert.equal(nullName.body.friendlyName, 'nickname');
});

// create-a-new-subscription.md: "Suspending a new commerce subscription turns off autorenew";
// subscription-lifecycle.md (Suspended): "Any other scheduled changes are removed."
test('suspending turns auto-renew off and removes scheduled changes', async (t) => {
  const em = await withEmulator(t);
  const ref = em.fixtures.subscriptions.old;
  const scheduled = await patch(em, ref, {
    scheduledNextTermInstructions: {
      product: {
        productId: 'CFQ7TTC0LFLZ',
        skuId: '0001',
        availabilityId: 'CFQ7TTC0KDLJ',
        billingCycle: 'monthly',
        termDuration: 'P1Y',
      },
      quantity: 25,
    },
  });
  assert.equal(scheduled.status, 200);
  assert.equal(scheduled.body.scheduledNextTermInstructions.quantity, 25);
  const suspended = await patch(em, ref, { status: 'suspended' });
  assert.equal(suspended.status, 200);
  assert.equal(suspended.body.autoRenewEnabled, false);
  assert.equal('scheduledNextTermInstructions' in suspended.body, false);
});

// create-scheduled-changes.md: "A full Subscription resource is required in the request body with the
// scheduledNextTermInstructions property defined", which "contains the product object and the
// quantity field", and "ensure that the AutoRenewEnabled property has been set to true".
test('scheduled changes are kept and answered in the documented shape; product and quantity are required', async (t) => {
  const em = await withEmulator(t);
  const ref = em.fixtures.subscriptions.recent;
  const instructions = {
    product: {
      productId: 'DG7GMGF0DVSV',
      skuId: '000P',
      availabilityId: 'DG7GMGF0F3Q9',
      billingCycle: 'Annual',
      termDuration: 'P3Y',
      promotionId: '39NFJQT1PFPJ:000H:39NFJQT1Q5DK',
    },
    quantity: 10,
    customTermEndDate: '2019-01-09T00:21:45.9263727',
  };
  const set = await patch(em, ref, { scheduledNextTermInstructions: instructions });
  assert.equal(set.status, 200);
  assert.deepEqual(set.body.scheduledNextTermInstructions, {
    ...instructions,
    product: { ...instructions.product, billingCycle: 'annual' },
  });
  assert.deepEqual((await call(em, uriOf(ref))).body.scheduledNextTermInstructions, set.body.scheduledNextTermInstructions);
  for (const broken of [
    { quantity: 1 },
    { product: instructions.product },
    { product: { ...instructions.product, skuId: null }, quantity: 1 },
    { product: instructions.product, quantity: 0 },
  ]) {
    const reply = await patch(em, ref, { scheduledNextTermInstructions: broken });
    assert.equal(reply.status, 400, JSON.stringify(broken));
    assert.equal(reply.body.code, 800002);
  }
  assert.equal(
    (
      await patch(em, ref, {
        scheduledNextTermInstructions: { ...instructions, product: { ...instructions.product, termDuration: 'P2Y' } },
      })
    ).body.code,
    900126,
  );
  // The saved instructions sent back with auto-renew turned off: "Turn off autorenew" deletes them
  // (create-a-new-subscription.md†), it is not a new schedule without auto-renew.
  const off = await patch(em, ref, { scheduledNextTermInstructions: instructions, autoRenewEnabled: false });
  assert.equal(off.status, 200);
  assert.equal('scheduledNextTermInstructions' in off.body, false);
  assert.equal((await patch(em, ref, { scheduledNextTermInstructions: instructions })).status, 400, 'new ones need auto-renew');
  assert.equal((await patch(em, ref, { autoRenewEnabled: true, scheduledNextTermInstructions: instructions })).status, 200);
  // A body without them (a minimal one) drops them, as update-a-subscription-by-id.md warns.
  const minimal = await call(em, uriOf(ref), { method: 'PATCH', body: { autoRenewEnabled: true } });
  assert.equal('scheduledNextTermInstructions' in minimal.body, false);
});

// create-a-new-subscription.md: "Saved scheduled changes are deleted if you make any of the following
// midterm changes: Cancel a subscription, Turn off autorenew, Change a quantity ...". Instructions
// the same body sets anew are not "saved" ones.
test('a quantity change or a cancel deletes saved scheduled changes', async (t) => {
  const em = await withEmulator(t);
  const ref = em.fixtures.subscriptions.recent;
  const instructions = {
    product: {
      productId: 'CFQ7TTC0LH18',
      skuId: '0001',
      availabilityId: 'CFQ7TTC0K971',
      billingCycle: 'monthly',
      termDuration: 'P1Y',
    },
    quantity: 4,
  };
  assert.equal((await patch(em, ref, { scheduledNextTermInstructions: instructions })).status, 200);
  const fewer = await patch(em, ref, { quantity: 8 });
  assert.equal(fewer.body.quantity, 8);
  assert.equal('scheduledNextTermInstructions' in fewer.body, false);
  const together = await patch(em, ref, { quantity: 7, scheduledNextTermInstructions: instructions });
  assert.equal(together.body.scheduledNextTermInstructions.quantity, 4);
  const cancelled = await patch(em, ref, { status: 'deleted' });
  assert.equal(cancelled.body.status, 'deleted');
  assert.equal('scheduledNextTermInstructions' in cancelled.body, false);
  // cancel-an-azure-marketplace-subscription.md: the answer to a cancel still lists the refund option.
  assert.equal(cancelled.body.refundOptions[0].type, 'Full');
});

// manage-billing-frequency-software-subs.md: a software subscription (three-year, triennial) whose
// billing frequency for the next term is changed through scheduledNextTermInstructions;
// new-commerce-cancellation-policy.md: "Partner Center doesn't allow seat reductions for software
// subscriptions"; csp-software-subscriptions.md: they are returned by the Get Subscriptions API.
test('the software subscription: listed, its billing frequency scheduled, its seats never reduced', async (t) => {
  const em = await withEmulator(t);
  const ref = em.fixtures.subscriptions.software;
  const current = (await call(em, uriOf(ref))).body;
  assert.equal(current.productType.id, 'Software');
  assert.equal(current.offerId, 'DG7GMGF0DVSV:000P:DG7GMGF0F3Q9');
  assert.equal(current.billingCycle, 'triennial');
  assert.equal(current.termDuration, 'P3Y');
  assert.equal(current.autoRenewEnabled, true);
  const listed = await call(em, `/v1/customers/${ref.customerId}/subscriptions`);
  assert.ok(listed.body.items.some((s: { id: string }) => s.id === ref.subscriptionId));
  const next = await patch(em, ref, {
    scheduledNextTermInstructions: {
      product: {
        productId: 'DG7GMGF0DVSV',
        skuId: '000P',
        availabilityId: 'DG7GMGF0F3Q9',
        billingCycle: 'Annual',
        termDuration: 'P3Y',
      },
      quantity: 1,
    },
  });
  assert.equal(next.status, 200);
  assert.equal(next.body.billingCycle, 'triennial');
  assert.equal(next.body.scheduledNextTermInstructions.product.billingCycle, 'annual');
  assert.equal((await patch(em, ref, { quantity: 3 })).status, 200);
  const fewer = await patch(em, ref, { quantity: 2 });
  assert.equal(fewer.status, 400);
  assert.equal(fewer.body.code, 800090);
});

// change-the-quantity-of-a-subscription.md: "When the patch operation takes longer than the expected
// time, the Partner Center sends an HTTP status 202 status code and a location header that points to
// where to retrieve the subscription." The slow-patch fault gives that answer.
test('the slow-patch fault answers 202 with Location; the change is made', async (t) => {
  const em = await withEmulator(t, { faults: { slowPatch: 1, limit: 1 } });
  const ref = em.fixtures.subscriptions.recent;
  const slow = await patch(em, ref, { quantity: 1 });
  assert.equal(slow.status, 202);
  assert.equal(slow.headers.get('location'), `/customers/${ref.customerId}/subscriptions/${ref.subscriptionId}`);
  assert.equal(slow.body.quantity, 1);
  assert.equal((await call(em, uriOf(ref))).body.quantity, 1);
  assert.equal(em.requests.find((r) => r.method === 'PATCH')?.fault, 'slow-patch');
  const refused = await patch(em, em.fixtures.subscriptions.old, { quantity: 1 });
  assert.equal(refused.status, 400, 'a refused change is refused, not slow');
});

// create-a-new-subscription.md†: "Saved scheduled changes are deleted if you make any of the
// following midterm changes: … Turn off autorenew". A client turning auto-renew off sends the
// full resource as read (update-a-subscription-by-id.md), saved instructions included: that is a
// change that deletes them, not a request to schedule without auto-renew (create-scheduled-changes.md).
test('turning auto-renew off with the full resource as read deletes the saved scheduled changes', async (t) => {
  const em = await withEmulator(t);
  const ref = em.fixtures.subscriptions.old;
  const instructions = {
    product: {
      productId: 'CFQ7TTC0LFLZ',
      skuId: '0001',
      availabilityId: 'CFQ7TTC0KDLJ',
      billingCycle: 'annual',
      termDuration: 'P1Y',
    },
    quantity: 20,
  };
  const scheduled = await patch(em, ref, { scheduledNextTermInstructions: instructions });
  assert.equal(scheduled.status, 200);
  const off = await patch(em, ref, { autoRenewEnabled: false });
  assert.equal(off.status, 200, JSON.stringify(off.body));
  assert.equal(off.body.autoRenewEnabled, false);
  assert.equal('scheduledNextTermInstructions' in off.body, false);
  // New instructions still need auto-renew on (create-scheduled-changes.md).
  assert.equal((await patch(em, ref, { scheduledNextTermInstructions: instructions })).body.code, 800002);
});
