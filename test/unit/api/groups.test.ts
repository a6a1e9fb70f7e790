// Every typed resource group against the emulator: the paths, methods and bodies line up with the
// service's, and what comes back is usable by the explorer and the purchase flow. One test per
// group, each with its own emulator.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MCA_AGREEMENT_TYPE, type PartnerCenterError } from '../../../common/src/api';
import { emulatorAndClient } from './helpers';

describe('resource groups against the emulator', () => {
  test('catalog: a product, SKU and availability by id, and the customer-scoped product and SKU lists', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const c = emu.fixtures.customerId;
    const [productId, skuId, availabilityId] = emu.fixtures.catalog.license.split(':');
    assert.equal((await client.catalog.product(productId, { country: 'US' })).id, productId);
    assert.equal((await client.catalog.sku(productId, skuId, { country: 'US' })).id, skuId);
    const availability = await client.catalog.availability(productId, skuId, availabilityId, { country: 'US' });
    assert.equal(availability.catalogItemId.toUpperCase(), emu.fixtures.catalog.license.toUpperCase());
    assert.ok((await client.catalog.forCustomer(c).products({ targetView: 'OnlineServices' })).some((p) => p.id === productId));
    assert.ok((await client.catalog.forCustomer(c).skus(productId)).some((s) => s.id === skuId));
  });

  test('orders: list, get with prices, and provisioning status by line', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const c = emu.fixtures.customerId;
    const orders = await client.orders.list(c);
    assert.ok(orders.length > 0);
    const order = await client.orders.get(c, orders[0].id ?? '', { includePrice: true });
    assert.equal(order.id, orders[0].id);
    assert.equal(typeof order.totalPrice, 'number', 'includePrice asked for prices');
    const status = await client.orders.provisioningStatus(c, order.id ?? '');
    assert.ok(status.length > 0 && typeof status[0].status === 'string');
  });

  test('subscriptions: list, list by order, get, PATCH with If-Match (a stale etag is 400 2055), provisioning status', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const c = emu.fixtures.customerId;
    const { subscriptionId } = emu.fixtures.subscriptions.recent;
    assert.ok((await client.subscriptions.list(c)).some((s) => s.id === subscriptionId));
    const sub = await client.subscriptions.get(c, subscriptionId);
    assert.ok(sub.orderId, 'the subscription names the order that made it');
    assert.ok((await client.subscriptions.listByOrder(c, sub.orderId)).some((s) => s.id === subscriptionId));
    const updated = await client.subscriptions.update(
      c,
      subscriptionId,
      { ...sub, friendlyName: 'Renamed by test' },
      { ifMatch: sub.attributes?.etag },
    );
    assert.equal(updated.status, 200);
    assert.equal((await client.subscriptions.get(c, subscriptionId)).friendlyName, 'Renamed by test');
    await assert.rejects(
      client.subscriptions.update(c, subscriptionId, { ...sub, friendlyName: 'Stale' }, { ifMatch: sub.attributes?.etag }),
      (err: PartnerCenterError) => err.status === 400 && Number(err.code) === 2055,
      'a stale etag is refused',
    );
    assert.equal(typeof (await client.subscriptions.provisioningStatus(c, subscriptionId)).status, 'string');
  });

  test('entitlements: list with expiry, and a reserved-instance artifact link that resolves', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const entitlements = await client.entitlements.list(emu.fixtures.customerId, { showExpiry: true });
    assert.ok(entitlements.length > 0);
    const artifact = entitlements.flatMap((e) => e.entitledArtifacts ?? []).find((a) => a.link);
    assert.ok(artifact?.link, 'the scripted customer has a reservation with an artifact link');
    assert.ok(await client.entitlements.getArtifact(artifact.link));
  });

  test('carts: create, read, replace and check out, which places an order', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const c = emu.fixtures.customerId;
    const line = {
      id: 0,
      catalogItemId: emu.fixtures.catalog.license,
      quantity: 2,
      billingCycle: 'monthly',
      termDuration: 'P1M',
    };
    const cart = await client.carts.create(c, { lineItems: [line] });
    assert.ok(cart.id);
    assert.equal((await client.carts.get(c, cart.id)).lineItems[0].quantity, 2);
    const replaced = await client.carts.update(c, cart.id, { ...cart, lineItems: [{ ...cart.lineItems[0], quantity: 3 }] });
    assert.equal(replaced.lineItems[0].quantity, 3);
    const result = await client.carts.checkout(c, cart.id);
    assert.equal(result.orders.length, 1);
    const newOrderId = result.orders[0].id ?? '';
    assert.ok((await client.orders.list(c)).some((o) => o.id === newOrderId));
  });

  test('agreements: MCA metadata, confirmations, confirming one, and the direct-signed status', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const c = emu.fixtures.customerId;
    const metadata = await client.agreements.metadata({ agreementType: MCA_AGREEMENT_TYPE });
    assert.ok(metadata[0].templateId);
    assert.ok((await client.agreements.list(c, { agreementType: MCA_AGREEMENT_TYPE })).length > 0);
    const noMca = emu.fixtures.customersWithoutMca[0];
    const confirmed = await client.agreements.confirm(noMca, {
      primaryContact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
      templateId: metadata[0].templateId,
      dateAgreed: new Date().toISOString(),
      type: MCA_AGREEMENT_TYPE,
    });
    assert.equal(confirmed.templateId, metadata[0].templateId);
    assert.equal((await client.agreements.list(noMca, { agreementType: MCA_AGREEMENT_TYPE })).length, 1);
    assert.equal(typeof (await client.agreements.directSignStatus(c)).isSigned, 'boolean');
  });

  test('offers: the legacy offer list and an offer by id', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const legacy = emu.fixtures.catalog.legacyOffer.toLowerCase();
    assert.ok((await client.offers.list({ country: 'US' })).some((o) => o.id.toLowerCase() === legacy));
    assert.equal((await client.offers.get(emu.fixtures.catalog.legacyOffer, { country: 'US' })).id.toLowerCase(), legacy);
  });

  test('every call of a group carries a request id and a correlation id', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const c = emu.fixtures.customerId;
    await client.orders.list(c);
    await client.subscriptions.list(c);
    await client.entitlements.list(c);
    await client.carts.create(c, {
      lineItems: [
        { id: 0, catalogItemId: emu.fixtures.catalog.license, quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' },
      ],
    });
    await client.offers.list({ country: 'US' });
    assert.equal(emu.requests.length, 5);
    assert.ok(emu.requests.every((r) => r.requestId && r.correlationId));
    assert.equal(new Set(emu.requests.map((r) => r.requestId)).size, 5, 'a new request id for each call');
  });

  test('customers.create is idempotent on the request id', async (t) => {
    const { client } = await emulatorAndClient(t);
    const requestId = '9b2f3c1e-8a51-4d7e-9c0a-5f1e2d3c4b5a';
    const body = {
      companyProfile: { domain: 'fabrikamtest' },
      billingProfile: {
        culture: 'en-US',
        email: 'admin@fabrikam.example',
        language: 'en',
        companyName: 'Fabrikam Test',
        defaultAddress: {
          firstName: 'Ada',
          lastName: 'Lovelace',
          addressLine1: '1 Main St',
          city: 'Redmond',
          state: 'WA',
          postalCode: '98052',
          country: 'US',
        },
      },
    };
    const first = await client.customers.create(body, { requestId });
    const again = await client.customers.create(body, { requestId });
    assert.equal(again.id, first.id);
    assert.equal((await client.customers.get(first.id)).companyProfile?.companyName, 'Fabrikam Test');
  });
});
