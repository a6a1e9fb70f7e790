import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { waitFor } from '../../support/waitFor';
import { call } from './helpers';

type Em = RunningEmulator;

function cartsUri(em: Em, customerId = em.fixtures.customerId): string {
  return `/v1/customers/${customerId}/carts`;
}

test('create, get, update and check out a cart; checkout makes one order per orderGroup', async (t) => {
  const em = await withEmulator(t, { provisioningDelayMs: 0 });
  const { license, threeYear, software } = em.fixtures.catalog;
  const created = await call(em, cartsUri(em), {
    body: {
      LineItems: [
        { Id: 0, CatalogItemId: license, Quantity: 2, BillingCycle: 'Monthly', TermDuration: 'P1M' },
        { Id: 1, CatalogItemId: software, Quantity: 1, BillingCycle: 'one_time' },
      ],
    },
  });
  assert.equal(created.status, 201);
  assert.equal(created.body.status, 'Active');
  assert.equal(created.body.attributes.objectType, 'Cart');
  assert.deepEqual(
    created.body.lineItems.map((l: { orderGroup: string }) => l.orderGroup),
    ['0', '1'],
  );
  assert.equal(created.body.lineItems[0].currencyCode, 'USD');
  assert.equal(created.body.lineItems[0].pricing.extendedPrice, 12);
  const days = (Date.parse(created.body.expirationTimestamp) - Date.parse(created.body.creationTimestamp)) / 86_400_000;
  assert.equal(Math.round(days), 7);

  const self = `/v1${created.body.links.self.uri}`;
  assert.equal((await call(em, self)).body.id, created.body.id);
  const updated = await call(em, self, {
    method: 'PUT',
    body: {
      ...created.body,
      lineItems: [
        ...created.body.lineItems,
        { id: 2, catalogItemId: threeYear, quantity: 5, billingCycle: 'annual', termDuration: 'P3Y' },
      ],
    },
  });
  assert.equal(updated.status, 201);
  assert.deepEqual(
    updated.body.lineItems.map((l: { orderGroup: string }) => l.orderGroup),
    ['0', '1', '2'],
  );

  const checkout = await call(em, `${self}/checkout`, { method: 'POST' });
  assert.equal(checkout.status, 201);
  assert.equal(checkout.body.orders.length, 3);
  assert.deepEqual(checkout.body.orderErrors, []);
  assert.deepEqual(checkout.body.orders.map((o: { billingCycle: string }) => o.billingCycle).sort(), [
    'annual',
    'monthly',
    'one_time',
  ]);
  assert.ok(checkout.body.orders.every((o: { status: string }) => o.status === 'pending'));
  assert.equal((await call(em, self)).body.status, 'Ordered');

  // checkout-a-cart.md: a repeated checkout answers the first one's result and buys nothing more.
  const ordersBefore = (await call(em, `${cartsUri(em).replace(/carts$/, 'orders')}`)).body.totalCount;
  const again = await call(em, `${self}/checkout`, { method: 'POST' });
  assert.equal(again.status, 201);
  assert.deepEqual(again.body, checkout.body);
  assert.equal((await call(em, `${cartsUri(em).replace(/carts$/, 'orders')}`)).body.totalCount, ordersBefore, 'no new order');
  const put = await call(em, self, { method: 'PUT', body: created.body });
  assert.deepEqual([put.status, put.body.code], [400, 800065], 'a checked-out cart cannot be changed');

  const orderUri = `/v1${checkout.body.orders[0].links.self.uri}`;
  await waitFor(
    'checkout order completion',
    async () => ((await call(em, orderUri)).body.status === 'completed' ? true : undefined),
    2000,
  );
});

