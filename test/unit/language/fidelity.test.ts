// What the Partner Center docs' tables and examples allow, each test naming the page it follows:
// documented-valid values get no error, and documented limits are enforced.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { catalogView } from '../../../common/src/language';
import { BASIC, codesOf, fullCatalog, kind, service, validate } from './helpers';

const errorsOf = (d: ReturnType<typeof validate>) => d.filter((x) => x.severity === DiagnosticSeverity.Error);
const errorCodes = (kindId: string, text: string) => codesOf(errorsOf(validate(kindId, text)));

test('null is accepted on optional properties, as the .NET SDK sends it (change-the-quantity-of-a-subscription.md, create-a-customer-for-an-indirect-reseller.md)', () => {
  const subscription = {
    id: 'a4c1340d-6911-4758-bba3-0c4c6007d161',
    quantity: 2,
    autoRenewEnabled: true,
    parentSubscriptionId: null,
    partnerId: null,
    friendlyName: null,
    termDuration: null,
  };
  assert.deepEqual(errorCodes('subscription', JSON.stringify(subscription)), []);
  const customer = {
    companyProfile: { domain: 'contoso', companyName: null },
    billingProfile: {
      culture: 'en-US',
      email: 'a@b.example',
      language: 'en',
      companyName: 'Contoso',
      firstName: null,
      lastName: null,
      defaultAddress: {
        firstName: 'A',
        lastName: 'B',
        addressLine1: '1 St',
        addressLine2: null,
        city: 'Redmond',
        region: null,
        country: 'US',
      },
    },
  };
  assert.deepEqual(errorCodes('customer', JSON.stringify(customer)), []);
  const cart = {
    partnerOnRecordAttestationAccepted: true,
    lineItems: [
      {
        id: 0,
        catalogItemId: 'A1:B2:C3',
        quantity: 1,
        billingCycle: 'monthly',
        termDuration: null,
        friendlyName: null,
        customTermEndDate: null,
      },
    ],
  };
  assert.deepEqual(errorCodes('cart', JSON.stringify(cart)), []);
});

test('null is still refused where the docs require a value', () => {
  assert.deepEqual(
    errorCodes(
      'cart',
      '{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"id":0,"catalogItemId":"A1:B2:C3","quantity":null,"billingCycle":"monthly"}]}',
    ),
    ['pc.schema.type'],
  );
  assert.deepEqual(errorCodes('cart', '{"partnerOnRecordAttestationAccepted":true,"lineItems":null}'), ['pc.schema.type']);
  assert.deepEqual(
    errorCodes(
      'customer',
      '{"companyProfile":{"domain":null},"billingProfile":{"culture":"en-US","email":"a@b.example","language":"en","companyName":"C","defaultAddress":{"firstName":"A","lastName":"B","addressLine1":"1 St","city":"X","country":"US"}}}',
    ),
    ['pc.schema.type'],
  );
});

test('a null read-only field is not pointed out; one with a value is', () => {
  const withNull = validate(
    'order',
    '{"id":null,"billingCycle":"monthly","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1,"subscriptionId":null}]}',
  );
  assert.deepEqual(codesOf(withNull), []);
  const withValue = validate(
    'order',
    '{"id":"x","billingCycle":"monthly","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1}]}',
  );
  assert.deepEqual(codesOf(withValue), ['pc.property.readOnly']);
});

test('null reads as "not set" in the rules too: autoRenewEnabled null is reset, a null registration number is not one', () => {
  assert.deepEqual(codesOf(validate('subscription', '{"quantity":5,"autoRenewEnabled":null}')), [
    'pc.subscription.autoRenewMissing',
  ]);
  const customer = JSON.stringify({
    companyProfile: { domain: 'contoso', organizationRegistrationNumber: null },
    billingProfile: {
      culture: 'en-US',
      email: 'a@b.example',
      language: 'en',
      companyName: 'C',
      defaultAddress: { firstName: 'A', lastName: 'B', addressLine1: '1 St', city: 'X', country: 'US' },
    },
  });
  assert.deepEqual(codesOf(validate('customer', customer)), []);
});

test('an order may leave out billingCycle: Partner Center applies its default (create-an-order.md: "No ... The default is Monthly or OneTime")', () => {
  assert.deepEqual(
    codesOf(
      validate(
        'order',
        '{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1}]}',
      ),
    ),
    [],
  );
});

