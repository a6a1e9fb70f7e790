import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, DAY, movableClock, withEmulator } from './helpers';

type Em = Awaited<ReturnType<typeof withEmulator>>;

async function patch(em: Em, ref: { customerId: string; subscriptionId: string }, changes: Record<string, unknown>, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> { // eslint-disable-line @typescript-eslint/no-explicit-any
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
  const first = await call(em, uri, { method: 'PATCH', body: { ...current.body, friendlyName: 'A' }, headers: { 'If-Match': etag } });
  assert.equal(first.status, 200);
  assert.notEqual(first.body.attributes.etag, etag);
  const stale = await call(em, uri, { method: 'PATCH', body: { ...current.body, friendlyName: 'B' }, headers: { 'If-Match': etag } });
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
