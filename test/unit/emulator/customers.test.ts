import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { call } from './helpers';

function filterQuery(field: string, value: string): string {
  return encodeURIComponent(JSON.stringify({ Field: field, Value: value, Operator: 'starts_with' }));
}

test('seek paging visits every customer exactly once via links.next and MS-ContinuationToken', async (t) => {
  const em = await withEmulator(t);
  const all = await call(em, '/v1/customers?size=0');
  assert.ok(all.body.items.length >= 120, `expected >= 120 customers, got ${all.body.items.length}`);

  const seen: string[] = [];
  let reply = await call(em, '/v1/customers?size=40');
  assert.equal(reply.body.links.self.uri, '/customers?size=40');
  for (let pages = 0; ; pages++) {
    assert.equal(reply.status, 200);
    assert.equal(reply.body.attributes.objectType, 'Collection');
    assert.equal(reply.body.totalCount, reply.body.items.length);
    seen.push(...reply.body.items.map((c: { id: string }) => c.id));
    const next = reply.body.links.next;
    if (!next) break;
    assert.equal(next.uri, '/customers?size=40&seekOperation=Next');
    assert.equal(next.method, 'GET');
    assert.equal(next.headers[0].key, 'MS-ContinuationToken');
    assert.ok(pages < 10, 'paging does not end');
    reply = await call(em, `/v1${next.uri}`, { headers: { [next.headers[0].key]: next.headers[0].value } });
  }
  assert.equal(seen.length, all.body.items.length);
  assert.equal(new Set(seen).size, seen.length);
});

test('Next without a continuation token is a 400 with the documented error body', async (t) => {
  const em = await withEmulator(t);
  const reply = await call(em, '/v1/customers?size=10&seekOperation=Next');
  assert.equal(reply.status, 400);
  assert.deepEqual(Object.keys(reply.body).sort(), ['code', 'data', 'description', 'source']);
  assert.equal(reply.body.code, 800002);
  assert.equal(reply.body.source, 'PartnerFD');
});

test('starts_with filters by company name or domain, case-insensitively, and pages keep the filter', async (t) => {
  const em = await withEmulator(t);
  const contoso = await call(em, `/v1/customers?size=0&filter=${filterQuery('CompanyName', 'CONTOSO')}`);
  assert.equal(contoso.status, 200);
  assert.ok(contoso.body.items.length >= 3);
  for (const c of contoso.body.items) assert.match(c.companyProfile.companyName, /^Contoso/);

  const paged = await call(em, `/v1/customers?size=2&filter=${filterQuery('CompanyName', 'contoso')}`);
  const next = paged.body.links.next;
  const second = await call(em, `/v1${next.uri}`, { headers: { 'MS-ContinuationToken': next.headers[0].value } });
  assert.ok(second.body.items.length > 0, 'the second page is not empty');
  for (const c of second.body.items) assert.match(c.companyProfile.companyName, /^Contoso/);

  const byDomain = await call(em, `/v1/customers?size=0&filter=${filterQuery('Domain', 'fabrikam')}`);
  assert.ok(byDomain.body.items.length >= 3);
  for (const c of byDomain.body.items) assert.match(c.companyProfile.domain, /^fabrikam/);

  const none = await call(em, `/v1/customers?size=0&filter=${filterQuery('CompanyName', 'zzz')}`);
  assert.equal(none.body.totalCount, 0);
  const badOperator = await call(
    em,
    `/v1/customers?size=0&filter=${encodeURIComponent('{"Field":"CompanyName","Value":"c","Operator":"equals"}')}`,
  );
  assert.equal(badOperator.status, 400);
});

test('get a customer returns the billing profile and allowDelegatedAccess; unknown ids are 404', async (t) => {
  const em = await withEmulator(t);
  const reply = await call(em, `/v1/customers/${em.fixtures.customerId}`);
  assert.equal(reply.status, 200);
  assert.equal(reply.body.id, em.fixtures.customerId);
  assert.equal(reply.body.attributes.objectType, 'Customer');
  assert.equal(reply.body.billingProfile.attributes.objectType, 'CustomerBillingProfile');
  assert.equal(typeof reply.body.billingProfile.attributes.etag, 'string');
  assert.equal(reply.body.allowDelegatedAccess, true);
  assert.equal(reply.body.links.self.uri, `/customers/${em.fixtures.customerId}`);
  const missing = await call(em, '/v1/customers/00000000-0000-0000-0000-000000000000');
  assert.equal(missing.status, 404);
});

const NEW_CUSTOMER = {
  CompanyProfile: { Domain: 'emulatortest' },
  BillingProfile: {
    Culture: 'EN-US',
    Email: 'admin@example.com',
    Language: 'En',
    CompanyName: 'Emulator Test Ltd',
    DefaultAddress: {
      FirstName: 'Ada',
      LastName: 'Lovelace',
      AddressLine1: '1 Main St',
      City: 'Redmond',
      State: 'WA',
      PostalCode: '98052',
      Country: 'US',
    },
  },
};

