// Catalog rules against a fixed catalog view, and the single "catalog off" notice without one.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CATALOG_OFF, catalogView } from '../../../common/src/language';
import {
  BASIC,
  cart,
  codesOf,
  fullCatalog,
  MISSING_ID,
  order,
  RESERVATION,
  RETIRED,
  SALES,
  TRIAL,
  validate,
  W365,
} from './helpers';

const catalogCodes = (kindId: string, text: string) =>
  codesOf(validate(kindId, text, fullCatalog())).filter((c) => c.startsWith('pc.catalog.'));

test('a valid line against the catalog has no findings', () => {
  assert.deepEqual(validate('order', order([{ offerId: BASIC.catalogItemId, termDuration: 'P1Y' }]), fullCatalog()), []);
});

test('unknown and unpurchasable items', () => {
  assert.deepEqual(catalogCodes('order', order([{ offerId: MISSING_ID, termDuration: 'P1M' }])), ['pc.catalog.itemNotFound']);
  assert.deepEqual(catalogCodes('order', order([{ offerId: RETIRED.catalogItemId, termDuration: 'P1M' }])), [
    'pc.catalog.notPurchasable',
  ]);
});

test('quantity within the SKU bounds, with a fix to the nearest bound', () => {
  const [d] = validate('order', order([{ offerId: SALES.catalogItemId, termDuration: 'P1Y', quantity: 2 }]), fullCatalog());
  assert.equal(d.code, 'pc.catalog.quantityOutOfRange');
  assert.equal((d.data as { fixes: { title: string }[] }).fixes[0].title, 'Change the quantity to 5');
});

test('term and billing cycle must be among the availability terms', () => {
  assert.deepEqual(catalogCodes('order', order([{ offerId: TRIAL.catalogItemId, termDuration: 'P1M', quantity: 25 }])), [
    'pc.catalog.termNotOffered',
  ]);
  const [d] = validate(
    'cart',
    cart([{ catalogItemId: BASIC.catalogItemId, termDuration: 'P3Y', billingCycle: 'monthly' }]),
    fullCatalog(),
  );
  assert.equal(d.code, 'pc.catalog.termNotOffered');
  assert.deepEqual(
    (d.data as { fixes: { title: string }[] }).fixes.map((f) => f.title),
    // Business Basic sells P1M and P1Y monthly; it sells nothing for three years, so no billing cycle goes with P3Y.
    ['Change the term to "P1M"', 'Change the term to "P1Y"'],
  );
  assert.deepEqual(catalogCodes('cart', cart([{ catalogItemId: BASIC.catalogItemId }])), ['pc.catalog.termMissing']);
});

test('provisioning variables and reservation duration', () => {
  const missing = order([{ offerId: RESERVATION.catalogItemId, termDuration: 'P1Y', provisioningContext: { scope: 'shared' } }], {
    billingCycle: 'one_time',
  });
  const [d] = validate('order', missing, fullCatalog());
  assert.equal(d.code, 'pc.catalog.provisioningMissing');
  assert.match(String(d.message), /"subscriptionId", "duration"/);
  const wrongDuration = order(
    [
      {
        offerId: RESERVATION.catalogItemId,
        termDuration: 'P1Y',
        provisioningContext: { scope: 'shared', subscriptionId: 'x', duration: '3Years' },
      },
    ],
    { billingCycle: 'one_time' },
  );
  assert.deepEqual(catalogCodes('order', wrongDuration), ['pc.catalog.durationMismatch']);
});

test('attestation where the SKU enforces it', () => {
  assert.deepEqual(catalogCodes('order', order([{ offerId: W365.catalogItemId, termDuration: 'P1M' }])), [
    'pc.catalog.attestationRequired',
  ]);
  assert.deepEqual(
    catalogCodes('order', order([{ offerId: W365.catalogItemId, termDuration: 'P1M', attestationAccepted: true }])),
    [],
  );
});

test('custom term end dates only for license subscriptions', () => {
  const text = cart([
    {
      catalogItemId: RESERVATION.catalogItemId,
      billingCycle: 'one_time',
      termDuration: 'P1Y',
      customTermEndDate: '2025-12-31T00:00:00Z',
      provisioningContext: { scope: 'shared', subscriptionId: 'x', duration: '1Year' },
    },
  ]);
  assert.deepEqual(catalogCodes('cart', text), ['pc.catalog.customTermEndDateNotSupported']);
});

test('without a catalog the rules say once that they are off', () => {
  const text = order([
    { offerId: BASIC.catalogItemId, termDuration: 'P1M' },
    { offerId: W365.catalogItemId, termDuration: 'P1M' },
    { offerId: SALES.catalogItemId, termDuration: 'P1M' },
  ]);
  const d = validate('order', text, { ...CATALOG_OFF, reason: 'sign in first.' });
  assert.deepEqual(codesOf(d), ['pc.catalog.unavailable']);
  assert.match(String(d[0].message), /sign in first/);
});

test('a three-year reservation SKU accepts both documented spellings, and a duration that disagrees with the SKU is not fixed automatically', () => {
  const threeYears = {
    ...RESERVATION,
    catalogItemId: 'DZH318Z0BQ4B:0048:DZH318Z0DSM9',
    reservationDuration: '3Years',
    terms: [{ duration: 'P3Y', billingCycle: 'one_time' }],
  };
  const catalog = catalogView(true, [
    [threeYears.catalogItemId, threeYears],
    [RESERVATION.catalogItemId, RESERVATION],
  ]);
  const line = (offerId: string, duration: string, termDuration: string) =>
    order([{ offerId, termDuration, provisioningContext: { scope: 'shared', subscriptionId: 'x', duration } }], {
      billingCycle: 'one_time',
    });
  assert.deepEqual(codesOf(validate('order', line(threeYears.catalogItemId, '3Year', 'P3Y'), catalog)), []);
  assert.deepEqual(codesOf(validate('order', line(threeYears.catalogItemId, '3Years', 'P3Y'), catalog)), []);
  // A 1-year SKU with a 3-year duration: which one is wrong is the person's call, not an automatic fix's.
  const [mismatch] = validate('order', line(RESERVATION.catalogItemId, '3Years', 'P1Y'), catalog);
  assert.equal(mismatch.code, 'pc.catalog.durationMismatch');
  assert.ok((mismatch.data as { fixes: { preferred?: boolean }[] }).fixes.every((f) => !f.preferred));
});

test("a missing provisioning duration is filled with the SKU's own, never a guessed one", () => {
  const unknownLength = { ...RESERVATION, catalogItemId: 'DZH318Z0BQ4B:0049:DZH318Z0DSMA', reservationDuration: undefined };
  const [d] = validate(
    'order',
    order(
      [
        {
          offerId: unknownLength.catalogItemId,
          termDuration: 'P1Y',
          provisioningContext: { scope: 'shared', subscriptionId: 'x' },
        },
      ],
      { billingCycle: 'one_time' },
    ),
    catalogView(true, [[unknownLength.catalogItemId, unknownLength]]),
  );
  assert.equal(d.code, 'pc.catalog.provisioningMissing');
  assert.deepEqual(
    (d.data as { fixes: { set: { value: unknown }[] }[] }).fixes[0].set.map((s) => s.value),
    [''],
  );
});
