import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { call, movableClock } from './helpers';

test('a new order is pending, then completes with subscription ids that resolve', async (t) => {
  // A movable clock, so "still pending" does not depend on how busy the machine is.
  const clock = movableClock();
  const em = await withEmulator(t, { provisioningDelayMs: 60_000, clock: clock.now });
  const c = em.fixtures.customerId;
  const created = await call(em, `/v1/customers/${c}/orders`, {
    body: {
      BillingCycle: 'Monthly',
      LineItems: [
        { LineItemNumber: 0, OfferId: em.fixtures.catalog.license, Quantity: 3, TermDuration: 'P1Y', FriendlyName: 'Sales' },
      ],
    },
  });
  assert.equal(created.status, 201);
  assert.equal(created.body.status, 'pending');
  assert.equal(created.body.billingCycle, 'monthly');
  assert.equal(created.body.lineItems[0].subscriptionId, undefined);
  assert.equal(created.body.lineItems[0].friendlyName, 'Sales');
  assert.equal(created.body.links.self.uri, `/customers/${c}/orders/${created.body.id}`);
  assert.match(created.body.id, /^[0-9a-f]{12}$/);

  const before = await call(em, `/v1/customers/${c}/subscriptions?order_id=${created.body.id}`);
  assert.equal(before.body.totalCount, 0);

  const still = await call(em, `/v1${created.body.links.self.uri}`);
  assert.equal(still.body.status, 'pending');
  clock.advance(60_001);
  const done = await call(em, `/v1${created.body.links.self.uri}`);
  assert.equal(done.body.status, 'completed');
  const subId = done.body.lineItems[0].subscriptionId;
  assert.ok(subId);
  const sub = await call(em, `/v1${done.body.lineItems[0].links.subscription.uri}`);
  assert.equal(sub.status, 200);
  assert.equal(sub.body.id, subId);
  assert.equal(sub.body.quantity, 3);
  assert.equal(sub.body.termDuration, 'P1Y');
  assert.equal(sub.body.billingCycle, 'monthly');
  const byOrder = await call(em, `/v1/customers/${c}/subscriptions?order_id=${created.body.id}`);
  assert.deepEqual(
    byOrder.body.items.map((s: { id: string }) => s.id),
    [subId],
  );
  const status = await call(em, `/v1${done.body.links.provisioningStatus.uri}`);
  assert.equal(status.body.items[0].status, 'fulfilled');
});

test('listing orders shows pending, completed and cancelled orders, filters by billingType, and prices on request', async (t) => {
  const em = await withEmulator(t);
  const c = em.fixtures.customerId;
  const all = await call(em, `/v1/customers/${c}/orders`);
  const statuses = new Set(all.body.items.map((o: { status: string }) => o.status));
  assert.deepEqual([...statuses].sort(), ['cancelled', 'completed', 'pending']);
  assert.equal(all.body.items[0].totalPrice, undefined);
  const oneTime = await call(em, `/v1/customers/${c}/orders?billingType=OneTime&include_price=true`);
  assert.ok(oneTime.body.items.length > 0);
  for (const o of oneTime.body.items) {
    assert.equal(o.billingCycle, 'one_time');
    assert.equal(typeof o.totalPrice, 'number');
    assert.equal(typeof o.lineItems[0].pricing.extendedPrice, 'number');
  }
  assert.equal((await call(em, `/v1/customers/${c}/orders/doesnotexist`)).body.code, 20000);
});

async function order(
  em: RunningEmulator,
  body: unknown,
  customerId = em.fixtures.customerId,
): Promise<{ status: number; code?: number }> {
  const r = await call(em, `/v1/customers/${customerId}/orders`, { body });
  return { status: r.status, code: r.body?.code };
}

