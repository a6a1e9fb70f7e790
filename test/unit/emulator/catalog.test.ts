import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withEmulator } from '../../support/emulator';
import { call } from './helpers';

test('products need country and targetView; unknown views and segments are refused', async (t) => {
  const em = await withEmulator(t);
  assert.equal((await call(em, '/v1/products?targetView=OnlineServices')).status, 400);
  assert.equal((await call(em, '/v1/products?country=US')).status, 400);
  const badView = await call(em, '/v1/products?country=US&targetView=Nope');
  assert.equal(badView.status, 403);
  assert.equal(badView.body.code, 400036);
  assert.equal((await call(em, '/v1/products?country=US&targetView=OnlineServices&targetSegment=martian')).body.code, 400030);
  const nce = await call(em, '/v1/products?country=US&targetView=onlineservices');
  assert.ok(nce.body.items.length >= 5);
  assert.ok(nce.body.items.every((p: { productType: { id: string } }) => p.productType.id === 'OnlineServicesNCE'));
});

test('following links from a product reaches SKUs and availabilities with terms', async (t) => {
  const em = await withEmulator(t);
  const products = await call(em, '/v1/products?country=US&targetView=OnlineServices');
  const e3 = products.body.items.find((p: { id: string }) => p.id === 'CFQ7TTC0LFLZ');
  const skus = await call(em, `/v1${e3.links.skus.uri}`);
  const sku = skus.body.items[0];
  const availabilities = await call(em, `/v1${sku.links.availabilities.uri}`);
  const a = availabilities.body.items[0];
  assert.match(a.catalogItemId, /^[0-9A-Z]{12}:[0-9A-Z]{4}:[0-9A-Z]{12}$/);
  const pairs = a.terms.map(
    (term: { duration: string; billingCycle: string }) => `${term.duration}/${term.billingCycle.toLowerCase()}`,
  );
  assert.deepEqual(pairs, ['P1M/monthly', 'P1Y/monthly', 'P1Y/annual', 'P3Y/monthly', 'P3Y/annual', 'P3Y/triennial']);
  const one = await call(em, `/v1${a.links.self.uri}`);
  assert.equal(one.body.id, a.id);
  assert.equal((await call(em, '/v1/products/CFQ7TTC0LFLZ/skus/0001/availabilities/NOPE?country=US')).body.code, 400019);
  assert.equal((await call(em, '/v1/products/CFQ7TTC0LFLZ/skus/9999?country=US')).body.code, 400018);
  assert.equal((await call(em, '/v1/products/NOPE?country=US')).body.code, 400013);
});

test('special SKUs: reservation provisioning variables, attestation, trial, quantity bounds', async (t) => {
  const em = await withEmulator(t);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read loosely shaped JSON answers
  const sku = async (catalogItemId: string): Promise<any> => {
    const [p, s] = catalogItemId.split(':');
    return (await call(em, `/v1/products/${p}/skus/${s}?country=US`)).body;
  };
  const ri = await sku(em.fixtures.catalog.reservation);
  // get-a-sku-by-id.md and get-a-list-of-skus-for-a-product.md: reservation SKUs list Scope and SubscriptionId.
  assert.deepEqual(ri.provisioningVariables, ['Scope', 'SubscriptionId']);
  assert.deepEqual(ri.supportedBillingCycles, ['one_time']);
  assert.equal((await sku(em.fixtures.catalog.attestation)).attestationProperties.enforceAttestation, true);
  const trial = await sku(em.fixtures.catalog.trial);
  assert.equal(trial.isTrial, true);
  assert.deepEqual(trial.supportedBillingCycles, ['none']);
  assert.equal((await sku(em.fixtures.catalog.minimumFive)).minimumQuantity, 5);
  const reservations = await call(em, '/v1/products?country=US&targetView=AzureReservations');
  assert.ok(reservations.body.items.length >= 1);
});

test('the customer-scoped catalog uses the customer country and its links stay under the customer', async (t) => {
  const em = await withEmulator(t);
  const c = em.fixtures.customerId;
  const products = await call(em, `/v1/customers/${c}/products?targetView=OnlineServices`);
  assert.equal(products.status, 200);
  const skusUri = products.body.items[0].links.skus.uri;
  assert.ok(skusUri.startsWith(`/customers/${c}/products/`));
  const skus = await call(em, `/v1${skusUri}`);
  const availabilities = await call(em, `/v1${skus.body.items[0].links.availabilities.uri}`);
  assert.equal(availabilities.status, 200);
  assert.match(availabilities.body.items[0].country, /^[A-Z]{2}$/);
});

test('legacy offers have GUID ids, page by offset, and catalog ids are refused (2100)', async (t) => {
  const em = await withEmulator(t);
  const page = await call(em, '/v1/offers?country=US&size=2');
  assert.equal(page.body.items.length, 2);
  assert.match(page.body.items[0].id, /^[0-9A-F-]{36}$/i);
  const total = page.body.totalCount;
  assert.ok(total > 2);
  const next = await call(em, `/v1${page.body.links.next.uri}`);
  assert.equal(next.body.items.length, Math.min(2, total - 2));
  const one = await call(em, `/v1/offers/${em.fixtures.catalog.legacyOffer}?country=US`);
  assert.equal(one.body.attributes.objectType, 'Offer');
  assert.equal((await call(em, `/v1/offers/${em.fixtures.catalog.license}?country=US`)).body.code, 2100);
});
