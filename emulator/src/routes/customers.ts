// /customers: list with seek paging and starts_with filters, get, and create.

import { asRecord, normalizeKeys, parseEnum, queryParam, squash } from '../casing';
import { type CustomerRecord } from '../data/model';
import { collection, link } from '../envelope';
import { ApiError, customerNotFound, invalidInput } from '../errors';
import { type HttpAnswer, type RequestContext, type Router } from '../router';
import { companyProfileWire, customerWire } from '../wire/customer';

/** No documented maximum; a 2016 report says 500 per call, so larger sizes are capped there. */
const MAX_PAGE = 500;

interface Filter {
  field: 'CompanyName' | 'Domain' | 'IndirectReseller' | 'IndirectCloudSolutionProvider';
  value: string;
}

interface Continuation {
  offset: number;
  filter?: Filter;
}

export function registerCustomers(router: Router): void {
  router.get('/customers', listCustomers);
  router.post('/customers', createCustomer);
  router.get('/customers/{customerId}', (ctx) => ({ status: 200, body: customerWire(requireCustomer(ctx), true) }));
  // The target of companyProfile.links.self (get-a-customer-s-company-profile.md).
  router.get('/customers/{customerId}/profiles/company', (ctx) => ({
    status: 200,
    body: companyProfileWire(requireCustomer(ctx), true),
  }));
}

export function requireCustomer(ctx: RequestContext): CustomerRecord {
  const customer = ctx.store.customer(ctx.params.customerId);
  if (!customer) throw customerNotFound(ctx.params.customerId);
  return customer;
}

function listCustomers(ctx: RequestContext): HttpAnswer {
  const sizeText = queryParam(ctx.url, 'size');
  const size = sizeText === undefined ? 0 : Number(sizeText);
  if (!Number.isInteger(size) || size < 0) throw invalidInput(`size must be a non-negative integer, got '${sizeText}'.`);
  let state: Continuation = { offset: 0, filter: parseFilter(queryParam(ctx.url, 'filter')) };
  const seek = queryParam(ctx.url, 'seekOperation');
  if (seek !== undefined && squash(seek) !== 'first') {
    if (squash(seek) !== 'next') {
      throw invalidInput(`seekOperation '${seek}' is not supported; use Next with the MS-ContinuationToken header.`);
    }
    state = decodeToken(ctx.headers['ms-continuationtoken']);
  }
  const filter = state.filter;
  const matches = filter ? ctx.store.customers.filter((c) => matchesFilter(c, filter)) : ctx.store.customers;
  const pageSize = size === 0 ? matches.length : Math.min(size, MAX_PAGE);
  const page = matches.slice(state.offset, state.offset + pageSize);
  const selfQuery = `size=${size}${filter && seek === undefined ? `&filter=${encodeURIComponent(queryParam(ctx.url, 'filter') ?? '')}` : ''}`;
  const links: Record<string, ReturnType<typeof link>> = { self: link(`/customers?${selfQuery}`) };
  const nextOffset = state.offset + page.length;
  if (page.length > 0 && nextOffset < matches.length) {
    links.next = link(`/customers?size=${size}&seekOperation=Next`, 'GET', [
      { key: 'MS-ContinuationToken', value: encodeToken({ offset: nextOffset, filter }) },
    ]);
  }
  return {
    status: 200,
    body: collection(
      page.map((c) => customerWire(c, false)),
      links,
    ),
  };
}

function parseFilter(text: string | undefined): Filter | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  let raw: Record<string, unknown>;
  try {
    raw = asRecord(normalizeKeys(JSON.parse(text)));
  } catch {
    throw invalidInput('filter must be URL-encoded JSON like {"Field":"CompanyName","Value":"cont","Operator":"starts_with"}.');
  }
  const field = parseEnum('Field', raw.field, [
    'CompanyName',
    'Domain',
    'IndirectReseller',
    'IndirectCloudSolutionProvider',
  ] as const);
  if (typeof raw.operator !== 'string' || squash(raw.operator) !== 'startswith') {
    throw invalidInput(`Operator '${String(raw.operator)}' is not supported for customers; only starts_with is.`);
  }
  if (typeof raw.value !== 'string') throw invalidInput('filter Value must be a string.');
  return { field, value: raw.value };
}

function matchesFilter(c: CustomerRecord, f: Filter): boolean {
  const prefix = f.value.toLowerCase();
  if (f.field === 'CompanyName') return c.companyName.toLowerCase().startsWith(prefix);
  if (f.field === 'Domain') return c.domain.toLowerCase().startsWith(prefix);
  return false; // no seeded customer is bought through an indirect reseller or provider
}

function encodeToken(state: Continuation): string {
  return Buffer.from(JSON.stringify(state)).toString('base64url');
}

function decodeToken(header: string | string[] | undefined): Continuation {
  const text = Array.isArray(header) ? header[0] : header;
  if (!text) throw invalidInput('seekOperation=Next needs the MS-ContinuationToken header from links.next.headers.');
  try {
    const state = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as Continuation;
    if (Number.isInteger(state.offset) && state.offset >= 0) return state;
  } catch {
    // fall through to the error below
  }
  throw invalidInput('The continuation token is not valid.');
}

/** Countries where the organization registration number (and a phone number) are required. */
export const REGISTRATION_COUNTRIES: ReadonlySet<string> = new Set([
  'AM',
  'AZ',
  'BY',
  'HU',
  'KZ',
  'KG',
  'MD',
  'RU',
  'TJ',
  'UZ',
  'UA',
  'BR',
  'IN',
  'ZA',
  'PL',
  'AE',
  'SA',
  'TR',
  'TH',
  'VN',
  'MM',
  'IQ',
  'SS',
  'VE',
]);