test('"unknown", the BillingCycleType initializer the indirect-reseller order example sends, is accepted and explained (product-resources.md)', () => {
  const d = validate(
    'order',
    '{"billingCycle":"unknown","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1,"termDuration":"P1Y"}]}',
  );
  assert.deepEqual(codesOf(d), ['pc.billingCycle.unknown']);
  assert.equal(d[0].severity, DiagnosticSeverity.Information);
  assert.deepEqual(
    codesOf(
      validate(
        'order',
        '{"billingCycle":"Unknown","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1}]}',
      ),
    ),
    ['pc.casing.value', 'pc.billingCycle.unknown'],
  );
  // The catalog rules read it as "no billing cycle given", not as a cycle the item is not sold with.
  const withCatalog = validate(
    'order',
    `{"billingCycle":"unknown","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"${BASIC.catalogItemId}","quantity":1,"termDuration":"P1Y"}]}`,
    fullCatalog(),
  );
  assert.deepEqual(codesOf(withCatalog), ['pc.billingCycle.unknown']);
  assert.deepEqual(
    codesOf(
      validate(
        'cart',
        '{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"id":0,"catalogItemId":"A1:B2:C3","quantity":1,"billingCycle":"unknown"}]}',
      ),
    ),
    ['pc.billingCycle.unknown'],
  );
});

