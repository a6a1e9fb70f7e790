import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withEmulator } from '../../support/emulator';
import { waitFor } from '../../support/waitFor';
import { call } from './helpers';

test('entitlements list software and reserved instances, filter by type, and show expiry on request', async (t) => {
  const em = await withEmulator(t);
  const c = em.fixtures.customerId;
  const all = await call(em, `/v1/customers/${c}/entitlements`);
  assert.equal(all.status, 200);
  const types = all.body.items.map((e: { entitlementType: string }) => e.entitlementType).sort();
  assert.deepEqual(types, ['reservedinstance', 'software']);
  assert.ok(all.body.items.every((e: { expiryDate?: string }) => e.expiryDate === undefined));

  const ri = await call(em, `/v1/customers/${c}/entitlements?entitlementType=reservedInstance&showExpiry=true`);
  assert.equal(ri.body.totalCount, 1);
  assert.ok(ri.body.items[0].expiryDate);
  const software = await call(em, `/v1/customers/${c}/entitlements?entitlementtype=software&showExpiry=true`);
  assert.equal(software.body.items[0].entitlementType, 'software');
  assert.equal(
    (await call(em, `/v1/customers/${c}/entitlements?entitlementType=virtualmachinereservedinstance`)).body.totalCount,
    1,
  );
  assert.equal((await call(em, `/v1/customers/${c}/entitlements?entitlementType=hardware`)).status, 400);
});

test('reserved-instance artifact links resolve to reservation details', async (t) => {
  const em = await withEmulator(t);
  const c = em.fixtures.customerId;
  const ri = await call(em, `/v1/customers/${c}/entitlements?entitlementType=reservedinstance`);
  const artifact = ri.body.items[0].entitledArtifacts[0];
  assert.equal(artifact.artifactType, 'reservedinstance');
  assert.equal(artifact.dynamicAttributes.reservationType, 'virtualmachines');
  assert.ok(!artifact.link.uri.startsWith('/v1'));
  const details = await call(em, `/v1${artifact.link.uri}`);
  assert.equal(details.status, 200);
  assert.equal(details.body.reservations[0].quantity, 2);
  assert.equal(details.body.reservations[0].scopeType, 'Shared');
  const wrong = await call(em, `/v1${artifact.link.uri.replace(artifact.resourceId, '00000000-0000-0000-0000-000000000000')}`);
  assert.equal(wrong.status, 404);
});

test('a reservation order creates an entitlement once provisioned', async (t) => {
  const em = await withEmulator(t, { provisioningDelayMs: 0 });
  const c = em.fixtures.customerId;
  const body = {
    billingCycle: 'one_time',
    lineItems: [
      {
        lineItemNumber: 0,
        offerId: em.fixtures.catalog.reservation,
        quantity: 3,
        provisioningContext: { scope: 'shared', subscriptionId: 'plan', duration: '1Year' },
      },
    ],
  };
  assert.equal((await call(em, `/v1/customers/${c}/orders`, { body })).status, 201);
  const found = await waitFor(
    'reservation entitlement',
    async () => {
      const r = await call(em, `/v1/customers/${c}/entitlements?entitlementType=reservedinstance`);
      return r.body.totalCount === 2 ? r : undefined;
    },
    2000,
  );
  assert.ok(found.body.items.some((e: { quantity: number }) => e.quantity === 3));
});

test('App+User-only APIs refuse app-only tokens (900329)', async (t) => {
  const em = await withEmulator(t);
  const payload = Buffer.from(JSON.stringify({ aud: 'https://api.partnercenter.microsoft.com', idtyp: 'app' })).toString(
    'base64url',
  );
  const appToken = `eyJhbGciOiJub25lIn0.${payload}.sig`;
  const c = em.fixtures.customerId;
  const refused = await call(em, `/v1/customers/${c}/entitlements`, { token: appToken });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.code, 900329);
  assert.equal((await call(em, `/v1/customers/${c}/subscriptions`, { token: appToken })).status, 200);
});