test('create customer answers 201 once; the same MS-RequestId replays it without a second customer', async (t) => {
  const em = await withEmulator(t);
  const headers = { 'MS-RequestId': 'create-1', 'MS-CorrelationId': 'corr-1' };
  const first = await call(em, '/v1/customers', { body: NEW_CUSTOMER, headers });
  assert.equal(first.status, 201);
  assert.equal(first.body.companyProfile.domain, 'emulatortest.onmicrosoft.com');
  assert.equal(first.body.billingProfile.companyName, 'Emulator Test Ltd');
  assert.ok(first.body.userCredentials.password);
  const again = await call(em, '/v1/customers', { body: NEW_CUSTOMER, headers });
  assert.equal(again.status, 201);
  assert.equal(again.body.id, first.body.id);
  const list = await call(em, `/v1/customers?size=0&filter=${filterQuery('Domain', 'emulatortest')}`);
  assert.equal(list.body.totalCount, 1);
  const duplicate = await call(em, '/v1/customers', {
    body: NEW_CUSTOMER,
    headers: { 'MS-RequestId': 'create-2', 'MS-CorrelationId': 'corr-2' },
  });
  assert.equal(duplicate.status, 400);
  const noIds = await call(em, '/v1/customers', { body: { ...NEW_CUSTOMER, CompanyProfile: { Domain: 'other' } } });
  assert.equal(noIds.status, 400);
});

test('the data set is a pure function of the seed', async () => {
  const clock = (): number => Date.UTC(2025, 0, 15, 12);
  const a = await startEmulator({ seed: 7, clock });
  const b = await startEmulator({ seed: 7, clock });
  const c = await startEmulator({ seed: 8, clock });
  try {
    const [ra, rb, rc] = await Promise.all([a, b, c].map((em) => call(em, '/v1/customers?size=0')));
    assert.equal(ra.text, rb.text);
    assert.notEqual(ra.text, rc.text);
    const orders = await Promise.all([a, b].map((em) => call(em, `/v1/customers/${em.fixtures.customerId}/orders`)));
    assert.equal(orders[0].text, orders[1].text);
  } finally {
    await Promise.all([a.close(), b.close(), c.close()]);
  }
});

const headers = (n: number): Record<string, string> => ({ 'MS-RequestId': `docs-${n}`, 'MS-CorrelationId': `corr-${n}` });

// create-a-customer.md (Company profile: "The customer's domain name, such as
// contoso.onmicrosoft.com"; its example sends "xyz.ccsctp.net") and
// create-a-customer-for-an-indirect-reseller.md ("WingtipToys678152504.onmicrosoft.com"): a full
// domain name is taken as it is, casing included, and a domain in use is refused in any casing.
test('create customer takes the documented full domain names and keeps their casing', async (t) => {
  const em = await withEmulator(t);
  const body = (domain: string) => ({ ...NEW_CUSTOMER, CompanyProfile: { Domain: domain } });
  const ccsctp = await call(em, '/v1/customers', { body: body('xyz.ccsctp.net'), headers: headers(1) });
  assert.equal(ccsctp.status, 201);
  assert.equal(ccsctp.body.companyProfile.domain, 'xyz.ccsctp.net');
  const wingtip = await call(em, '/v1/customers', { body: body('WingtipToys678152504.onmicrosoft.com'), headers: headers(2) });
  assert.equal(wingtip.status, 201);
  assert.equal(wingtip.body.companyProfile.domain, 'WingtipToys678152504.onmicrosoft.com');
  const again = await call(em, '/v1/customers', { body: body('wingtiptoys678152504.ONMICROSOFT.com'), headers: headers(3) });
  assert.equal(again.status, 400);
  assert.equal(again.body.code, 800002);
});

