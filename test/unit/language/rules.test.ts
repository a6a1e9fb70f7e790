// The static cross-field rules, each on a small in-memory document.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { cart, codesOf, order, validate } from './helpers';

const only = (text: string, kindId: string, code: string) => validate(kindId, text).filter((d) => d.code === code);

test('line numbers must be 0..n-1 and unique', () => {
  const text = JSON.stringify({
    partnerOnRecordAttestationAccepted: true,
    billingCycle: 'monthly',
    lineItems: [
      { lineItemNumber: 0, offerId: 'A1:B2:C3', quantity: 1 },
      { lineItemNumber: 0, offerId: 'A1:B2:C4', quantity: 1 },
      { lineItemNumber: 5, offerId: 'A1:B2:C5', quantity: 1 },
    ],
  });
  assert.deepEqual(codesOf(validate('order', text)), ['pc.lineItem.duplicateNumber', 'pc.lineItem.numbering']);
  assert.deepEqual(codesOf(validate('cart', cart([{ catalogItemId: 'A1:B2:C3' }, { catalogItemId: 'A1:B2:C4', id: 3 }]))), [
    'pc.lineItem.numbering',
  ]);
});

test('term and billing cycle must go together (§4.2)', () => {
  const orderDiag = only(
    order([{ offerId: 'A1:B2:C3', termDuration: 'P1M' }], { billingCycle: 'annual' }),
    'order',
    'pc.term.billingCycleMismatch',
  );
  assert.equal(orderDiag.length, 1);
  assert.deepEqual(
    (orderDiag[0].data as { fixes: { title: string }[] }).fixes.map((f) => f.title),
    // Without the catalog, every term the table allows with "annual", and the order's billing cycle.
    [
      'Change the term to "P1Y"',
      'Change the term to "P2Y"',
      'Change the term to "P3Y"',
      'Change the order\'s billing cycle to "monthly"',
    ],
  );
  const cartDiag = only(
    cart([{ catalogItemId: 'A1:B2:C3', termDuration: 'P1Y', billingCycle: 'triennial' }]),
    'cart',
    'pc.term.billingCycleMismatch',
  );
  assert.equal(cartDiag.length, 1);
  assert.match(String(cartDiag[0].message), /P1Y allows monthly, annual/);
  for (const [term, cycle] of [
    ['P1M', 'monthly'],
    ['P1Y', 'annual'],
    ['P3Y', 'triennial'],
    ['P3Y', 'monthly'],
    ['P1Y', 'one_time'],
    ['P1M', 'none'],
  ]) {
    assert.deepEqual(
      only(
        cart([{ catalogItemId: 'A1:B2:C3', termDuration: term, billingCycle: cycle }]),
        'cart',
        'pc.term.billingCycleMismatch',
      ),
      [],
      `${term}/${cycle}`,
    );
  }
  assert.equal(
    only('{"autoRenewEnabled":true,"termDuration":"P1M","billingCycle":"annual"}', 'subscription', 'pc.term.billingCycleMismatch')
      .length,
    1,
  );
});

test('renewsTo takes only P1M or P1Y', () => {
  const d = only(
    cart([{ catalogItemId: 'A1:B2:C3', termDuration: 'P3Y', renewsTo: { termDuration: 'P3Y' } }]),
    'cart',
    'pc.renewsTo.termNotAllowed',
  );
  assert.equal(d.length, 1);
  assert.deepEqual(
    only(
      cart([{ catalogItemId: 'A1:B2:C3', termDuration: 'P1Y', renewsTo: { termDuration: 'P1M' } }]),
      'cart',
      'pc.renewsTo.termNotAllowed',
    ),
    [],
  );
});

