// PATCH /customers/{c}/orders/{o}: the three uses the docs give it (cancel software or a whole
// order, buy a legacy add-on, change a legacy order's billing cycle), each rule with its page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOCS_ITEMS } from '../../../emulator/src/data/seed';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { call, DAY, movableClock, placeOrder } from './helpers';

type Em = RunningEmulator;

const {
  sqlServer3Year,
  windowsServerCal3Year,
  identityManagerPerpetual,
  legacyBase,
  legacyBaseAddOn,
  legacyE1AddOn,
  savingsPlan,
} = DOCS_ITEMS;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read loosely shaped JSON answers
async function patch(em: Em, orderId: string, body: unknown): Promise<{ status: number; body: any }> {
  return call(em, `/v1/customers/${em.fixtures.customerId}/orders/${orderId}`, { method: 'PATCH', body });
}

const line = (n: number, offerId: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  lineItemNumber: n,
  offerId,
  quantity: 1,
  ...extra,
});

test('cancel-software-purchases.md: cancelling some lines zeroes them and leaves the order completed; all lines make it cancelled', async (t) => {
  const em = await withEmulator(t, { provisioningDelayMs: 0 });
  const placed = await placeOrder(em, {
    billingCycle: 'one_time',
    lineItems: [line(0, sqlServer3Year, { termDuration: 'P3Y' }), line(1, windowsServerCal3Year, { termDuration: 'P3Y' })],
  });
  assert.equal(placed.links.patchOperation.method, 'PATCH');
  const some = await patch(em, placed.id, {
    id: placed.id,
    status: 'cancelled',
    lineItems: [{ lineItemNumber: 0, offerId: sqlServer3Year }],
  });
  assert.equal(some.status, 200);
  assert.equal(some.body.status, 'completed');
  assert.deepEqual(
    some.body.lineItems.map((l: { quantity: number }) => l.quantity),
    [0, 1],
  );
  const status = await call(em, `/v1/customers/${em.fixtures.customerId}/orders/${placed.id}/provisioningstatus`);
  assert.deepEqual(
    status.body.items.map((i: { status: string }) => i.status),
    ['unfulfilled', 'fulfilled'],
  );
  // The cancelled line's entitlement is revoked; the other stays.
  const entitlements = await call(em, `/v1/customers/${em.fixtures.customerId}/entitlements`);
  const mine = entitlements.body.items.filter((e: { referenceOrder: { id: string } }) => e.referenceOrder.id === placed.id);
  assert.deepEqual(
    mine.map((e: { referenceOrder: { lineItemId: string } }) => e.referenceOrder.lineItemId),
    ['1'],
  );

  const rest = await patch(em, placed.id, { status: 'cancelled' });
  assert.equal(rest.body.status, 'cancelled');
  assert.equal((await patch(em, placed.id, { status: 'cancelled' })).body.code, 800061);
  // A line that is not in the order, or named with another offer, is refused.
  const other = await placeOrder(em, { billingCycle: 'one_time', lineItems: [line(0, sqlServer3Year, { termDuration: 'P3Y' })] });
  assert.equal((await patch(em, other.id, { status: 'cancelled', lineItems: [{ lineItemNumber: 3 }] })).body.code, 800002);
  assert.equal(
    (await patch(em, other.id, { status: 'cancelled', lineItems: [{ lineItemNumber: 0, offerId: windowsServerCal3Year }] })).body
      .code,
    800002,
  );
});

test('cancel-an-order-from-the-integration-sandbox.md: {id, status} cancels a whole perpetual-software order, even before it is provisioned', async (t) => {
  const em = await withEmulator(t, { provisioningDelayMs: 60_000 });
  const placed = await placeOrder(em, { billingCycle: 'one_time', lineItems: [line(0, identityManagerPerpetual)] });
  assert.equal(placed.lineItems[0].termDuration, '', 'a perpetual line has no term, printed "" as the page does');
  const status = await call(em, `/v1/customers/${em.fixtures.customerId}/orders/${placed.id}/provisioningstatus`);
  // order-resources.md: "PrefulfillmentPending: Your request is still processing"; not "unfulfilled".
  assert.equal(status.body.items[0].status, 'prefulfillmentpending');
  const cancelled = await patch(em, placed.id, { id: placed.id, status: 'cancelled' });
  assert.equal(cancelled.status, 200);
  assert.equal(cancelled.body.status, 'cancelled');
  assert.equal(
    (await call(em, `/v1/customers/${em.fixtures.customerId}/orders/${placed.id}/provisioningstatus`)).body.items[0].status,
    'unfulfilled',
  );
});

