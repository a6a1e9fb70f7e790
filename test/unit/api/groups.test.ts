// Every typed resource group against the emulator: the paths, methods and bodies line up with the
// service's, and what comes back is usable by the explorer and the purchase flow.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MCA_AGREEMENT_TYPE, type PartnerCenterError } from '../../../common/src/api';
import { startEmulator } from '../../../emulator/src/index';
import { makeClient } from './helpers';

describe('resource groups against the emulator', () => {
  test('orders, subscriptions, entitlements, carts, catalog, agreements and offers', async () => {
    const emu = await startEmulator({ provisioningDelayMs: 20 });
    const client = makeClient(emu.url);
    const c = emu.fixtures.customerId;
    try {
      // Catalog, partner level and customer scoped.
      const [productId, skuId, availabilityId] = emu.fixtures.catalog.license.split(':');
      assert.equal((await client.catalog.product(productId, { country: 'US' })).id, productId);
      assert.equal((await client.catalog.sku(productId, skuId, { country: 'US' })).id, skuId);
      const availability = await client.catalog.availability(productId, skuId, availabilityId, { country: 'US' });
      assert.equal(availability.catalogItemId.toUpperCase(), emu.fixtures.catalog.license.toUpperCase());
      const scoped = await client.catalog.forCustomer(c).products({ targetView: 'OnlineServices' });
      assert.ok(scoped.some((p) => p.id === productId));
      assert.ok((await client.catalog.forCustomer(c).skus(productId)).some((s) => s.id === skuId));

      // Orders and their provisioning.
      const orders = await client.orders.list(c);
      assert.ok(orders.length > 0);
      const order = await client.orders.get(c, orders[0].id ?? '', { includePrice: true });
      assert.equal(order.id, orders[0].id);
      const status = await client.orders.provisioningStatus(c, order.id ?? '');
      assert.ok(status.length > 0 && typeof status[0].status === 'string');

      // Subscriptions: list, by order, get, PATCH with If-Match, provisioning status.
      const { subscriptionId } = emu.fixtures.subscriptions.recent;
      const subs = await client.subscriptions.list(c);
      assert.ok(subs.some((s) => s.id === subscriptionId));
      const sub = await client.subscriptions.get(c, subscriptionId);
      if (sub.orderId) assert.ok((await client.subscriptions.listByOrder(c, sub.orderId)).some((s) => s.id === subscriptionId));
      const updated = await client.subscriptions.update(c, subscriptionId, { ...sub, friendlyName: 'Renamed by test' }, { ifMatch: sub.attributes?.etag });
      assert.ok(updated.status === 200 || updated.status === 202);
      assert.equal((await client.subscriptions.get(c, subscriptionId)).friendlyName, 'Renamed by test');
      await assert.rejects(client.subscriptions.update(c, subscriptionId, { ...sub, friendlyName: 'Stale' }, { ifMatch: sub.attributes?.etag }),
        (err: PartnerCenterError) => err.status === 412 && Number(err.code) === 2055, 'a stale etag is refused');
      assert.equal(typeof (await client.subscriptions.provisioningStatus(c, subscriptionId)).status, 'string');

      // Entitlements and an artifact link when the customer has reserved instances.
      const entitlements = await client.entitlements.list(c, { showExpiry: true });
      assert.ok(entitlements.length > 0);
      const artifact = entitlements.flatMap((e) => e.entitledArtifacts ?? []).find((a) => a.link);
      if (artifact?.link) assert.ok(await client.entitlements.getArtifact(artifact.link));

      // Carts: create, read, replace, check out.
      const line = { id: 0, catalogItemId: emu.fixtures.catalog.license, quantity: 2, billingCycle: 'monthly', termDuration: 'P1M' };
      const cart = await client.carts.create(c, { lineItems: [line] });
      assert.ok(cart.id);
      assert.equal((await client.carts.get(c, cart.id)).lineItems[0].quantity, 2);
      const replaced = await client.carts.update(c, cart.id, { ...cart, lineItems: [{ ...cart.lineItems[0], quantity: 3 }] });
      assert.equal(replaced.lineItems[0].quantity, 3);
      const result = await client.carts.checkout(c, cart.id);
      assert.equal(result.orders.length, 1);
      const newOrderId = result.orders[0].id ?? '';
      assert.ok((await client.orders.list(c)).some((o) => o.id === newOrderId));

      // Agreements.
      const metadata = await client.agreements.metadata({ agreementType: MCA_AGREEMENT_TYPE });
      assert.ok(metadata[0].templateId);
      assert.ok((await client.agreements.list(c, { agreementType: MCA_AGREEMENT_TYPE })).length > 0);
      const noMca = emu.fixtures.customersWithoutMca[0];
      const confirmed = await client.agreements.confirm(noMca, {
        primaryContact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
        templateId: metadata[0].templateId, dateAgreed: new Date().toISOString(), type: MCA_AGREEMENT_TYPE,
      });
      assert.equal(confirmed.templateId, metadata[0].templateId);
      assert.equal((await client.agreements.list(noMca, { agreementType: MCA_AGREEMENT_TYPE })).length, 1);
      assert.equal(typeof (await client.agreements.directSignStatus(c)).isSigned, 'boolean');

      // Legacy offers.
      const offers = await client.offers.list({ country: 'US' });
      assert.ok(offers.some((o) => o.id.toLowerCase() === emu.fixtures.catalog.legacyOffer.toLowerCase()));
      assert.equal((await client.offers.get(emu.fixtures.catalog.legacyOffer, { country: 'US' })).id.toLowerCase(), emu.fixtures.catalog.legacyOffer.toLowerCase());

      // Every call carried the Partner Center headers.
      assert.ok(emu.requests.every((r) => r.requestId && r.correlationId));
    } finally {
      await client.close();
      await emu.close();
    }
  });

  test('customers.create is idempotent on the request id', async () => {
    const emu = await startEmulator();
    const client = makeClient(emu.url);
    const requestId = '9b2f3c1e-8a51-4d7e-9c0a-5f1e2d3c4b5a';
    const body = {
      companyProfile: { domain: 'fabrikamtest' },
      billingProfile: {
        culture: 'en-US', email: 'admin@fabrikam.example', language: 'en', companyName: 'Fabrikam Test',
        defaultAddress: { firstName: 'Ada', lastName: 'Lovelace', addressLine1: '1 Main St', city: 'Redmond', state: 'WA', postalCode: '98052', country: 'US' },
      },
    };
    try {
      const first = await client.customers.create(body, { requestId });
      const again = await client.customers.create(body, { requestId });
      assert.equal(again.id, first.id);
      assert.equal((await client.customers.get(first.id)).companyProfile?.companyName, 'Fabrikam Test');
    } finally {
      await client.close();
      await emu.close();
    }
  });
});