// create-a-customer-for-an-indirect-reseller.md: the .NET SDK's whole Customer, nulls included,
// with AssociatedPartnerId (customer-resources.md spells it associatedPartnerID); the 201 echoes it.
test('the indirect-reseller body with SDK nulls creates a customer carrying associatedPartnerId', async (t) => {
  const em = await withEmulator(t);
  const body = {
    Id: null,
    CommerceId: null,
    CompanyProfile: {
      TenantId: null,
      Domain: 'WingtipToys1.onmicrosoft.com',
      CompanyName: null,
      Attributes: { ObjectType: 'CustomerCompanyProfile' },
    },
    BillingProfile: {
      Id: null,
      FirstName: null,
      LastName: null,
      Email: 'Gena@wingtiptoys.com',
      Culture: 'EN-US',
      Language: 'En',
      CompanyName: 'Wingtip Toys1',
      DefaultAddress: {
        Country: 'US',
        Region: null,
        City: 'Redmond',
        State: 'WA',
        AddressLine1: 'One Microsoft Way',
        AddressLine2: null,
        PostalCode: '98052',
        FirstName: 'Gena',
        LastName: 'Soto',
        PhoneNumber: '4255550101',
      },
      Attributes: { ObjectType: 'CustomerBillingProfile' },
    },
    RelationshipToPartner: 'none',
    AllowDelegatedAccess: null,
    UserCredentials: null,
    CustomDomains: null,
    AssociatedPartnerId: '484e548c-f5f3-4528-93a9-c16c6373cb59',
    Attributes: { ObjectType: 'Customer' },
  };
  const created = await call(em, '/v1/customers', { body, headers: headers(1) });
  assert.equal(created.status, 201);
  assert.equal(created.body.associatedPartnerId, '484e548c-f5f3-4528-93a9-c16c6373cb59');
  assert.equal(created.body.billingProfile.defaultAddress.phoneNumber, '4255550101');
  const read = await call(em, `/v1/customers/${created.body.id}`);
  assert.equal(read.body.associatedPartnerId, '484e548c-f5f3-4528-93a9-c16c6373cb59');
  const spelled = await call(em, '/v1/customers', {
    body: {
      ...body,
      AssociatedPartnerId: undefined,
      associatedPartnerID: 'abc',
      CompanyProfile: { Domain: 'WingtipToys2.onmicrosoft.com' },
    },
    headers: headers(2),
  });
  assert.equal(spelled.body.associatedPartnerId, 'abc');
  const direct = await call(em, '/v1/customers', {
    body: { ...body, AssociatedPartnerId: null, CompanyProfile: { Domain: 'WingtipToys3.onmicrosoft.com' } },
    headers: headers(3),
  });
  assert.equal(direct.status, 201);
  assert.equal('associatedPartnerId' in direct.body, false);
});

// create-a-customer.md, Response example: culture "EN-US" comes back "en-US", the language as sent,
// enableGDAPByDefault echoed, an address without a phone shows "", the admin user is "admin".
// create-a-customer-for-an-indirect-reseller.md's response adds companyProfile.links.self.
test('the create answer has the documented shape', async (t) => {
  const em = await withEmulator(t);
  const created = await call(em, '/v1/customers', { body: { enableGDAPByDefault: false, ...NEW_CUSTOMER }, headers: headers(1) });
  assert.equal(created.status, 201);
  assert.equal(created.body.billingProfile.culture, 'en-US');
  assert.equal(created.body.billingProfile.language, 'En');
  assert.equal(created.body.enableGDAPByDefault, false);
  assert.equal(created.body.billingProfile.defaultAddress.phoneNumber, '');
  assert.equal(created.body.userCredentials.userName, 'admin');
  assert.equal(created.body.companyProfile.links.self.uri, `/customers/${created.body.id}/profiles/company`);
  const noGdap = await call(em, '/v1/customers', {
    body: { ...NEW_CUSTOMER, CompanyProfile: { Domain: 'other' } },
    headers: headers(2),
  });
  assert.equal('enableGDAPByDefault' in noGdap.body, false);
  const badGdap = await call(em, '/v1/customers', {
    body: { ...NEW_CUSTOMER, enableGDAPByDefault: 'yes', CompanyProfile: { Domain: 'third' } },
    headers: headers(3),
  });
  assert.equal(badGdap.status, 400);
});

// get-a-customer-s-company-profile.md: GET /customers/{id}/profiles/company answers the
// CustomerCompanyProfile with the address and email; it is where companyProfile.links.self points.
test('the company profile link resolves to the company profile', async (t) => {
  const em = await withEmulator(t);
  const customer = (await call(em, `/v1/customers/${em.fixtures.customerId}`)).body;
  const profile = await call(em, `/v1${customer.companyProfile.links.self.uri}`);
  assert.equal(profile.status, 200);
  assert.equal(profile.body.tenantId, em.fixtures.customerId);
  assert.equal(profile.body.domain, customer.companyProfile.domain);
  assert.equal(profile.body.email, customer.billingProfile.email);
  assert.equal(profile.body.address.country, customer.billingProfile.defaultAddress.country);
  assert.equal(profile.body.attributes.objectType, 'CustomerCompanyProfile');
  assert.equal((await call(em, '/v1/customers/00000000-0000-0000-0000-000000000000/profiles/company')).status, 404);
});

test('an address without City and PostalCode is accepted (utility-resources.md Address: no minimum length)', async (t) => {
  const em = await withEmulator(t);
  const { City: _city, PostalCode: _postal, ...address } = NEW_CUSTOMER.BillingProfile.DefaultAddress;
  const body = { ...NEW_CUSTOMER, BillingProfile: { ...NEW_CUSTOMER.BillingProfile, DefaultAddress: address } };
  const answer = await call(em, '/v1/customers', {
    body,
    headers: { 'MS-RequestId': 'no-city', 'MS-CorrelationId': 'corr-no-city' },
  });
  assert.equal(answer.status, 201, JSON.stringify(answer.body));
});