test('order rules answer the documented codes', async (t) => {
  const em = await withEmulator(t);
  const { license, attestation, reservation, trial, minimumFive, legacyOffer, software } = em.fixtures.catalog;
  const line = (extra: Record<string, unknown>): Record<string, unknown> => ({
    lineItemNumber: 0,
    offerId: license,
    quantity: 1,
    ...extra,
  });
  // lineItemNumber 0..n-1, unique
  assert.deepEqual(await order(em, { billingCycle: 'monthly', lineItems: [line({}), line({ lineItemNumber: 0 })] }), {
    status: 400,
    code: 800071,
  });
  assert.deepEqual(await order(em, { billingCycle: 'monthly', lineItems: [line({ lineItemNumber: 1 })] }), {
    status: 400,
    code: 800071,
  });
  // quantity bounds
  assert.deepEqual(await order(em, { billingCycle: 'monthly', lineItems: [line({ quantity: 301 })] }), {
    status: 400,
    code: 900275,
  });
  assert.deepEqual(await order(em, { billingCycle: 'monthly', lineItems: [line({ offerId: minimumFive, quantity: 4 })] }), {
    status: 400,
    code: 900275,
  });
  // term x billing cycle
  assert.deepEqual(await order(em, { billingCycle: 'annual', lineItems: [line({ termDuration: 'P1M' })] }), {
    status: 400,
    code: 900270,
  });
  assert.deepEqual(await order(em, { billingCycle: 'triennial', lineItems: [line({ termDuration: 'P3Y' })] }), {
    status: 400,
    code: 800121,
  });
  assert.deepEqual(await order(em, { billingCycle: 'one_time', lineItems: [line({})] }), { status: 400, code: 900269 });
  assert.deepEqual(await order(em, { billingCycle: 'fortnightly', lineItems: [line({})] }), { status: 400, code: 900126 });
  // attestation
  assert.deepEqual(await order(em, { billingCycle: 'monthly', lineItems: [line({ offerId: attestation })] }), {
    status: 400,
    code: 900203,
  });
  assert.deepEqual(
    await order(em, { billingCycle: 'monthly', lineItems: [line({ offerId: attestation, attestationAccepted: true })] }),
    { status: 400, code: 900206 },
  );
  assert.deepEqual(
    await order(em, {
      billingCycle: 'monthly',
      PartnerOnRecordAttestationAccepted: true,
      lineItems: [line({ offerId: attestation, AttestationAccepted: true })],
    }),
    { status: 201, code: undefined },
  );
  // unknown and legacy items
  assert.deepEqual(
    await order(em, { billingCycle: 'monthly', lineItems: [line({ offerId: 'CFQ7TTC0ZZZZ:0001:CFQ7TTC0ZZZZ' })] }),
    { status: 400, code: 800004 },
  );
  assert.deepEqual(await order(em, { billingCycle: 'monthly', lineItems: [line({ offerId: legacyOffer })] }), {
    status: 403,
    code: 800020,
  });
  // reservations: provisioning context
  const ri = (ctx: Record<string, string>): unknown => ({
    BillingCycle: 'one_time',
    LineItems: [{ LineItemNumber: 0, OfferId: reservation, Quantity: 1, ProvisioningContext: ctx }],
  });
  assert.deepEqual(await order(em, ri({ scope: 'resource group', subscriptionId: 'x', duration: '1Year' })), {
    status: 400,
    code: 900312,
  });
  // A single-scope reservation names its Azure subscription in subscriptionId (product-resources.md;
  // create-a-cart.md sends {"subscriptionId", "scope": "single"}); no entitlementId is needed.
  assert.deepEqual(await order(em, ri({ scope: 'Single', subscriptionId: 'x', duration: '1Year' })), {
    status: 201,
    code: undefined,
  });
  assert.deepEqual(await order(em, ri({ scope: 'shared' })), { status: 400, code: 900317 });
  assert.deepEqual(await order(em, ri({ scope: 'shared', subscriptionId: 'x', duration: '5Years' })), {
    status: 400,
    code: 800002,
  });
  assert.deepEqual(await order(em, ri({ scope: 'shared', subscriptionId: 'x', duration: '3Years' })), {
    status: 400,
    code: 800002,
  });
  assert.deepEqual(await order(em, ri({ scope: 'Single', subscriptionId: 'x', entitlementId: 'y', duration: '1year' })), {
    status: 201,
    code: undefined,
  });
  // trial and perpetual software
  assert.deepEqual(await order(em, { billingCycle: 'none', lineItems: [line({ offerId: trial, quantity: 25 })] }), {
    status: 201,
    code: undefined,
  });
  assert.deepEqual(await order(em, { billingCycle: 'one_time', lineItems: [line({ offerId: software, termDuration: 'P1Y' })] }), {
    status: 400,
    code: 800121,
  });
  assert.deepEqual(await order(em, { billingCycle: 'ONE_TIME', lineItems: [line({ offerId: software })] }), {
    status: 201,
    code: undefined,
  });
});

