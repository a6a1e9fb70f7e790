// Purchase rules of orders and carts the docs state, each test naming its page: defaults and
// required fields, nulls, renewsTo, custom term end dates, attestation on carts, legacy offers and
// add-ons, Azure savings plans and reservations, and the documented SKUs in the catalog.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOCS_ITEMS } from '../../../emulator/src/data/seed';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { call, postNew } from './helpers';

type Em = RunningEmulator;

const { savingsPlan, aiBuilderAddOn, saasTrial, legacyE1, legacyE1AddOn, legacyE1AddOn2, sqlServer3Year } = DOCS_ITEMS;

const codeOf = async (em: Em, what: 'orders' | 'carts', body: unknown): Promise<[number, number | undefined]> => {
  const r = await postNew(em, what, body);
  return [r.status, r.body?.code];
};

test('create-an-order.md: billingCycle is optional, "Monthly" or "OneTime" by default; "unknown" (the SDK\'s unset value) too', async (t) => {
  const em = await withEmulator(t);
  const { license, software, reservation } = em.fixtures.catalog;
  assert.equal(
    (await postNew(em, 'orders', { lineItems: [{ lineItemNumber: 0, offerId: license, quantity: 1 }] })).body.billingCycle,
    'monthly',
  );
  assert.equal(
    (await postNew(em, 'orders', { billingCycle: null, lineItems: [{ lineItemNumber: 0, offerId: software, quantity: 1 }] })).body
      .billingCycle,
    'one_time',
  );
  const ri = {
    lineItemNumber: 1,
    offerId: reservation,
    quantity: 1,
    provisioningContext: { scope: 'shared', subscriptionId: 's' },
  };
  assert.equal(
    (
      await postNew(em, 'orders', {
        BillingCycle: 'unknown',
        lineItems: [{ lineItemNumber: 0, offerId: software, quantity: 1 }, ri],
      })
    ).body.billingCycle,
    'one_time',
  );
});

test('create-an-order.md: lineItemNumber is required ("lineItemNumber | int | Yes"); cart line ids are not', async (t) => {
  const em = await withEmulator(t);
  const { license } = em.fixtures.catalog;
  assert.deepEqual(await codeOf(em, 'orders', { lineItems: [{ offerId: license, quantity: 1 }] }), [400, 800002]);
  assert.deepEqual(
    await codeOf(em, 'orders', { lineItems: [{ lineItemNumber: null, offerId: license, quantity: 1 }] }),
    [400, 800002],
  );
  assert.equal(
    (await postNew(em, 'carts', { lineItems: [{ catalogItemId: license, quantity: 1, billingCycle: 'monthly' }] })).status,
    201,
  );
});

test('the .NET SDK sends null for every unset property: an order and a cart full of nulls are accepted', async (t) => {
  const em = await withEmulator(t);
  const { license } = em.fixtures.catalog;
  // As create-an-order-for-a-customer-of-an-indirect-reseller.md prints an SDK order.
  const order = await postNew(em, 'orders', {
    Id: null,
    ReferenceCustomerId: null,
    BillingCycle: 'monthly',
    CurrencyCode: null,
    CreationDate: null,
    Status: null,
    Links: null,
    PartnerOnRecordAttestationAccepted: null,
    LineItems: [
      {
        LineItemNumber: 0,
        OfferId: license,
        SubscriptionId: null,
        ParentSubscriptionId: null,
        TermDuration: null,
        RenewsTo: null,
        TransactionType: null,
        PromotionId: null,
        CustomTermEndDate: null,
        FriendlyName: null,
        Quantity: 1,
        Pricing: null,
        PartnerIdOnRecord: null,
        AdditionalPartnerIdsOnRecord: null,
        ProvisioningContext: null,
        AttestationAccepted: null,
      },
    ],
  });
  assert.equal(order.status, 201, JSON.stringify(order.body));
  const cart = await postNew(em, 'carts', {
    Id: null,
    LastModifiedUser: null,
    Status: null,
    PartnerOnRecordAttestationAccepted: null,
    LineItems: [
      {
        Id: 0,
        CatalogItemId: license,
        FriendlyName: null,
        Quantity: 1,
        CurrencyCode: null,
        BillingCycle: 'monthly',
        TermDuration: null,
        PromotionId: null,
        Participants: null,
        ProvisioningContext: null,
        OrderGroup: null,
        AddonItems: null,
        RenewsTo: null,
        Error: null,
        CustomTermEndDate: null,
        AttestationAccepted: null,
      },
    ],
  });
  assert.equal(cart.status, 201, JSON.stringify(cart.body));
  assert.equal(cart.body.lineItems[0].error, undefined);
  // A cart line must still name its billing cycle (create-a-cart.md: "billingCycle | Object | Yes").
  assert.deepEqual(
    await codeOf(em, 'carts', { lineItems: [{ catalogItemId: license, quantity: 1, billingCycle: 'unknown' }] }),
    [400, 800002],
  );
});