test('csp-software-subscriptions.md: software cancels within 7 days (subscriptions) or 30 days (perpetual), then 900117', async (t) => {
  const clock = movableClock();
  const em = await withEmulator(t, { provisioningDelayMs: 0, clock: clock.now });
  const subscription = await placeOrder(em, {
    billingCycle: 'one_time',
    lineItems: [line(0, sqlServer3Year, { termDuration: 'P3Y' })],
  });
  const perpetual = await placeOrder(em, { billingCycle: 'one_time', lineItems: [line(0, identityManagerPerpetual)] });
  clock.advance(8 * DAY);
  assert.deepEqual([(await patch(em, subscription.id, { status: 'cancelled' })).body.code], [900117]);
  assert.equal((await patch(em, perpetual.id, { status: 'cancelled' })).status, 200);
  const late = await placeOrder(em, { billingCycle: 'one_time', lineItems: [line(0, identityManagerPerpetual)] });
  clock.advance(31 * DAY);
  assert.equal((await patch(em, late.id, { status: 'cancelled' })).body.code, 900117);
});

test('cancel-an-order-from-the-integration-sandbox.md and error-codes.md: what a production account cannot cancel by order', async (t) => {
  const em = await withEmulator(t, { provisioningDelayMs: 0 });
  const { reservation, license } = em.fixtures.catalog;
  const ri = await placeOrder(em, {
    billingCycle: 'one_time',
    lineItems: [line(0, reservation, { provisioningContext: { scope: 'shared', subscriptionId: 's' } })],
  });
  const refusedRi = await patch(em, ri.id, { status: 'cancelled' });
  assert.deepEqual([refusedRi.status, refusedRi.body.code], [403, 800019]);
  const nce = await placeOrder(em, { billingCycle: 'monthly', lineItems: [line(0, license)] });
  assert.deepEqual([(await patch(em, nce.id, { status: 'cancelled' })).body.code], [800063]);
  const plan = await placeOrder(em, {
    billingCycle: 'one_time',
    lineItems: [
      line(0, savingsPlan, {
        termDuration: 'P1Y',
        provisioningContext: { scope: 'shared', subscriptionId: 'plan' },
        purchaseCommitment: { amount: 0.05, grain: 'hourly', currency: 'usd' },
      }),
    ],
  });
  assert.deepEqual([(await patch(em, plan.id, { status: 'cancelled' })).body.code], [900321]);
  assert.equal((await patch(em, nce.id, { status: 'completed' })).status, 200, 'the status it already has is no change');
  assert.equal((await patch(em, nce.id, { status: 'pending' })).body.code, 800002);
});