function text(record: Record<string, unknown>, key: string, path: string, min: number, max: number): string {
  const value = record[key];
  if (typeof value !== 'string' || value.trim().length < min || value.length > max) {
    throw invalidInput(`${path} is required and must be ${min}-${max} characters.`);
  }
  return value.trim();
}

/** "EN-US" and "en-us" are answered as "en-US", the spelling both create examples return. */
function cultureName(value: string): string {
  const [language, ...rest] = value.split('-');
  return [language.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
}

/** An optional string property: absent, null or "" all mean "not given" (the .NET SDK sends nulls). */
function optionalText(record: Record<string, unknown>, key: string, path: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalidInput(`${path} must be a string or null.`);
  return value.trim() === '' ? undefined : value.trim();
}

function createCustomer(ctx: RequestContext): HttpAnswer {
  if (!ctx.headers['ms-requestid'] || !ctx.headers['ms-correlationid']) {
    throw invalidInput(
      'Creating a customer requires the MS-RequestId and MS-CorrelationId headers (the call is idempotent on MS-RequestId).',
    );
  }
  const body = asRecord(ctx.body);
  const company = asRecord(body.companyProfile);
  const billing = asRecord(body.billingProfile);
  const address = asRecord(billing.defaultAddress);
  // The docs' domains are full names ("xyz.ccsctp.net", "WingtipToys678152504.onmicrosoft.com",
  // "such as contoso.onmicrosoft.com"); the casing is kept as sent, as the examples echo it.
  const domainText = text(company, 'domain', 'CompanyProfile.Domain', 1, 256);
  const domain = domainText.includes('.') ? domainText : `${domainText}.onmicrosoft.com`;
  if (!/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9-]+)+$/i.test(domain)) {
    throw invalidInput(`CompanyProfile.Domain '${domainText}' is not a valid domain.`);
  }
  if (ctx.store.customers.some((c) => c.domain.toLowerCase() === domain.toLowerCase())) {
    throw invalidInput(`The domain ${domain} is already in use.`);
  }
  const country = text(address, 'country', 'BillingProfile.DefaultAddress.Country', 2, 2).toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw invalidInput('BillingProfile.DefaultAddress.Country must be a two-letter ISO code.');
  const registration = optionalText(company, 'organizationRegistrationNumber', 'CompanyProfile.OrganizationRegistrationNumber');
  const phone = optionalText(address, 'phoneNumber', 'BillingProfile.DefaultAddress.PhoneNumber');
  if (REGISTRATION_COUNTRIES.has(country) && !registration) {
    throw new ApiError(
      'registrationNumberMissing',
      `An organization registration number is required for customers in ${country}.`,
    );
  }
  if (REGISTRATION_COUNTRIES.has(country) && !phone) {
    throw new ApiError('phoneNumberMissing', `A phone number is required for customers in ${country}.`);
  }
  // create-a-customer-for-an-indirect-reseller.md: an indirect provider names the reseller here;
  // without it "the customer is created as a direct customer of the indirect provider".
  const associatedPartnerId = optionalText(body, 'associatedPartnerId', 'AssociatedPartnerId');
  const gdap = body.enableGDAPByDefault;
  if (gdap !== undefined && gdap !== null && typeof gdap !== 'boolean') {
    throw invalidInput('enableGDAPByDefault must be true or false.');
  }
  const ids = ctx.store.ids;
  const customer: CustomerRecord = {
    id: ids.guid(),
    commerceId: ids.guid(),
    billingProfileId: ids.hex(32),
    companyName: text(billing, 'companyName', 'BillingProfile.CompanyName', 1, 256),
    domain,
    firstName: text(address, 'firstName', 'BillingProfile.DefaultAddress.FirstName', 1, 50),
    lastName: text(address, 'lastName', 'BillingProfile.DefaultAddress.LastName', 1, 50),
    email: text(billing, 'email', 'BillingProfile.Email', 3, 256),
    culture: cultureName(text(billing, 'culture', 'BillingProfile.Culture', 2, 10)),
    language: text(billing, 'language', 'BillingProfile.Language', 2, 10),
    address: {
      country,
      // utility-resources.md gives City and PostalCode no minimum length: not every country's
      // addresses have them, so they are optional here as in the language server.
      city: optionalText(address, 'city', 'BillingProfile.DefaultAddress.City') ?? '',
      state: optionalText(address, 'state', 'BillingProfile.DefaultAddress.State') ?? '',
      postalCode: optionalText(address, 'postalCode', 'BillingProfile.DefaultAddress.PostalCode') ?? '',
      addressLine1: text(address, 'addressLine1', 'BillingProfile.DefaultAddress.AddressLine1', 1, 200),
      ...(phone ? { phoneNumber: phone } : {}),
    },
    organizationRegistrationNumber: registration,
    relationshipToPartner: 'reseller',
    associatedPartnerId,
    createdAt: ctx.now,
    version: 1,
  };
  if (!customer.email.includes('@')) throw invalidInput('BillingProfile.Email is not a valid email address.');
  ctx.store.addCustomer(customer);
  const wire = customerWire(customer, true);
  // Both create examples answer the initial admin as "admin" and echo enableGDAPByDefault when sent.
  if (typeof gdap === 'boolean') wire.enableGDAPByDefault = gdap;
  wire.userCredentials = {
    userName: 'admin',
    password: `${ids.chars(4, 'ABCDEFGHJKLMNPQRSTUVWXYZ')}${ids.hex(8)}!${ids.int(10, 99)}`,
  };
  return { status: 201, body: wire };
}