test('create-a-cart.md / create-an-order.md RenewsTo: "The current supported values are P1M (1 month) and P1Y (1 year)" (800121 otherwise)', async (t) => {
  const em = await withEmulator(t);
  const trial = { id: 0, catalogItemId: saasTrial, quantity: 10, billingCycle: 'none', termDuration: 'P1M' };
  const ok = await postNew(em, 'carts', { lineItems: [{ ...trial, renewsTo: { termDuration: 'P1Y' } }] });
  assert.equal(ok.status, 201);
  assert.deepEqual(ok.body.lineItems[0].renewsTo, { termDuration: 'P1Y' });
  assert.equal(
    (await postNew(em, 'carts', { lineItems: [{ ...trial, renewsTo: [{ termDuration: 'P1M' }] }] })).status,
    201,
    'the tables type it as an array',
  );
  assert.deepEqual(await codeOf(em, 'carts', { lineItems: [{ ...trial, renewsTo: { termDuration: 'P3Y' } }] }), [400, 800121]);
  const { license } = em.fixtures.catalog;
  assert.deepEqual(
    await codeOf(em, 'orders', {
      lineItems: [{ lineItemNumber: 0, offerId: license, quantity: 1, renewsTo: { termDuration: 'P2Y' } }],
    }),
    [400, 800121],
  );
  const order = await postNew(em, 'orders', {
    lineItems: [{ lineItemNumber: 0, offerId: license, quantity: 1, termDuration: 'P1M', renewsTo: { termDuration: 'P1Y' } }],
  });
  assert.deepEqual(order.body.lineItems[0].renewsTo, { termDuration: 'P1Y' });
});

test('custom-term-end-dates.md: the allowed end dates are the calendar-month end of the term and the end dates of active NCE subscriptions', async (t) => {
  const now = Date.UTC(2025, 6, 15, 12); // 15 July 2025
  const em = await withEmulator(t, { clock: () => now });
  const c = em.fixtures.customerId;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read loosely shaped JSON answers
  const get = async (query: string): Promise<any> =>
    (await call(em, `/v1/customers/${c}/subscriptions/customTermEndDates?${query}`)).body;
  // align-subscription-end-dates.md: a one-month term bought July 15 ends July 31; a one-year term June 30.
  const monthly = await get('term_duration=P1M');
  assert.deepEqual(monthly.items[0], {
    allowedCustomTermEndDateType: 'calendarMonthAligned',
    allowedCustomTermEndDate: '2025-07-31T00:00:00',
  });
  assert.equal((await get('TermDuration=P1Y')).items[0].allowedCustomTermEndDate, '2026-06-30T00:00:00');
  assert.equal((await get('term_duration=P3Y')).items[0].allowedCustomTermEndDate, '2028-06-30T00:00:00');
  assert.equal(monthly.attributes.objectType, 'Collection');

  const subs = (await call(em, `/v1/customers/${c}/subscriptions`)).body.items as Array<{
    id: string;
    status: string;
    isTrial: boolean;
    termDuration: string;
    commitmentEndDate: string;
    productType: { id: string };
  }>;
  const ending = (s: (typeof subs)[number]): string => `${s.commitmentEndDate.slice(0, 10)}T00:00:00`;
  const yearly = await get('term_duration=P1Y');
  const aligned = yearly.items.filter(
    (i: { allowedCustomTermEndDateType: string }) => i.allowedCustomTermEndDateType === 'subscriptionAligned',
  );
  const expected = subs.filter(
    (s) =>
      s.status === 'active' &&
      !s.isTrial &&
      s.productType.id === 'OnlineServicesNCE' &&
      s.termDuration !== 'P1M' &&
      Date.parse(s.commitmentEndDate) <= Date.UTC(2026, 6, 14),
  ); // the last day of a P1Y term bought 2025-07-15
  assert.ok(expected.length > 0, 'the seeded customer has a one-year subscription to coterm with');
  assert.deepEqual(
    aligned.flatMap((i: { cotermSubscriptionIds: string[] }) => i.cotermSubscriptionIds).sort(),
    expected.map((s) => s.id).sort(),
  );
  for (const item of aligned) {
    for (const id of item.cotermSubscriptionIds) {
      assert.equal(ending(subs.find((s) => s.id === id)!), item.allowedCustomTermEndDate);
    }
  }
  // "Annual and triannual term subscriptions can't be coterminated with a monthly term subscription".
  const monthlySubs = subs.filter((s) => s.status === 'active' && s.termDuration === 'P1M').map((s) => s.id);
  assert.ok(monthlySubs.length > 0);
  assert.ok(
    !aligned.some((i: { cotermSubscriptionIds: string[] }) => i.cotermSubscriptionIds.some((id) => monthlySubs.includes(id))),
  );
  assert.equal(
    (await call(em, `/v1/customers/${c}/subscriptions/customTermEndDates`)).body.code,
    800002,
    'TermDuration is required',
  );
});

