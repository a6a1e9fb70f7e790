// The API-backed catalog source over a real client and the emulator: lookups cached per client,
// 404 is "not in the catalog", other failures are "don't know" (not cached), and no client means
// "catalog off". What reached the service is read from the emulator's request log.
import { test, type TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import { PartnerCenterClient } from '../../../common/src/api';
import { createApiCatalogSource } from '../../../common/src/language';
import { type RunningEmulator, startEmulator } from '../../../emulator/src/index';

async function setUp(t: TestContext): Promise<{ emu: RunningEmulator; client: PartnerCenterClient }> {
  const emu = await startEmulator();
  t.after(() => emu.close());
  const client = new PartnerCenterClient({
    endpoint: emu.url,
    tokenProvider: { getToken: async () => 'catalog-test' },
    maxRetries: 0,
  });
  t.after(() => client.close());
  return { emu, client };
}

test('resolves items once and caches them; billing cycles come back canonical', async (t) => {
  const { emu, client } = await setUp(t);
  const { license, attestation, reservation } = emu.fixtures.catalog;
  const source = createApiCatalogSource(() => client);
  const first = await source.resolveItems([license, attestation, reservation]);
  assert.equal(first.available, true);
  // The emulator writes availability billing cycles in PascalCase, as the documented example does.
  assert.deepEqual(
    first.items[license]!.terms.map((t) => [t.duration, t.billingCycle]),
    [
      ['P1M', 'monthly'],
      ['P1Y', 'monthly'],
      ['P1Y', 'annual'],
    ],
  );
  assert.deepEqual(
    first.items[reservation]!.terms.map((t) => t.billingCycle),
    ['one_time'],
  );
  assert.equal(first.items[attestation]!.enforceAttestation, true);
  assert.equal(first.items[license]!.enforceAttestation, false);
  const asked = emu.requests.length;
  assert.equal(asked, 9, 'product, SKU and availability for each item');

  const again = await source.resolveItems([license.toLowerCase(), reservation]);
  assert.equal(again.available, true);
  assert.deepEqual(again.items[license.toLowerCase()], first.items[license]);
  assert.equal(emu.requests.length, asked, 'the second lookup is served from the cache');
});

test('404 means not in the catalog; a network failure is left unknown and asked again next time', async (t) => {
  const { emu, client } = await setUp(t);
  const source = createApiCatalogSource(() => client);
  assert.deepEqual(await source.resolveItems(['NOPE00000000:0001:NOPE00000000']), {
    available: true,
    items: { 'NOPE00000000:0001:NOPE00000000': null },
  });

  const { license } = emu.fixtures.catalog;
  emu.setFaults({ resetBeforeCommit: 1 });
  const failed = await source.resolveItems([license]);
  emu.setFaults(undefined);
  assert.equal(failed.available, false);
  assert.match(String(failed.reason), /did not answer/);
  assert.deepEqual(failed.items, {});
  assert.ok(emu.requests.some((r) => r.fault === 'reset-before-commit'));

  const later = await source.resolveItems([license]);
  assert.equal(later.available, true, 'the failure was not cached');
  assert.ok(later.items[license]);
});

test('without a client every answer says the catalog is off', async () => {
  const source = createApiCatalogSource(() => undefined, { signedOutReason: 'sign in.' });
  assert.deepEqual(await source.resolveItems(['A:B:C']), { available: false, reason: 'sign in.', items: {} });
  assert.equal((await source.listItems()).available, false);
  assert.equal((await source.listCustomers()).available, false);
});

test('lists items and customers once per client', async (t) => {
  const { emu, client } = await setUp(t);
  const source = createApiCatalogSource(() => client, { targetViews: ['OnlineServices'] });
  const items = await source.listItems();
  assert.equal(items.available, true);
  assert.ok(items.items.some((i) => i.catalogItemId.toUpperCase() === emu.fixtures.catalog.license.toUpperCase()));
  assert.ok(
    items.items.every((i) => i.productType === 'OnlineServicesNCE'),
    'only the asked target view',
  );
  const customers = await source.listCustomers();
  const all = await client.customers.listAll({ size: 0 });
  assert.deepEqual(
    customers.customers.map((c) => c.id),
    all.map((c) => c.id),
  );
  assert.equal(customers.customers[0]?.companyName, all[0]?.companyProfile?.companyName);

  const asked = emu.requests.length;
  await source.listItems();
  await source.listCustomers();
  assert.equal(emu.requests.length, asked, 'both lists are served from the cache');
  assert.equal(emu.requests.filter((r) => r.path.startsWith('/v1/products?')).length, 1);
});