test('cart line rules put errors on the line; checkout then refuses with 800009', async (t) => {
  const em = await withEmulator(t);
  const { license, attestation, legacyOffer, minimumFive } = em.fixtures.catalog;
  const created = await call(em, cartsUri(em), {
    body: {
      lineItems: [
        { catalogItemId: license, quantity: 500, billingCycle: 'monthly' },
        { catalogItemId: attestation, quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' },
        { catalogItemId: license, quantity: 1, billingCycle: 'annual', termDuration: 'P1M' },
        { catalogItemId: legacyOffer, quantity: 1, billingCycle: 'monthly' },
        { catalogItemId: license, quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' },
        { catalogItemId: minimumFive, quantity: 4, billingCycle: 'monthly', termDuration: 'P1M' },
      ],
    },
  });
  assert.equal(created.status, 201);
  const codes = created.body.lineItems.map((l: { error?: { errorCode: number } }) => l.error?.errorCode);
  assert.deepEqual(codes, [10015, 10012, 10013, 500600, undefined, 10010], 'too many seats is 10015, too few the generic 10010');
  assert.equal(typeof created.body.lineItems[0].error.errorDescription, 'string');
  const checkout = await call(em, `/v1${created.body.links.self.uri}/checkout`, { method: 'POST' });
  assert.equal(checkout.status, 400);
  assert.equal(checkout.body.code, 800009);
  assert.equal(checkout.body.data.length, 5);
});

test('request-level cart errors: unknown item 400019, numbering 800071, missing billing cycle, provisioning context', async (t) => {
  const em = await withEmulator(t);
  const { license, reservation } = em.fixtures.catalog;
  const post = async (lineItems: unknown[]): Promise<[number, number]> => {
    const r = await call(em, cartsUri(em), { body: { lineItems } });
    return [r.status, r.body.code];
  };
  assert.deepEqual(
    await post([{ catalogItemId: 'CFQ7TTC0LH18:0001:NOPE', quantity: 1, billingCycle: 'monthly' }]),
    [404, 400019],
  );
  assert.deepEqual(await post([{ id: 1, catalogItemId: license, quantity: 1, billingCycle: 'monthly' }]), [400, 800071]);
  assert.deepEqual(await post([{ catalogItemId: license, quantity: 1 }]), [400, 800002]);
  assert.deepEqual(
    await post([
      {
        catalogItemId: reservation,
        quantity: 1,
        billingCycle: 'one_time',
        provisioningContext: { scope: 'galaxy', subscriptionId: 's' },
      },
    ]),
    [400, 900312],
  );
  // azure-purchase-savings-plan.md: "EntitlementId: Azure subscription ID, required for single scope".
  const savingsPlan = {
    catalogItemId: 'DZH318Z09V6F:0001:DZH318Z0BLD3',
    quantity: 1,
    billingCycle: 'one_time',
    termDuration: 'P1Y',
    purchaseCommitment: { amount: 0.05, grain: 'hourly', currency: 'usd' },
  };
  assert.deepEqual(
    await post([{ ...savingsPlan, provisioningContext: { scope: 'single', subscriptionId: 's' } }]),
    [400, 900313],
  );
  assert.equal((await call(em, `${cartsUri(em)}/00000000-0000-0000-0000-000000000000`)).body.code, 800008);
});

test('checkout needs an MCA confirmation (13605)', async (t) => {
  const em = await withEmulator(t);
  const c = em.fixtures.customersWithoutMca[1];
  const created = await call(em, cartsUri(em, c), {
    body: { lineItems: [{ catalogItemId: em.fixtures.catalog.license, quantity: 1, billingCycle: 'monthly' }] },
  });
  assert.equal(created.status, 201);
  const checkout = await call(em, `/v1${created.body.links.self.uri}/checkout`, { method: 'POST' });
  assert.equal(checkout.status, 403);
  assert.equal(checkout.body.code, 13605);
});

test('retrying a checkout with the same MS-RequestId returns the first result', async (t) => {
  const em = await withEmulator(t);
  const created = await call(em, cartsUri(em), {
    body: { lineItems: [{ catalogItemId: em.fixtures.catalog.license, quantity: 1, billingCycle: 'monthly' }] },
  });
  const uri = `/v1${created.body.links.self.uri}/checkout`;
  const first = await call(em, uri, { method: 'POST', headers: { 'MS-RequestId': 'checkout-1' } });
  const retry = await call(em, uri, { method: 'POST', headers: { 'MS-RequestId': 'checkout-1' } });
  assert.equal(first.status, 201);
  assert.equal(retry.status, 201);
  assert.equal(retry.text, first.text);
});