test('provisioning context: single scope needs entitlementId; unknown keys get a did-you-mean; duration values', () => {
  const text = order(
    [{ offerId: 'A1:B2:C3', provisioningContext: { scope: 'single', subscriptonId: 'x', duration: '5Years' } }],
    { billingCycle: 'one_time' },
  );
  const d = validate('order', text);
  assert.ok(codesOf(d).includes('pc.provisioning.entitlementIdRequired'));
  const unknown = d.find((x) => x.code === 'pc.provisioning.unknownKey')!;
  assert.match(String(unknown.message), /Did you mean "subscriptionId"/);
  const duration = d.find((x) => x.code === 'pc.schema.enum')!;
  assert.match(String(duration.message), /1Year, 3Year, 3Years/);
  assert.deepEqual(
    codesOf(
      validate(
        'order',
        order([{ offerId: 'A1:B2:C3', provisioningContext: { scope: 'Shared', duration: '1year' } }], {
          billingCycle: 'one_time',
        }),
      ),
    ),
    ['pc.casing.value', 'pc.casing.value'],
  );
});

test('partner-of-record attestation is expected on orders and carts', () => {
  const d = validate('order', '{"billingCycle":"monthly","lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1}]}');
  assert.deepEqual(codesOf(d), ['pc.attestation.partnerOnRecordMissing']);
  assert.equal(d[0].severity, DiagnosticSeverity.Warning);
});

test('customTermEndDate must fall inside the first term', () => {
  const inside = order([{ offerId: 'A1:B2:C3', termDuration: 'P1Y', customTermEndDate: '2026-01-31T00:00:00Z' }]);
  assert.deepEqual(validate('order', inside), []);
  const after = order([{ offerId: 'A1:B2:C3', termDuration: 'P1M', customTermEndDate: '2025-09-30T00:00:00Z' }]);
  assert.deepEqual(codesOf(validate('order', after)), ['pc.customTermEndDate.outsideFirstTerm']);
  const past = order([{ offerId: 'A1:B2:C3', termDuration: 'P1M', customTermEndDate: '2025-01-31' }]);
  assert.deepEqual(codesOf(validate('order', past)), ['pc.customTermEndDate.inPast']);
});

test('legacy GUID offers are pointed out', () => {
  assert.deepEqual(codesOf(validate('order', order([{ offerId: '031C9E47-4802-4248-838E-778FB1D2CC05' }]))), ['pc.offer.legacy']);
});

test('subscription updates must carry autoRenewEnabled, and scheduled changes need it on', () => {
  assert.deepEqual(codesOf(validate('subscription', '{"quantity":5}')), ['pc.subscription.autoRenewMissing']);
  const scheduled = '{"autoRenewEnabled":false,"scheduledNextTermInstructions":{"quantity":3}}';
  assert.deepEqual(codesOf(validate('subscription', scheduled)), ['pc.subscription.scheduledNeedsAutoRenew']);
});

test('customer: registration number and phone where required, refused elsewhere', () => {
  const body = (country: string, extra: object = {}, phone?: string) =>
    JSON.stringify({
      companyProfile: { domain: 'contoso', ...extra },
      billingProfile: {
        culture: 'en-US',
        email: 'a@b.example',
        language: 'en',
        companyName: 'C',
        defaultAddress: {
          firstName: 'A',
          lastName: 'B',
          addressLine1: '1 St',
          city: 'X',
          country,
          ...(phone ? { phoneNumber: phone } : {}),
        },
      },
    });
  assert.deepEqual(codesOf(validate('customer', body('PL'))), [
    'pc.customer.registrationNumberRequired',
    'pc.customer.phoneRequired',
  ]);
  assert.deepEqual(codesOf(validate('customer', body('PL', { organizationRegistrationNumber: '123' }, '5551234'))), []);
  assert.deepEqual(codesOf(validate('customer', body('US', { organizationRegistrationNumber: '123' }))), [
    'pc.customer.registrationNumberNotAccepted',
  ]);
  assert.deepEqual(codesOf(validate('customer', body('USA'))), ['pc.schema.pattern']);
});