test('cart lines take every documented id form: PRODUCT:SKU:AVAILABILITY, legacy offer GUIDs (add-ons too) and MS-AZR offers (create-a-cart.md, create-a-cart-with-add-ons.md)', () => {
  const lines = [
    { id: 0, catalogItemId: 'MS-AZR-0145P', quantity: 1, billingCycle: 'monthly' },
    {
      id: 1,
      catalogItemId: '91FD106F-4B2C-4938-95AC-F54F74E9A239',
      quantity: 3,
      billingCycle: 'monthly',
      addonItems: [{ catalogItemId: 'C94271D8-B431-4A25-A3C5-A57737A1C909', quantity: 2, billingCycle: 'monthly' }],
    },
    { id: 2, catalogItemId: 'MS-AZR-USGOV-0146P', quantity: 1, billingCycle: 'monthly' },
    { id: 3, catalogItemId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971', quantity: 1, billingCycle: 'monthly' },
  ];
  assert.deepEqual(errorCodes('cart', JSON.stringify({ partnerOnRecordAttestationAccepted: true, lineItems: lines })), []);
  assert.deepEqual(
    errorCodes(
      'order',
      JSON.stringify({
        partnerOnRecordAttestationAccepted: true,
        lineItems: [{ lineItemNumber: 0, offerId: 'MS-AZR-DE-0146P', quantity: 1 }],
      }),
    ),
    [],
  );
  // Anything else is still not an id.
  assert.deepEqual(
    errorCodes(
      'cart',
      JSON.stringify({
        partnerOnRecordAttestationAccepted: true,
        lineItems: [{ id: 0, catalogItemId: 'MS-AZR', quantity: 1, billingCycle: 'monthly' }],
      }),
    ),
    ['pc.schema.pattern'],
  );
});

/** A new customer as create-a-customer.md requires it, with changes. */
function customer(company: object = {}, address: object = {}, extra: object = {}): string {
  return JSON.stringify({
    companyProfile: { domain: 'contoso.onmicrosoft.com', ...company },
    billingProfile: {
      culture: 'en-US',
      email: 'a@b.example',
      language: 'en',
      companyName: 'Contoso',
      defaultAddress: {
        firstName: 'A',
        lastName: 'B',
        addressLine1: '1 Microsoft Way',
        city: 'Redmond',
        state: 'WA',
        postalCode: '98052',
        country: 'US',
        ...address,
      },
    },
    ...extra,
  });
}

test('a customer domain is a domain name, as every docs example writes it (create-a-customer.md: "such as contoso.onmicrosoft.com")', () => {
  for (const domain of ['xyz.ccsctp.net', 'WingtipToys678152504.onmicrosoft.com', 'contoso.onmicrosoft.com', 'contoso']) {
    assert.deepEqual(errorCodes('customer', customer({ domain })), [], domain);
  }
  for (const domain of ['contoso..com', '.contoso', 'con toso.com', 'contoso.']) {
    assert.deepEqual(errorCodes('customer', customer({ domain })), ['pc.schema.pattern'], domain);
  }
});

test('the documented Customer properties are known: associatedPartnerId is an input, the read-only ones are only pointed out (customer-resources.md, create-a-customer-for-an-indirect-reseller.md)', () => {
  assert.deepEqual(
    codesOf(validate('customer', customer({}, {}, { associatedPartnerId: '484e548c-f5f3-4528-93a9-c16c6373cb59' }))),
    [],
  );
  const responseFields = customer(
    { tenantId: null, attributes: { objectType: 'CustomerCompanyProfile' } },
    { middleName: 'Q' },
    {
      id: null,
      commerceId: null,
      relationshipToPartner: 'none',
      allowDelegatedAccess: null,
      userCredentials: null,
      customDomains: null,
      attributes: { objectType: 'Customer' },
    },
  );
  const d = validate('customer', responseFields);
  assert.deepEqual([...new Set(codesOf(d))], ['pc.property.readOnly']);
  assert.ok(d.every((x) => x.severity === DiagnosticSeverity.Information));
});

test('an address needs what the Address table gives a minimum length, and nothing else (utility-resources.md)', () => {
  assert.deepEqual(errorCodes('customer', customer({}, { city: undefined, state: undefined, postalCode: undefined })), []);
  const d = errorsOf(
    validate(
      'customer',
      JSON.stringify({
        companyProfile: { domain: 'contoso' },
        billingProfile: { culture: 'en-US', email: 'a@b.example', language: 'en', companyName: 'C', defaultAddress: {} },
      }),
    ),
  );
  assert.deepEqual(d.map((x) => String(x.message)).sort(), [
    'Missing required property "addressLine1".',
    'Missing required property "country".',
    'Missing required property "firstName".',
    'Missing required property "lastName".',
  ]);
});

test('a registration number outside the countries that require it is a warning: create-a-customer.md calls it optional there, error 600002 refuses it', () => {
  const d = validate('customer', customer({ organizationRegistrationNumber: '123' }));
  assert.deepEqual(codesOf(d), ['pc.customer.registrationNumberNotAccepted']);
  assert.equal(d[0].severity, DiagnosticSeverity.Warning);
});

test('order line attributes are documented (create-an-order.md OrderLineItem: "attributes | ResourceAttributes | No"): pointed out as read-only, not unknown', () => {
  const d = validate(
    'order',
    '{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1,"attributes":{"objectType":"OrderLineItem"}}]}',
  );
  assert.deepEqual(codesOf(d), ['pc.property.readOnly']);
});

test('renewsTo takes both shapes the docs show, an object (examples, SDK) and an array of them (request tables), and checks the terms in either', () => {
  const line = (renewsTo: unknown) =>
    JSON.stringify({
      partnerOnRecordAttestationAccepted: true,
      lineItems: [{ id: 0, catalogItemId: 'A1:B2:C3', quantity: 1, billingCycle: 'none', termDuration: 'P1M', renewsTo }],
    });
  assert.deepEqual(codesOf(validate('cart', line({ termDuration: 'P1Y' }))), []);
  assert.deepEqual(codesOf(validate('cart', line([{ termDuration: 'P1Y' }]))), []);
  assert.deepEqual(codesOf(validate('cart', line([{ TermDuration: 'p1y' }]))), ['pc.casing.property', 'pc.casing.value']);
  assert.deepEqual(codesOf(validate('cart', line([{ termDuration: 'P1M' }, { termDuration: 'P3Y' }]))), [
    'pc.renewsTo.termNotAllowed',
  ]);
  assert.deepEqual(errorCodes('cart', line('P1Y')), ['pc.schema.type']);
});

test("additionalPartnerIdsOnRecord: the example's list and the table's string are accepted, and at most 5 resellers (create-an-order.md)", () => {
  const line = (ids: unknown) =>
    JSON.stringify({
      partnerOnRecordAttestationAccepted: true,
      lineItems: [
        { lineItemNumber: 0, offerId: 'A1:B2:C3', quantity: 1, partnerIdOnRecord: '873452', additionalPartnerIdsOnRecord: ids },
      ],
    });
  assert.deepEqual(codesOf(validate('order', line(['4847383', '873452']))), []);
  assert.deepEqual(codesOf(validate('order', line('4847383'))), []);
  assert.deepEqual(codesOf(validate('order', line(['1', '2', '3', '4', '5']))), []);
  const six = errorsOf(validate('order', line(['1', '2', '3', '4', '5', '6'])));
  assert.deepEqual(codesOf(six), ['pc.schema.maxItems']);
  assert.equal(six[0].message, '"additionalPartnerIdsOnRecord" takes at most 5 entries; this one has 6.');
  assert.deepEqual(errorCodes('order', line('48-47')), ['pc.schema.pattern']);
});

test('a cart line names at most 5 additional indirect resellers as participants; the transaction reseller is not one of them (create-a-cart.md)', () => {
  const line = (additional: number, transaction = true) =>
    JSON.stringify({
      partnerOnRecordAttestationAccepted: true,
      lineItems: [
        {
          id: 0,
          catalogItemId: 'A1:B2:C3',
          quantity: 1,
          billingCycle: 'monthly',
          participants: [
            ...(transaction ? [{ key: 'transaction_reseller', value: '5357564' }] : []),
            ...Array.from({ length: additional }, (_, i) => ({
              key: 'additional_transaction_reseller',
              value: String(517285 + i),
            })),
          ],
        },
      ],
    });
  assert.deepEqual(codesOf(validate('cart', line(2))), []);
  assert.deepEqual(codesOf(validate('cart', line(5))), []);
  const six = validate('cart', line(6, false));
  assert.deepEqual(codesOf(six), ['pc.participants.tooManyAdditionalResellers']);
  assert.equal(six[0].severity, DiagnosticSeverity.Error);
});

test('an enum error lists and offers the values, not the null that optional properties also accept', () => {
  const [d] = validate(
    'cart',
    '{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"id":0,"catalogItemId":"A1:B2:C3","quantity":1,"billingCycle":"monthly","termDuration":"P9Y"}]}',
  );
  assert.equal(d.code, 'pc.schema.enum');
  assert.doesNotMatch(String(d.message), /null/);
  assert.ok((d.data as { fixes: { title: string }[] }).fixes.every((f) => !f.title.includes('null')));
});

/** An order line with this provisioning context (and purchase commitment, for a savings plan). */
function provisioned(context: object, extra: object = {}): string {
  return JSON.stringify({
    partnerOnRecordAttestationAccepted: true,
    billingCycle: 'one_time',
    lineItems: [{ lineItemNumber: 0, offerId: 'A1:B2:C3', quantity: 1, provisioningContext: context, ...extra }],
  });
}
const COMMITMENT = { purchaseCommitment: { amount: 0.05, currency: 'usd', grain: 'hourly' } };

test('a single-scope reservation may name its Azure subscription as subscriptionId (create-a-cart.md, product-resources.md); a savings plan needs entitlementId (azure-purchase-savings-plan.md)', () => {
  assert.deepEqual(
    codesOf(
      validate(
        'order',
        provisioned({ scope: 'single', subscriptionId: '1C461A25-F729-4FA5-AADB-280947DD05E8', duration: '3Years' }),
      ),
    ),
    [],
  );
  assert.deepEqual(
    codesOf(
      validate('order', provisioned({ scope: 'single', entitlementId: 'cdd17cc7-14fe-4445-8650-1f52de705851' }, COMMITMENT)),
    ),
    [],
  );
  assert.deepEqual(
    errorCodes('order', provisioned({ scope: 'single', subscriptionId: '0350d130-4d3d-4005-aca0-cf84f0ab0d4a' }, COMMITMENT)),
    ['pc.provisioning.entitlementIdRequired'],
  );
  // Naming no subscription at all is still an error, whatever is bought.
  assert.deepEqual(errorCodes('order', provisioned({ scope: 'single', duration: '1Year' })), [
    'pc.provisioning.entitlementIdRequired',
  ]);
});

test('a shared-scope savings plan names its Azure plan as subscriptionId (azure-purchase-savings-plan.md: "required for shared scope")', () => {
  assert.deepEqual(
    codesOf(
      validate('order', provisioned({ scope: 'shared', subscriptionId: '0350d130-4d3d-4005-aca0-cf84f0ab0d4a' }, COMMITMENT)),
    ),
    [],
  );
  const d = errorsOf(validate('order', provisioned({ scope: 'shared' }, COMMITMENT)));
  assert.deepEqual(codesOf(d), ['pc.provisioning.subscriptionIdRequired']);
  assert.equal((d[0].data as { fixes: { title: string }[] }).fixes[0].title, 'Add "subscriptionId"');
});

test('reservation durations: 1Year, and three years spelled 3Year (product-resources.md) or 3Years (SDK samples); a did-you-mean never changes the number', () => {
  for (const duration of ['1Year', '3Year', '3Years', '3years']) {
    assert.deepEqual(errorCodes('order', provisioned({ scope: 'shared', subscriptionId: 'x', duration })), [], duration);
  }
  const [twoYears] = errorsOf(validate('order', provisioned({ scope: 'shared', subscriptionId: 'x', duration: '2Years' })));
  assert.equal(twoYears.code, 'pc.schema.enum');
  assert.doesNotMatch(String(twoYears.message), /Did you mean/);
  assert.ok(
    (twoYears.data as { fixes: { preferred?: boolean }[] }).fixes.every((f) => !f.preferred),
    'no automatic fix picks a length',
  );
  const [typo] = errorsOf(validate('order', provisioned({ scope: 'shared', subscriptionId: 'x', duration: '3Yeers' })));
  assert.match(String(typo.message), /Did you mean "3Years?"\?/);
});

test('"unknown" is accepted but never offered: not in completion, not in an enum error\'s list or fixes', () => {
  const [d] = validate(
    'order',
    '{"billingCycle":"yearly","partnerOnRecordAttestationAccepted":true,"lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1}]}',
  );
  assert.equal(d.code, 'pc.schema.enum');
  assert.match(String(d.message), /expected one of monthly, annual, triennial, biennial, one_time, none\.$/);
  assert.ok((d.data as { fixes: { title: string }[] }).fixes.every((f) => !f.title.includes('unknown')));
});

test('the partner-of-record attestation stays a warning whose words fit a cart update as well as a creation (create-a-cart.md table vs. update-a-cart.md)', () => {
  const [d] = validate('cart', '{"lineItems":[{"id":0,"catalogItemId":"A1:B2:C3","quantity":1,"billingCycle":"monthly"}]}');
  assert.equal(d.code, 'pc.attestation.partnerOnRecordMissing');
  assert.equal(d.severity, DiagnosticSeverity.Warning);
  assert.doesNotMatch(String(d.message), /\bnew\b|every/);
  assert.match(String(d.message), /900206/);
});

test('a cart line id may be the string the tables type it as, and is numbered like a number (cart-resources.md: "id | string")', () => {
  const lines = (ids: unknown[]) =>
    JSON.stringify({
      partnerOnRecordAttestationAccepted: true,
      lineItems: ids.map((id) => ({ id, catalogItemId: 'A1:B2:C3', quantity: 1, billingCycle: 'monthly' })),
    });
  assert.deepEqual(codesOf(validate('cart', lines(['0', 1]))), []);
  assert.deepEqual(codesOf(validate('cart', lines(['0', '0']))), ['pc.lineItem.duplicateNumber']);
  assert.deepEqual(errorCodes('cart', lines(['first'])), ['pc.schema.pattern']);
});

test("a custom term end date past the first term is a warning: create-a-cart.md's Request sample ends a P1M line 6 months out, and is answered 201", () => {
  // That sample, as of the day it was made (its response's creationTimestamp).
  const sample =
    '{"PartnerOnRecordAttestationAccepted":true,"lineItems":[{"id":0,"catalogItemId":"CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P","quantity":1,"billingCycle":"monthly","termDuration":"P1M","renewsTo":null,"provisioningContext":{},"customTermEndDate":"2022-02-19T00:00:00Z"}]}';
  const d = service
    .validate(service.parse('test://sample.cart.json', sample), kind('cart'), {
      catalog: catalogView(true, []),
      now: new Date('2021-08-18T17:29:52Z'),
    })
    .filter((x) => x.code === 'pc.customTermEndDate.outsideFirstTerm');
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, DiagnosticSeverity.Warning);
});

test('casing hints call the camelCase form canonical, not "documented": the docs\' own tables write PartnerOnRecordAttestationAccepted and Annual', () => {
  const d = validate(
    'order',
    '{"PartnerOnRecordAttestationAccepted":true,"billingCycle":"Annual","lineItems":[{"lineItemNumber":0,"offerId":"A1:B2:C3","quantity":1}]}',
  );
  assert.deepEqual(codesOf(d), ['pc.casing.property', 'pc.casing.value']);
  for (const hint of d) {
    assert.doesNotMatch(String(hint.message), /documented/);
    assert.match(String(hint.message), /canonical spelling/);
  }
});