test('purchase-an-add-on-to-a-subscription.md: PATCHing the base order with a parentSubscriptionId line buys the add-on at once', async (t) => {
  const em = await withEmulator(t);
  const c = em.fixtures.customerId;
  // Legacy orders are provisioned when placed (the legacy examples answer with subscription ids).
  const base = await placeOrder(em, { lineItems: [line(0, legacyBase, { quantity: 5 })] });
  assert.equal(base.status, 'completed');
  assert.equal(base.billingCycle, 'monthly', 'create-an-order.md: the default billing cycle is monthly');
  const parentId = base.lineItems[0].subscriptionId;
  assert.ok(parentId);
  assert.equal(base.lineItems[0].links.subscription.uri, `/customers/${c}/subscriptions/${parentId}`);

  const body = {
    Id: null,
    ReferenceCustomerId: c,
    LineItems: [
      {
        LineItemNumber: 0,
        OfferId: legacyBaseAddOn,
        SubscriptionId: null,
        ParentSubscriptionId: parentId,
        FriendlyName: 'Archive',
        Quantity: 2,
        PartnerIdOnRecord: null,
      },
    ],
    CreationDate: null,
  };
  const bought = await patch(em, base.id, body);
  assert.equal(bought.status, 200, JSON.stringify(bought.body));
  assert.equal(bought.body.lineItems.length, 2);
  const addOn = bought.body.lineItems[1];
  assert.equal(addOn.lineItemNumber, 1);
  assert.equal(addOn.offerId, legacyBaseAddOn);
  assert.ok(addOn.subscriptionId);
  assert.notEqual(bought.body.attributes.etag, base.attributes.etag, 'the order changed, so its etag did');

  // get-a-list-of-add-ons-for-a-subscription.md
  const addOns = await call(em, `/v1/customers/${c}/subscriptions/${parentId}/addons`);
  assert.equal(addOns.status, 200);
  assert.deepEqual(
    addOns.body.items.map((s: { id: string }) => s.id),
    [addOn.subscriptionId],
  );
  assert.equal((await call(em, `/v1/customers/${c}/subscriptions/${addOn.subscriptionId}/addons`)).body.totalCount, 0);
  // subscription-resources.md: parentSubscriptionId "Gets or sets the parent subscription identifier".
  assert.equal((await call(em, `/v1${addOn.links.subscription.uri}`)).body.parentSubscriptionId, parentId);
  assert.equal((await call(em, `/v1/customers/${c}/subscriptions/00000000-0000-0000-0000-000000000000/addons`)).body.code, 20003);

  // error-codes.md 800029: "The add-on isn't related to the specified parent subscription".
  const unrelated = await patch(em, base.id, {
    lineItems: [{ lineItemNumber: 0, offerId: legacyE1AddOn, parentSubscriptionId: parentId, quantity: 1 }],
  });
  assert.equal(unrelated.body.code, 800029);
  const noNumber = await patch(em, base.id, {
    lineItems: [{ offerId: legacyBaseAddOn, parentSubscriptionId: parentId, quantity: 1 }],
  });
  assert.equal(noNumber.body.code, 800002, "LineItemNumber is required (Y in the page's table)");
  // A new-commerce order takes no add-on lines: new-commerce add-ons are bought like base offers.
  const nce = await placeOrder(em, { billingCycle: 'monthly', lineItems: [line(0, em.fixtures.catalog.license)] });
  assert.equal(
    (
      await patch(em, nce.id, {
        lineItems: [{ lineItemNumber: 0, offerId: legacyBaseAddOn, parentSubscriptionId: parentId, quantity: 1 }],
      })
    ).body.code,
    800042,
  );
});

test('change-the-billing-cycle.md: a legacy order changes between monthly and annual, with its subscriptions', async (t) => {
  const em = await withEmulator(t);
  const c = em.fixtures.customerId;
  const base = await placeOrder(em, { billingCycle: 'monthly', lineItems: [line(0, legacyBase, { quantity: 5 })] });
  const subscriptionId = base.lineItems[0].subscriptionId;
  const changed = await patch(em, base.id, {
    BillingCycle: 'Annual',
    LineItems: [{ LineItemNumber: 0, OfferId: legacyBase, SubscriptionId: subscriptionId, Quantity: 5 }],
  });
  assert.equal(changed.status, 200, JSON.stringify(changed.body));
  assert.equal(changed.body.billingCycle, 'annual');
  assert.equal((await call(em, `/v1/customers/${c}/subscriptions/${subscriptionId}`)).body.billingCycle, 'annual');
  assert.equal(
    (await patch(em, base.id, { billingCycle: 'triennial', lineItems: [{ lineItemNumber: 0, subscriptionId }] })).body.code,
    900269,
  );
  assert.equal(
    (await patch(em, base.id, { billingCycle: 'monthly', lineItems: [{ lineItemNumber: 0, subscriptionId: 'nope' }] })).body.code,
    800002,
  );
  const nce = await placeOrder(em, { billingCycle: 'monthly', lineItems: [line(0, em.fixtures.catalog.license)] });
  assert.equal((await patch(em, nce.id, { billingCycle: 'annual', lineItems: [{ lineItemNumber: 0 }] })).body.code, 800042);
});