test('align-subscription-end-dates.md: a purchase takes only an allowed custom term end date (900242 / cart line 10017), on NCE licenses only (cart line 10016)', async (t) => {
  const now = Date.UTC(2025, 6, 15, 12);
  const em = await withEmulator(t, { clock: () => now });
  const { license, software } = em.fixtures.catalog;
  const line = (customTermEndDate: unknown): Record<string, unknown> => ({
    lineItemNumber: 0,
    offerId: license,
    quantity: 1,
    termDuration: 'P1M',
    customTermEndDate,
  });
  const ok = await postNew(em, 'orders', { billingCycle: 'monthly', lineItems: [line('2025-07-31T00:00:00Z')] });
  assert.equal(ok.status, 201, JSON.stringify(ok.body));
  assert.equal(ok.body.lineItems[0].customTermEndDate, '2025-07-31T00:00:00Z');
  assert.equal(
    (await postNew(em, 'orders', { billingCycle: 'monthly', lineItems: [line('2025-07-31T00:00:00')] })).status,
    201,
    'the form custom-term-end-dates.md answers',
  );
  // create-a-cart.md's own example date: in the past, and outside the first term.
  assert.deepEqual(
    await codeOf(em, 'orders', { billingCycle: 'monthly', lineItems: [line('2022-02-19T00:00:00Z')] }),
    [400, 900242],
  );
  // A month end beyond the first one-month term.
  assert.deepEqual(
    await codeOf(em, 'orders', { billingCycle: 'monthly', lineItems: [line('2025-08-31T00:00:00Z')] }),
    [400, 900242],
  );
  assert.deepEqual(await codeOf(em, 'orders', { billingCycle: 'monthly', lineItems: [line('not a date')] }), [400, 800002]);
  // Coterminosity: the end date of one of the customer's one-year subscriptions, on a P1Y line.
  const ends = (await call(em, `/v1/customers/${em.fixtures.customerId}/subscriptions/customTermEndDates?term_duration=P1Y`)).body
    .items;
  const coterm = ends.find(
    (i: { allowedCustomTermEndDateType: string }) => i.allowedCustomTermEndDateType === 'subscriptionAligned',
  );
  const yearLine = {
    lineItemNumber: 0,
    offerId: license,
    quantity: 1,
    termDuration: 'P1Y',
    customTermEndDate: coterm.allowedCustomTermEndDate,
  };
  assert.equal((await postNew(em, 'orders', { billingCycle: 'monthly', lineItems: [yearLine] })).status, 201);

  const cart = await postNew(em, 'carts', {
    lineItems: [
      {
        catalogItemId: license,
        quantity: 1,
        billingCycle: 'monthly',
        termDuration: 'P1M',
        customTermEndDate: '2025-08-15T00:00:00Z',
      },
      { catalogItemId: software, quantity: 1, billingCycle: 'one_time', customTermEndDate: '2025-07-31T00:00:00Z' },
      {
        catalogItemId: em.fixtures.catalog.trial,
        quantity: 25,
        billingCycle: 'none',
        termDuration: 'P1M',
        customTermEndDate: '2025-07-31T00:00:00Z',
      },
    ],
  });
  assert.equal(cart.status, 201);
  assert.deepEqual(
    cart.body.lineItems.map((l: { error?: { errorCode: number } }) => l.error?.errorCode),
    [10017, 10016, 10016],
  );
});

