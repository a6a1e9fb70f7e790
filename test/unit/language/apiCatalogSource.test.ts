// The API-backed catalog source: lookups cached per client, 404 is "not in the catalog", other
// failures are "don't know" (not cached), and no client means "catalog off".
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { PartnerCenterError } from '../../../common/src/api/errors';
import { type CatalogClient, createApiCatalogSource } from '../../../common/src/language';

function fakeClient(calls: string[], fail?: 'notFound' | 'network'): CatalogClient {
  const error = (status: number) => new PartnerCenterError({ kind: status ? 'http' : 'network', method: 'GET', path: '/x', requestId: 'r', correlationId: 'c', status });
  const answer = <T>(path: string, value: T): Promise<T> => {
    calls.push(path);
    if (fail === 'notFound') return Promise.reject(error(404));
    if (fail === 'network') return Promise.reject(error(0));
    return Promise.resolve(value);
  };
  const catalog = {
    product: (p: string) => answer(`product ${p}`, { id: p, title: 'Microsoft 365 E3', productType: { id: 'OnlineServicesNCE' } }),
    sku: (_p: string, s: string) => answer(`sku ${s}`, { id: s, title: 'E3', minimumQuantity: 1, maximumQuantity: 100, provisioningVariables: [], attestationProperties: { enforceAttestation: true } }),
    availability: (p: string, s: string, a: string) => answer(`availability ${a}`, { id: a, catalogItemId: `${p}:${s}:${a}`, terms: [{ duration: 'P1Y', billingCycle: 'Annual' }, { duration: 'P3Y', billingCycle: 'OneTime' }] }),
    products: () => answer('products', [{ id: 'CFQ7TTC0LFLZ', title: 'Microsoft 365 E3' }]),
    skus: () => answer('skus', [{ id: '0001', title: 'E3' }]),
    availabilities: () => answer('availabilities', [{ id: 'CFQ7TTC0KDLJ', catalogItemId: 'CFQ7TTC0LFLZ:0001:CFQ7TTC0KDLJ', terms: [] }]),
  };
  const customers = { list: async function* () { calls.push('customers'); yield { id: 'c1', companyProfile: { companyName: 'Contoso', domain: 'contoso' } }; } };
  return { catalog, customers } as unknown as CatalogClient;
}

test('resolves items once and caches them; billing cycles come back canonical', async () => {
  const calls: string[] = [];
  const client = fakeClient(calls);
  const source = createApiCatalogSource(() => client);
  const first = await source.resolveItems(['CFQ7TTC0LFLZ:0001:CFQ7TTC0KDLJ']);
  assert.equal(first.available, true);
  const info = first.items['CFQ7TTC0LFLZ:0001:CFQ7TTC0KDLJ']!;
  assert.deepEqual(info.terms.map((t) => t.billingCycle), ['annual', 'one_time']);
  assert.equal(info.enforceAttestation, true);
  await source.resolveItems(['cfq7ttc0lflz:0001:cfq7ttc0kdlj']);
  assert.equal(calls.length, 3, 'the second lookup is served from the cache');
});

test('404 means not in the catalog; network failures are left unknown', async () => {
  assert.deepEqual((await createApiCatalogSource(() => fakeClient([], 'notFound')).resolveItems(['A:B:C'])).items, { 'A:B:C': null });
  assert.deepEqual((await createApiCatalogSource(() => fakeClient([], 'network')).resolveItems(['A:B:C'])).items, {});
});

test('without a client every answer says the catalog is off', async () => {
  const source = createApiCatalogSource(() => undefined, { signedOutReason: 'sign in.' });
  assert.deepEqual(await source.resolveItems(['A:B:C']), { available: false, reason: 'sign in.', items: {} });
  assert.equal((await source.listItems()).available, false);
  assert.equal((await source.listCustomers()).available, false);
});

test('lists items and customers once per client', async () => {
  const calls: string[] = [];
  const client = fakeClient(calls);
  const source = createApiCatalogSource(() => client, { targetViews: ['OnlineServices'] });
  assert.equal((await source.listItems()).items.length, 1);
  await source.listItems();
  assert.deepEqual((await source.listCustomers()).customers, [{ id: 'c1', companyName: 'Contoso', domain: 'contoso' }]);
  assert.equal(calls.filter((c) => c === 'products').length, 1);
});