test('a purchase needs an MCA confirmation (13605) and succeeds once the partner confirms it', async (t) => {
  const em = await withEmulator(t);
  const c = em.fixtures.customersWithoutMca[0];
  const body = { billingCycle: 'monthly', lineItems: [{ lineItemNumber: 0, offerId: em.fixtures.catalog.license, quantity: 1 }] };
  assert.deepEqual(await order(em, body, c), { status: 403, code: 13605 });
  assert.equal((await call(em, `/v1/customers/${c}/agreements?agreementType=MicrosoftCustomerAgreement`)).body.totalCount, 0);

  const meta = await call(em, '/v1/agreements?agreementType=MicrosoftCustomerAgreement');
  const templateId = meta.body.items[0].templateId;
  assert.equal(templateId, '117a77b0-9360-443b-8795-c6dedc750cf9');
  const confirmation = {
    primaryContact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
    templateId,
    dateAgreed: '2025-01-01T00:00:00Z',
    type: 'MicrosoftCustomerAgreement',
  };
  const confirmed = await call(em, `/v1/customers/${c}/agreements`, { body: confirmation });
  assert.equal(confirmed.status, 201);
  assert.ok(confirmed.body.userId);
  const duplicate = await call(em, `/v1/customers/${c}/agreements`, { body: confirmation });
  assert.equal(duplicate.status, 409);
  assert.equal(duplicate.body.errorName, 'PartnerConfirmedAgreementAlreadyExists');
  assert.equal(duplicate.body.code, 600061);
  const newPhone = { ...confirmation, primaryContact: { ...confirmation.primaryContact, phoneNumber: '4255550100' } };
  assert.equal(
    (await call(em, `/v1/customers/${c}/agreements`, { body: newPhone })).status,
    201,
    'a changed phone number is a new confirmation, as the docs allow',
  );
  assert.equal((await order(em, body, c)).status, 201);
});

test('a repeated POST with the same MS-RequestId returns the first order and creates no second one', async (t) => {
  const em = await withEmulator(t);
  const c = em.fixtures.customerId;
  const body = { billingCycle: 'monthly', lineItems: [{ lineItemNumber: 0, offerId: em.fixtures.catalog.license, quantity: 2 }] };
  const before = (await call(em, `/v1/customers/${c}/orders`)).body.totalCount;
  const first = await call(em, `/v1/customers/${c}/orders`, { body, headers: { 'MS-RequestId': 'same-id' } });
  const second = await call(em, `/v1/customers/${c}/orders`, { body, headers: { 'MS-RequestId': 'same-id' } });
  assert.equal(second.status, first.status);
  assert.equal(second.text, first.text);
  assert.equal(second.headers.get('ms-requestid'), 'same-id');
  assert.equal((await call(em, `/v1/customers/${c}/orders`)).body.totalCount, before + 1);
  assert.equal(em.requests.filter((r) => r.replayed).length, 1);
  const third = await call(em, `/v1/customers/${c}/orders`, { body, headers: { 'MS-RequestId': 'other-id' } });
  assert.notEqual(third.body.id, first.body.id);
});