test('create-a-cart.md: a cart with a line that needs attestation is checked out only with PartnerOnRecordAttestationAccepted (900206), as an order', async (t) => {
  const em = await withEmulator(t);
  const { attestation } = em.fixtures.catalog;
  const body = {
    lineItems: [
      { catalogItemId: attestation, quantity: 1, billingCycle: 'monthly', termDuration: 'P1M', attestationAccepted: true },
    ],
  };
  const without = await postNew(em, 'carts', body);
  const refused = await call(em, `/v1${without.body.links.self.uri}/checkout`, { method: 'POST' });
  assert.deepEqual([refused.status, refused.body.code], [400, 900206]);
  const withIt = await postNew(em, 'carts', { PartnerOnRecordAttestationAccepted: true, ...body });
  const placed = await call(em, `/v1${withIt.body.links.self.uri}/checkout`, { method: 'POST' });
  assert.equal(placed.status, 201, JSON.stringify(placed.body));
  assert.equal(placed.body.orders[0].partnerOnRecordAttestationAccepted, true);
});

test("legacy offers: the docs' GUID and MS-AZR-0145P examples are bought and provisioned at once; DEPR offers are refused (800020, line 500600)", async (t) => {
  const em = await withEmulator(t);
  const { legacyOffer, license } = em.fixtures.catalog;
  const order = await postNew(em, 'orders', {
    BillingCycle: 'unknown',
    LineItems: [
      { LineItemNumber: 0, OfferId: 'DB2E705F-B82A-4024-A3D5-D88E12F2DB35', Quantity: 5, PartnerIdOnRecord: '4847383' },
    ],
  });
  assert.equal(order.status, 201, JSON.stringify(order.body));
  assert.equal(order.body.status, 'completed');
  const sub = await call(em, `/v1${order.body.lineItems[0].links.subscription.uri}`);
  assert.equal(sub.body.offerId, 'DB2E705F-B82A-4024-A3D5-D88E12F2DB35');
  assert.equal(sub.body.links.offer.uri.split('?')[0], '/offers/DB2E705F-B82A-4024-A3D5-D88E12F2DB35');
  assert.deepEqual(
    await codeOf(em, 'orders', { lineItems: [{ lineItemNumber: 0, offerId: legacyOffer, quantity: 1 }] }),
    [403, 800020],
  );
  assert.deepEqual(
    await codeOf(em, 'orders', {
      lineItems: [
        { lineItemNumber: 0, offerId: legacyE1, quantity: 1 },
        { lineItemNumber: 1, offerId: license, quantity: 1 },
      ],
    }),
    [400, 800002],
  );
  assert.deepEqual(
    await codeOf(em, 'orders', { lineItems: [{ lineItemNumber: 0, offerId: legacyE1AddOn, quantity: 1 }] }),
    [400, 800002],
    'an add-on needs its base',
  );

  // checkout-a-cart.md: the Azure order completes with a subscription; the others are pending.
  const cart = await postNew(em, 'carts', {
    lineItems: [
      { id: 0, catalogItemId: 'MS-AZR-0145P', quantity: 1, billingCycle: 'monthly', termDuration: 'P1Y' },
      { id: 1, catalogItemId: license, quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' },
    ],
  });
  assert.deepEqual(
    cart.body.lineItems.map((l: { orderGroup: string }) => l.orderGroup),
    ['OMS-0', '0'],
  );
  const checkout = await call(em, `/v1${cart.body.links.self.uri}/checkout`, { method: 'POST' });
  assert.equal(checkout.status, 201, JSON.stringify(checkout.body));
  const azure = checkout.body.orders.find(
    (o: { lineItems: Array<{ offerId: string }> }) => o.lineItems[0].offerId === 'MS-AZR-0145P',
  );
  assert.equal(azure.status, 'completed');
  assert.ok(azure.lineItems[0].subscriptionId);
  assert.deepEqual(checkout.body.additionalInformation, []);
});

test('create-a-cart-with-add-ons.md: legacy add-ons in addonItems, or for an existing base by ParentSubscriptionId; new commerce uses neither', async (t) => {
  const em = await withEmulator(t);
  const c = em.fixtures.customerId;
  const cart = await postNew(em, 'carts', {
    LineItems: [
      {
        Id: 0,
        CatalogItemId: legacyE1,
        Quantity: 3,
        BillingCycle: 'monthly',
        AddonItems: [
          { Id: 1, CatalogItemId: legacyE1AddOn, Quantity: 2, BillingCycle: 'monthly' },
          { Id: 2, CatalogItemId: legacyE1AddOn2, Quantity: 3, BillingCycle: 'monthly' },
        ],
      },
    ],
  });
  assert.equal(cart.status, 201, JSON.stringify(cart.body));
  assert.deepEqual(
    cart.body.lineItems[0].addonItems.map((a: { id: number; orderGroup: string }) => [a.id, a.orderGroup]),
    [
      [1, 'OMS-0'],
      [2, 'OMS-0'],
    ],
  );
  const checkout = await call(em, `/v1${cart.body.links.self.uri}/checkout`, { method: 'POST' });
  const lines = checkout.body.orders[0].lineItems;
  assert.deepEqual(
    lines.map((l: { offerId: string }) => l.offerId),
    [legacyE1, legacyE1AddOn, legacyE1AddOn2],
  );
  const baseId = lines[0].subscriptionId;
  const addOns = await call(em, `/v1/customers/${c}/subscriptions/${baseId}/addons`);
  assert.deepEqual(
    addOns.body.items.map((s: { id: string }) => s.id).sort(),
    [lines[1].subscriptionId, lines[2].subscriptionId].sort(),
  );

  const existing = await postNew(em, 'carts', {
    LineItems: [
      {
        Id: 0,
        CatalogItemId: legacyE1AddOn,
        Quantity: 1,
        BillingCycle: 'annual',
        ProvisioningContext: { ParentSubscriptionId: baseId },
      },
    ],
  });
  assert.equal(existing.status, 201, JSON.stringify(existing.body));
  assert.deepEqual(existing.body.lineItems[0].provisioningContext, { parentSubscriptionId: baseId });
  const bought = await call(em, `/v1${existing.body.links.self.uri}/checkout`, { method: 'POST' });
  const addOnSub = bought.body.orders[0].lineItems[0].subscriptionId;
  assert.ok(
    (await call(em, `/v1/customers/${c}/subscriptions/${baseId}/addons`)).body.items.some(
      (s: { id: string }) => s.id === addOnSub,
    ),
  );

  const notMine = await postNew(em, 'carts', {
    lineItems: [
      {
        catalogItemId: legacyE1AddOn,
        quantity: 1,
        billingCycle: 'annual',
        provisioningContext: { parentSubscriptionId: em.fixtures.subscriptions.recent.subscriptionId },
      },
    ],
  });
  assert.deepEqual([notMine.status, notMine.body.code], [400, 800029]);
  assert.deepEqual(
    await codeOf(em, 'carts', {
      lineItems: [
        {
          catalogItemId: legacyE1AddOn,
          quantity: 1,
          billingCycle: 'annual',
          provisioningContext: { parentSubscriptionId: '00000000-0000-0000-0000-000000000000' },
        },
      ],
    }),
    [404, 20003],
  );
  assert.deepEqual(
    await codeOf(em, 'carts', { lineItems: [{ catalogItemId: legacyE1AddOn, quantity: 1, billingCycle: 'annual' }] }),
    [400, 800002],
  );
  assert.deepEqual(
    await codeOf(em, 'carts', {
      lineItems: [
        {
          catalogItemId: em.fixtures.catalog.license,
          quantity: 1,
          billingCycle: 'monthly',
          addonItems: [{ catalogItemId: aiBuilderAddOn, quantity: 1, billingCycle: 'monthly' }],
        },
      ],
    }),
    [400, 800002],
  );
});

test("get-addon-offers-by-offer-id.md: an offer's add-ons are the offers that list it among their prerequisites", async (t) => {
  const em = await withEmulator(t);
  const addOns = await call(em, '/v1/offers/195416C1-3447-423A-B37B-EE59A99A19C4/addons?country=us');
  assert.equal(addOns.status, 200);
  assert.deepEqual(
    addOns.body.items.map((o: { id: string }) => o.id),
    ['2828BE95-46BA-4F91-B2FD-0BEF192ECF60', '45320EC9-9B8E-49D0-B900-F14141A0ABD1'],
  );
  assert.ok(
    addOns.body.items.every(
      (o: { isAddOn: boolean; prerequisiteOffers: string[] }) =>
        o.isAddOn && o.prerequisiteOffers.includes('195416C1-3447-423A-B37B-EE59A99A19C4'),
    ),
  );
  assert.equal((await call(em, `/v1/offers/${em.fixtures.catalog.legacyOffer}?country=US`)).body.isAvailableForPurchase, false);
  assert.equal((await call(em, '/v1/offers/MS-AZR-0145P?country=US')).body.billing, 'usage');
});

test('azure-purchase-savings-plan.md: scope, entitlementId for single, subscriptionId (Azure plan) for shared, and a purchase commitment', async (t) => {
  const em = await withEmulator(t);
  const line = (extra: Record<string, unknown>): Record<string, unknown> => ({
    lineItemNumber: 0,
    offerId: savingsPlan,
    quantity: 1,
    termDuration: 'P1Y',
    provisioningContext: { scope: 'single', entitlementId: 'e' },
    purchaseCommitment: { amount: 0.05, currency: 'usd', grain: 'hourly' },
    ...extra,
  });
  const order = await postNew(em, 'orders', { billingCycle: 'monthly', lineItems: [line({})] });
  assert.equal(order.status, 201, JSON.stringify(order.body));
  assert.deepEqual(order.body.lineItems[0].purchaseCommitment, { amount: 0.05, currency: 'usd', grain: 'hourly' });
  assert.equal(typeof order.body.lineItems[0].pricing.price, 'number', 'the create answer carries pricing, as the page shows');
  assert.deepEqual(
    await codeOf(em, 'orders', {
      billingCycle: 'monthly',
      lineItems: [line({ provisioningContext: { scope: 'single', subscriptionId: 'plan' } })],
    }),
    [400, 900313],
  );
  assert.deepEqual(
    await codeOf(em, 'orders', {
      billingCycle: 'monthly',
      lineItems: [line({ provisioningContext: { scope: 'shared', entitlementId: 'e' } })],
    }),
    [400, 900317],
  );
  assert.deepEqual(
    await codeOf(em, 'orders', {
      billingCycle: 'monthly',
      lineItems: [line({ provisioningContext: { scope: 'resource group', entitlementId: 'e' } })],
    }),
    [400, 900312],
  );
  assert.deepEqual(
    await codeOf(em, 'orders', { billingCycle: 'monthly', lineItems: [line({ purchaseCommitment: null })] }),
    [400, 800002],
  );
  // get-a-sku-by-id (on the same page): minimumPurchaseCommitment 0.001 USD an hour.
  assert.deepEqual(
    await codeOf(em, 'orders', {
      billingCycle: 'monthly',
      lineItems: [line({ purchaseCommitment: { amount: 0.0001, currency: 'usd', grain: 'hourly' } })],
    }),
    [400, 800002],
  );
  assert.deepEqual(
    await codeOf(em, 'orders', {
      billingCycle: 'monthly',
      lineItems: [
        {
          lineItemNumber: 0,
          offerId: em.fixtures.catalog.license,
          quantity: 1,
          purchaseCommitment: { amount: 1, currency: 'usd', grain: 'hourly' },
        },
      ],
    }),
    [400, 800002],
  );
  // The SKU is sold one_time or monthly for P1Y: annual is not a plan it offers, triennial is longer than the term.
  assert.deepEqual(await codeOf(em, 'orders', { billingCycle: 'annual', lineItems: [line({})] }), [400, 900269]);
  assert.deepEqual(await codeOf(em, 'orders', { billingCycle: 'triennial', lineItems: [line({})] }), [400, 900270]);
  const sku = await call(em, '/v1/products/DZH318Z09V6F/skus/0001?country=US');
  assert.deepEqual(sku.body.supportedBillingCycles, ['one_time', 'monthly']);
  assert.equal(sku.body.minimumPurchaseCommitment.amount, '0.001');
});

test('reservations: a duration in the provisioning context is optional (create-a-cart.md sends none) but must match the SKU', async (t) => {
  const em = await withEmulator(t);
  const ri = (provisioningContext: Record<string, string>, offerId = 'DZH318Z0BQ36:004J:DZH318Z08B8X'): unknown => ({
    lineItems: [
      { id: 0, catalogItemId: offerId, quantity: 1, billingCycle: 'one_time', termDuration: 'P3Y', provisioningContext },
    ],
  });
  assert.equal((await postNew(em, 'carts', ri({ subscriptionId: 's', scope: 'single' }))).status, 201);
  assert.equal(
    (await postNew(em, 'carts', ri({ subscriptionId: 's', scope: 'shared', duration: '3Year' }))).status,
    201,
    'product-resources.md writes "3Year"',
  );
  assert.deepEqual(await codeOf(em, 'carts', ri({ subscriptionId: 's', scope: 'shared', duration: '1Year' })), [400, 800002]);
  assert.deepEqual(await codeOf(em, 'carts', ri({ scope: 'shared' })), [400, 900317]);
});

test("the catalog carries the docs' SKUs: software terms with their billing cycles, reservation SKUs, SaaS and perpetual items", async (t) => {
  const em = await withEmulator(t);
  // csp-software-subscriptions.md: "Three-year product SKUs are available with annual or triennial
  // (every three years) billing"; cancel-software-purchases.md's order bills them one_time.
  const software = await call(em, '/v1/products/DG7GMGF0FKZV/skus/0003/availabilities/DG7GMGF0DWMS?country=US');
  assert.deepEqual(
    software.body.terms.map((term: { duration: string; billingCycle: string }) => `${term.duration}/${term.billingCycle}`),
    ['P3Y/OneTime', 'P3Y/Annual', 'P3Y/Triennial'],
  );
  assert.equal(
    (
      await postNew(em, 'orders', {
        billingCycle: 'annual',
        lineItems: [{ lineItemNumber: 0, offerId: sqlServer3Year, quantity: 1, termDuration: 'P3Y' }],
      })
    ).status,
    201,
  );
  const nv12 = await call(em, '/v1/products/DZH318Z0BQ36/skus/004J?country=US');
  assert.deepEqual(
    [nv12.body.provisioningVariables, nv12.body.dynamicAttributes.duration, nv12.body.supportedBillingCycles],
    [['Scope', 'SubscriptionId'], '3Years', ['one_time']],
  );
  const perpetual = await call(em, '/v1/products/DG7GMGF0DWM3/skus/0002/availabilities/DG7GMGF0DT1M?country=US');
  assert.deepEqual(perpetual.body.terms, []);
  const saas = await call(em, '/v1/products?country=US&targetView=MarketplaceSaaS');
  assert.deepEqual(saas.body.items.map((p: { id: string }) => p.id).sort(), ['DZH318Z0BXWC', 'DZH318Z0C0WF']);
  const addOn = await call(em, '/v1/products/CFQ7TTC0HDJX/skus/0001?country=US');
  assert.equal(addOn.body.dynamicAttributes.isAddon, true);
});

test('a provisioned legacy subscription is a coterm target only if it is new commerce (align-subscription-end-dates.md)', async (t) => {
  const now = Date.UTC(2025, 6, 15, 12);
  const em = await withEmulator(t, { clock: () => now });
  const c = em.fixtures.customerId;
  const legacy = await postNew(em, 'orders', { lineItems: [{ lineItemNumber: 0, offerId: legacyE1, quantity: 1 }] });
  const legacyId = legacy.body.lineItems[0].subscriptionId;
  const ends = (await call(em, `/v1/customers/${c}/subscriptions/customTermEndDates?term_duration=P1Y`)).body.items;
  assert.ok(!ends.some((i: { cotermSubscriptionIds?: string[] }) => i.cotermSubscriptionIds?.includes(legacyId)));
});
