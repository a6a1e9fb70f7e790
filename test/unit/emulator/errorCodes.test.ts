// Every error the emulator answers means what the docs say it means (issue 11). Three checks:
// - its table (emulator/src/errorCodes.ts) agrees with the docs' error-code facts
//   (test/fixtures/docs/error-codes.json): the same code, the status the docs pair with it, and a
//   reason written wherever the docs give no status or another one;
// - no numeric error code is written in emulator/src outside that table;
// - every entry is triggered by a real HTTP call, and the answer carries its code and status.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import * as ts from 'typescript';
import { type EmulatorOptions, type RunningEmulator } from '../../../emulator/src/index';
import {
  CART_LINE_ERRORS,
  type CartLineErrorName,
  type ErrorAnswer,
  type ErrorName,
  ERRORS,
} from '../../../emulator/src/errorCodes';
import { startAuthHarness, testCertificates } from '../auth/helpers';
import { DOCS_ITEMS } from '../../../emulator/src/data/seed';
import { withEmulator } from '../../support/emulator';
import { call, DAY, movableClock, postNew, type Reply } from './helpers';
import { buy, LADDER, postTransition } from './transitionHelpers';

const REPO = join(__dirname, '..', '..', '..', '..');

interface DocsCode {
  code: number;
  status: number | null;
  description: string;
  page?: string;
  heading?: string;
  sdkFile?: string;
}
interface DocsAnswer {
  status: number;
  statusLine: string;
  headers: Record<string, string>;
  body?: unknown;
  page: string;
  heading: string;
}
interface DocsFacts {
  httpStatuses: { statuses: number[] };
  codes: DocsCode[];
  cartLineCodes: DocsCode[];
  answersWithoutCode: DocsAnswer[];
}

const docs = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'docs', 'error-codes.json'), 'utf8')) as DocsFacts;
const entries = Object.entries(ERRORS) as [ErrorName, ErrorAnswer][];
const docsCode = (code: number) => docs.codes.find((d) => d.code === code);

describe("the emulator's error codes agree with the docs' error-code table", () => {
  test('every code it answers is documented, and every documented fact is the source of one', () => {
    for (const d of [...docs.codes, ...docs.cartLineCodes]) {
      assert.ok(d.description.trim() !== '' && ((d.page && d.heading) || d.sdkFile), `${d.code} says where it is documented`);
    }
    const answered = new Set(entries.map(([, e]): number | null => e.code));
    assert.deepEqual(
      entries.filter(([, e]) => e.code !== null && !docsCode(e.code)).map(([n]) => n),
      [],
      'codes the docs do not list',
    );
    assert.deepEqual(
      docs.codes.filter((d) => !answered.has(d.code)).map((d) => d.code),
      [],
      'fixture codes the emulator no longer answers',
    );
    const onLines = new Set(Object.values(CART_LINE_ERRORS).map((e): number => e.code));
    assert.deepEqual(
      [...onLines].filter((c) => !docs.cartLineCodes.some((d) => d.code === c)),
      [],
      'cart line codes the docs and SDK do not list',
    );
    assert.deepEqual(
      docs.cartLineCodes.filter((d) => !onLines.has(d.code)).map((d) => d.code),
      [],
    );
  });

  test('each code comes with the status the docs pair with it; any other choice is written down and is a documented status', () => {
    for (const [name, e] of entries) {
      if (e.code === null) continue;
      const documented = docsCode(e.code)?.status ?? null;
      if (documented === e.status) {
        assert.equal(e.statusWhy, undefined, `${name}: the status is the documented one, so no reason is needed`);
        continue;
      }
      assert.ok(
        (e.statusWhy ?? '').length > 40,
        `${name}: ${e.code} with ${e.status} where the docs give ${documented ?? 'no status'} needs its reason`,
      );
      assert.ok(docs.httpStatuses.statuses.includes(e.status), `${name}: ${e.status} is not a status the docs list`);
    }
  });

  test('answers the docs show without a code are answered without one, with the status of the page that shows them', () => {
    for (const [name, e] of entries.filter(([, x]) => x.code === null)) {
      const shown = docs.answersWithoutCode.find((a) => a.page === e.shownOn);
      assert.ok(shown, `${name} names the page that shows its answer`);
      assert.equal(e.status, shown.status, name);
    }
  });
});

/**
 * Numeric literals that look like Partner Center error codes: any number given as a `code`-like
 * property or to an error-making call, and any five-digit-or-longer number that is a code of the
 * table wherever it appears. Small codes (400, 1000) are only caught in those places, since the
 * same numbers are statuses and millisecond factors elsewhere.
 */
function codeLiterals(fileName: string, text: string, codes: ReadonlySet<number>): string[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const calleeName = (node: ts.CallExpression | ts.NewExpression): string => {
    const callee = node.expression;
    return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  };
  const visit = (node: ts.Node): void => {
    if (ts.isNumericLiteral(node)) {
      const value = Number(node.text.replace(/_/g, ''));
      const parent = node.parent;
      const asCode = ts.isPropertyAssignment(parent) && /code/i.test(parent.name.getText(source));
      const asArgument =
        (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && /error|failure|answer/i.test(calleeName(parent));
      if (asCode || asArgument || (value >= 10_000 && codes.has(value))) {
        found.push(`${fileName}:${source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1}: ${node.text}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

const tableCodes = new Set(
  [...Object.values(ERRORS), ...Object.values(CART_LINE_ERRORS)]
    .map((e): number | null => e.code)
    .filter((c): c is number => c !== null),
);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe("error codes live only in the emulator's table", () => {
  test('the scan finds codes written at throw sites, in bodies and in rule failures, and not statuses or time factors', () => {
    const planted = [
      "throw new ApiError(400, 800002, 'Invalid request input.');",
      "orderErrors.push({ orderGroupId: '0', code: 800010, description: 'x' });",
      "return lineFailure(900203, 10012, 'x');",
      'const ORDER_NOT_FOUND = 20000;',
      'const seconds = Math.ceil(ms / 1000); const status = 404; const port = 8080;',
    ].join('\n');
    assert.deepEqual(
      codeLiterals('planted.ts', planted, tableCodes).map((f) => f.replace(/^planted\.ts:/, '')),
      ['1: 400', '1: 800002', '2: 800010', '3: 900203', '3: 10012', '4: 20000'],
    );
  });

  test('emulator/src writes no error code outside errorCodes.ts', () => {
    const dir = join(REPO, 'emulator', 'src');
    const files = sourceFiles(dir).filter((f) => relative(dir, f) !== 'errorCodes.ts');
    assert.ok(files.length > 30, "the scan reads the emulator's sources");
    const found = files.flatMap((f) => codeLiterals(relative(REPO, f), readFileSync(f, 'utf8'), tableCodes));
    assert.deepEqual(found, []);
  });
});

// --- Every entry, triggered over HTTP -----------------------------------------------------------

/** The calls that meet the error, on an emulator started with `options`; or, where more is needed, the whole test. */
type Scenario =
  { options?: EmulatorOptions; run(em: RunningEmulator): Promise<Reply> } | { custom(t: TestContext): Promise<Reply> };

const jwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
const customer = (em: RunningEmulator) => `/v1/customers/${em.fixtures.customerId}`;
const line = (em: RunningEmulator, extra: Record<string, unknown> = {}) => ({
  lineItemNumber: 0,
  offerId: em.fixtures.catalog.license,
  quantity: 1,
  ...extra,
});
const monthly = (em: RunningEmulator, extra: Record<string, unknown> = {}) =>
  postNew(em, 'orders', { billingCycle: 'monthly', lineItems: [line(em, extra)] });
const reservation = (em: RunningEmulator, context: Record<string, string>) =>
  postNew(em, 'orders', {
    billingCycle: 'one_time',
    lineItems: [{ lineItemNumber: 0, offerId: em.fixtures.catalog.reservation, quantity: 1, provisioningContext: context }],
  });
const cartLine = (em: RunningEmulator, extra: Record<string, unknown> = {}) => ({
  id: 0,
  catalogItemId: em.fixtures.catalog.license,
  quantity: 1,
  billingCycle: 'monthly',
  termDuration: 'P1M',
  ...extra,
});
/** An order PATCH of a new order of these lines (one_time), made first. */
async function patchNewOrder(
  em: RunningEmulator,
  lines: Array<Record<string, unknown>>,
  patchBody: unknown,
  billingCycle = 'one_time',
): Promise<Reply> {
  const placed = await postNew(em, 'orders', {
    billingCycle,
    lineItems: lines.map((l, n) => ({ lineItemNumber: n, quantity: 1, ...l })),
  });
  assert.equal(placed.status, 201, placed.text);
  return call(em, `/v1${placed.body.links.self.uri}`, { method: 'PATCH', body: patchBody });
}
const cancel = { status: 'cancelled' };
/** A legacy add-on of Office 365 Enterprise E1 (create-a-cart-with-add-ons.md), bought for `parentSubscriptionId`. */
const legacyAddOn = (em: RunningEmulator, parentSubscriptionId: string) =>
  call(em, `${customer(em)}/carts`, {
    body: {
      lineItems: [
        {
          catalogItemId: DOCS_ITEMS.legacyE1AddOn,
          quantity: 1,
          billingCycle: 'annual',
          provisioningContext: { parentSubscriptionId },
        },
      ],
    },
  });

async function newCart(em: RunningEmulator, lines: unknown[]): Promise<Reply> {
  const created = await call(em, `${customer(em)}/carts`, { body: { lineItems: lines } });
  assert.equal(created.status, 201, created.text);
  return created;
}

async function checkout(em: RunningEmulator, lines: unknown[]): Promise<{ cart: Reply; result: Reply }> {
  const cart = await newCart(em, lines);
  return { cart, result: await call(em, `/v1${cart.body.links.self.uri}/checkout`, { method: 'POST' }) };
}

function catalogPath(em: RunningEmulator): { product: string; sku: string } {
  const [p, s] = em.fixtures.catalog.license.split(':');
  return { product: p, sku: s };
}

/** PATCH of a subscription with the full resource as read, changed by `changes`. */
async function patch(
  em: RunningEmulator,
  ref: { customerId: string; subscriptionId: string },
  changes: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<Reply> {
  const uri = `/v1/customers/${ref.customerId}/subscriptions/${ref.subscriptionId}`;
  const current = await call(em, uri);
  return call(em, uri, { method: 'PATCH', body: { ...current.body, ...changes }, headers });
}

function newCustomer(country: string, extra: { registration?: string; phone?: string }): unknown {
  return {
    companyProfile: {
      domain: `errors-${country.toLowerCase()}`,
      ...(extra.registration ? { organizationRegistrationNumber: extra.registration } : {}),
    },
    billingProfile: {
      email: 'ops@example.com',
      culture: 'en-US',
      language: 'en',
      companyName: 'Errors Ltd',
      defaultAddress: {
        firstName: 'Ada',
        lastName: 'Lovelace',
        addressLine1: '1 Main St',
        city: 'Pune',
        state: 'MH',
        postalCode: '411001',
        country,
        ...(extra.phone ? { phoneNumber: extra.phone } : {}),
      },
    },
  };
}
const customerHeaders = {
  'MS-RequestId': 'b85cb7ab-cc2e-4966-93f0-cf0d8377a93f',
  'MS-CorrelationId': '1438ea3d-b515-45c7-9ec1-27ee0cc8e6bd',
};

async function confirmMca(em: RunningEmulator, customerId: string): Promise<Reply> {
  const templateId = (await call(em, '/v1/agreements?agreementType=MicrosoftCustomerAgreement')).body.items[0].templateId;
  return call(em, `/v1/customers/${customerId}/agreements`, {
    body: {
      primaryContact: { firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.com' },
      templateId,
      dateAgreed: '2025-01-01T00:00:00Z',
      type: 'MicrosoftCustomerAgreement',
    },
  });
}

/** A token from a real (fake) issuer the emulator trusts, signed in without MFA. */
async function withoutMfa(t: TestContext): Promise<Reply> {
  const h = await startAuthHarness();
  t.after(() => h.close());
  const em = await withEmulator(t, { trustIssuer: h.authority.issuer, trustIssuerCa: testCertificates().caPem });
  const now = Math.floor(Date.now() / 1000);
  const token = await h.authority.sign({
    iss: h.authority.issuer,
    aud: 'https://api.partnercenter.microsoft.com',
    iat: now,
    nbf: now,
    exp: now + 600,
    amr: ['pwd'],
  });
  const reply = await call(em, '/v1/customers', { token });
  assert.equal(reply.headers.get('www-authenticate'), 'Bearer error="invalid_token"', 'the challenge the MFA page shows');
  return reply;
}

/** A transition of one seat to Business Standard (transition-a-new-commerce-subscription.md). */
const toStandard = { toCatalogItemId: LADDER.standard, quantity: 1, transitionType: 'transition_only' };
const upgradeRecent = (em: RunningEmulator, extra: Record<string, unknown>) =>
  postTransition(em, em.fixtures.subscriptions.recent, { ...toStandard, ...extra });
/** The clock of the one scenario that needs a target bought 8 days before its source. */
const ENDS_EARLIER_CLOCK = movableClock();

/** One real call per table entry. `Record<ErrorName, ...>`: an entry without a scenario does not compile. */
const SCENARIOS: Record<ErrorName, Scenario> = {
  missingToken: { run: (em) => call(em, '/v1/customers', { token: null }) },
  accessDenied: {
    options: { requireToken: 'the-right-token' },
    run: (em) => call(em, '/v1/customers', { token: 'another-token' }),
  },
  mfaRequired: { custom: withoutMfa },
  appOnlyNotSupported: {
    run: (em) =>
      call(em, `${customer(em)}/entitlements`, { token: jwt({ aud: 'https://api.partnercenter.microsoft.com', idtyp: 'app' }) }),
  },
  rateLimited: {
    options: { rateLimitPerMinute: 1 },
    run: async (em) => {
      assert.equal((await call(em, customer(em))).status, 200);
      return call(em, customer(em));
    },
  },
  notFound: { run: (em) => call(em, '/v1/customers/00000000-0000-0000-0000-000000000000') },
  invalidInput: { run: (em) => call(em, `${customer(em)}/orders`, { body: '{ not json' }) },
  methodNotAllowed: { run: (em) => call(em, '/v1/customers', { method: 'DELETE' }) },
  enumNotParsed: { run: (em) => postNew(em, 'orders', { billingCycle: 'fortnightly', lineItems: [line(em)] }) },
  unexpectedError: {
    options: { faults: { status500: 1 } },
    run: (em) => call(em, `${customer(em)}/carts`, { body: { lineItems: [cartLine(em)] } }),
  },
  serviceUnavailable: { options: { faults: { status503: 1 } }, run: (em) => call(em, '/v1/customers') },
  itemUnavailable: { options: { faults: { status200Error: 1 } }, run: (em) => monthly(em) },
  createOrderFailed: { options: { faults: { status500: 1 } }, run: (em) => monthly(em) },

  registrationNumberMissing: {
    run: (em) => call(em, '/v1/customers', { body: newCustomer('IN', { phone: '+91 20 5555 0100' }), headers: customerHeaders }),
  },
  phoneNumberMissing: {
    run: (em) =>
      call(em, '/v1/customers', { body: newCustomer('IN', { registration: 'U12345MH2020PTC123456' }), headers: customerHeaders }),
  },
  agreementAlreadyConfirmed: {
    run: async (em) => {
      const c = em.fixtures.customersWithoutMca[0];
      assert.equal((await confirmMca(em, c)).status, 201);
      return confirmMca(em, c);
    },
  },
  mcaRequired: {
    run: (em) => postNew(em, 'orders', { billingCycle: 'monthly', lineItems: [line(em)] }, em.fixtures.customersWithoutMca[0]),
  },

  orderNotFound: { run: (em) => call(em, `${customer(em)}/orders/doesnotexist`) },
  invalidOfferId: { run: (em) => monthly(em, { offerId: 'CFQ7TTC0ZZZZ:0001:CFQ7TTC0ZZZZ' }) },
  legacyOfferNotEligible: { run: (em) => monthly(em, { offerId: em.fixtures.catalog.legacyOffer }) },
  cartNotFound: { run: (em) => call(em, `${customer(em)}/carts/00000000-0000-0000-0000-000000000000`) },
  cartLineErrors: { run: async (em) => (await checkout(em, [cartLine(em, { quantity: 5000 })])).result },
  inventoryNotAvailable: {
    options: { faults: { checkoutOrderErrors: 1 } },
    run: async (em) => (await checkout(em, [cartLine(em)])).result,
  },
  cartAlreadySubmitted: {
    run: async (em) => {
      const { cart, result } = await checkout(em, [cartLine(em)]);
      assert.equal(result.status, 201);
      return call(em, `/v1${cart.body.links.self.uri}`, { method: 'PUT', body: cart.body });
    },
  },
  lineNumbering: { run: (em) => monthly(em, { lineItemNumber: 1 }) },
  attestationRequired: { run: (em) => monthly(em, { offerId: em.fixtures.catalog.attestation }) },
  partnerAttestationMissing: {
    run: (em) => monthly(em, { offerId: em.fixtures.catalog.attestation, attestationAccepted: true }),
  },
  renewalTermInvalid: { run: (em) => monthly(em, { renewsTo: { termDuration: 'P3Y' } }) },
  customTermEndDateNotAllowed: { run: (em) => monthly(em, { termDuration: 'P1M', customTermEndDate: '2022-02-19T00:00:00Z' }) },
  addOnNotRelated: { run: (em) => legacyAddOn(em, em.fixtures.subscriptions.recent.subscriptionId) },
  parentSubscriptionNotActive: { run: (em) => legacyAddOn(em, em.fixtures.subscriptions.suspended.subscriptionId) },
  orderPatchNotSupported: {
    run: (em) =>
      patchNewOrder(
        em,
        [{ offerId: em.fixtures.catalog.license }],
        { billingCycle: 'annual', lineItems: [{ lineItemNumber: 0 }] },
        'monthly',
      ),
  },
  orderAlreadyCancelled: {
    run: async (em) => {
      const first = await patchNewOrder(em, [{ offerId: em.fixtures.catalog.software }], cancel);
      assert.equal(first.status, 200);
      return call(em, `/v1${first.body.links.self.uri}`, { method: 'PATCH', body: cancel });
    },
  },
  orderCancelThroughSubscription: {
    run: (em) => patchNewOrder(em, [{ offerId: em.fixtures.catalog.license }], cancel, 'monthly'),
  },
  cancelNotAllowedOutsideSandbox: {
    run: (em) =>
      patchNewOrder(
        em,
        [{ offerId: em.fixtures.catalog.reservation, provisioningContext: { scope: 'shared', subscriptionId: 's' } }],
        cancel,
      ),
  },
  savingsPlanNotManagedHere: {
    run: (em) =>
      patchNewOrder(
        em,
        [
          {
            offerId: DOCS_ITEMS.savingsPlan,
            termDuration: 'P1Y',
            provisioningContext: { scope: 'shared', subscriptionId: 'plan' },
            purchaseCommitment: { amount: 0.05, grain: 'hourly', currency: 'usd' },
          },
        ],
        cancel,
      ),
  },
  saasCancelThroughSubscription: {
    run: (em) => patchNewOrder(em, [{ offerId: 'DZH318Z0BXWC:0002:DZH318Z0BMRV', termDuration: 'P1M' }], cancel, 'monthly'),
  },
  softwareCancelWindowPassed: {
    custom: async (t) => {
      let offset = 0;
      const em = await withEmulator(t, { provisioningDelayMs: 0, clock: () => Date.now() + offset });
      const placed = await postNew(em, 'orders', {
        billingCycle: 'one_time',
        lineItems: [{ lineItemNumber: 0, offerId: em.fixtures.catalog.software, quantity: 1 }],
      });
      offset = 31 * 86_400_000;
      return call(em, `/v1${placed.body.links.self.uri}`, { method: 'PATCH', body: cancel });
    },
  },
  termNotOffered: {
    run: (em) => postNew(em, 'orders', { billingCycle: 'triennial', lineItems: [line(em, { termDuration: 'P3Y' })] }),
  },
  billingCycleInvalid: { run: (em) => postNew(em, 'orders', { billingCycle: 'one_time', lineItems: [line(em)] }) },
  billingCycleLongerThanTerm: {
    run: (em) => postNew(em, 'orders', { billingCycle: 'annual', lineItems: [line(em, { termDuration: 'P1M' })] }),
  },
  quantityOutOfRange: { run: (em) => monthly(em, { quantity: 301 }) },
  reservationScopeUnsupported: {
    run: (em) => reservation(em, { scope: 'resource group', subscriptionId: 'x', duration: '1Year' }),
  },
  entitlementIdRequired: {
    run: (em) =>
      postNew(em, 'orders', {
        billingCycle: 'one_time',
        lineItems: [
          line(em, {
            offerId: DOCS_ITEMS.savingsPlan,
            termDuration: 'P1Y',
            provisioningContext: { scope: 'single', subscriptionId: 'plan' },
            purchaseCommitment: { amount: 0.05, grain: 'hourly', currency: 'usd' },
          }),
        ],
      }),
  },
  azurePlanIdRequired: { run: (em) => reservation(em, { scope: 'shared', duration: '1Year' }) },

  productNotFound: { run: (em) => call(em, '/v1/products/NOPE0000NOPE?country=US') },
  skuNotFound: { run: (em) => call(em, `/v1/products/${catalogPath(em).product}/skus/9999?country=US`) },
  availabilityNotFound: {
    run: (em) =>
      call(em, `/v1/products/${catalogPath(em).product}/skus/${catalogPath(em).sku}/availabilities/NOPE0000NOPE?country=US`),
  },
  targetSegmentNotAllowed: { run: (em) => call(em, '/v1/products?country=US&targetView=OnlineServices&targetSegment=bogus') },
  targetViewNotAllowed: { run: (em) => call(em, '/v1/products?country=US&targetView=Bogus') },
  offersApiNewCommerceItem: { run: (em) => call(em, `/v1/offers/${catalogPath(em).product}?country=US`) },

  subscriptionNotFound: { run: (em) => call(em, `${customer(em)}/subscriptions/00000000-0000-0000-0000-000000000000`) },
  etagStale: {
    run: async (em) => {
      const ref = em.fixtures.subscriptions.old;
      const etag = (await call(em, `/v1/customers/${ref.customerId}/subscriptions/${ref.subscriptionId}`)).body.attributes
        .etag as string;
      assert.equal((await patch(em, ref, { friendlyName: 'First' }, { 'If-Match': etag })).status, 200);
      return patch(em, ref, { friendlyName: 'Second' }, { 'If-Match': etag });
    },
  },
  quantityChangeWhileSuspending: { run: (em) => patch(em, em.fixtures.subscriptions.old, { status: 'suspended', quantity: 26 }) },
  subscriptionQuantityOutOfRange: { run: (em) => patch(em, em.fixtures.subscriptions.recent, { quantity: 301 }) },
  seatDecreaseWindowPassed: { run: (em) => patch(em, em.fixtures.subscriptions.old, { quantity: 24 }) },
  subscriptionSuspended: { run: (em) => patch(em, em.fixtures.subscriptions.suspended, { quantity: 2 }) },
  autoRenewNotEligible: {
    options: { provisioningDelayMs: 0 },
    run: async (em) => {
      const trial = await postNew(em, 'orders', {
        billingCycle: 'none',
        lineItems: [line(em, { offerId: em.fixtures.catalog.trial, quantity: 25 })],
      });
      assert.equal(trial.status, 201);
      const done = await call(em, `/v1${trial.body.links.self.uri}`);
      const subscriptionId = done.body.lineItems[0].subscriptionId as string;
      return patch(em, { customerId: em.fixtures.customerId, subscriptionId }, { autoRenewEnabled: true });
    },
  },
  subscriptionDeleted: {
    run: async (em) => {
      assert.equal((await patch(em, em.fixtures.subscriptions.recent, { status: 'deleted' })).status, 200);
      return patch(em, em.fixtures.subscriptions.recent, { status: 'active' });
    },
  },
  subscriptionExpired: { run: (em) => patch(em, em.fixtures.subscriptions.expired, { quantity: 5 }) },
  statusNotSettable: { run: (em) => patch(em, em.fixtures.subscriptions.recent, { status: 'expired' }) },
  billingCycleChangeNotAllowed: { run: (em) => patch(em, em.fixtures.subscriptions.old, { billingCycle: 'monthly' }) },
  cancellationWindowPassed: { run: (em) => patch(em, em.fixtures.subscriptions.old, { status: 'deleted' }) },

  transitionTargetNotActive: {
    run: async (em) => {
      const target = await buy(em, LADDER.standard);
      assert.equal((await patch(em, target, { status: 'suspended' })).status, 200);
      return upgradeRecent(em, { toSubscriptionId: target.subscriptionId });
    },
  },
  transitionTargetIsSource: {
    run: (em) => upgradeRecent(em, { toSubscriptionId: em.fixtures.subscriptions.recent.subscriptionId }),
  },
  transitionTargetEndsEarlier: {
    options: { clock: ENDS_EARLIER_CLOCK.now },
    run: async (em) => {
      const target = await buy(em, LADDER.standard);
      ENDS_EARLIER_CLOCK.advance(8 * DAY);
      const source = await buy(em, LADDER.basic);
      return postTransition(em, source, { ...toStandard, toSubscriptionId: target.subscriptionId });
    },
  },
  transitionTargetItemMismatch: {
    run: (em) => upgradeRecent(em, { toSubscriptionId: em.fixtures.subscriptions.old.subscriptionId }),
  },
  transitionTargetNotReady: {
    run: async (em) => upgradeRecent(em, { toSubscriptionId: (await buy(em, LADDER.standard)).subscriptionId }),
  },
  transitionTermShorter: {
    run: async (em) => {
      const yearly = await buy(em, LADDER.basic, { termDuration: 'P1Y' });
      return postTransition(em, yearly, { ...toStandard, termDuration: 'P1M' });
    },
  },
  transitionTermInvalid: { run: (em) => upgradeRecent(em, { termDuration: 'P3Y' }) },
  operationPending: {
    options: { provisioningDelayMs: 60_000 },
    run: async (em) => {
      assert.equal((await upgradeRecent(em, {})).status, 200);
      return upgradeRecent(em, {});
    },
  },
};

/** The answer carries the entry's code and status, where the entry says it travels. */
function assertAnswers(name: ErrorName, reply: Reply): void {
  const e: ErrorAnswer = ERRORS[name];
  if (e.carrier === 'orderError') {
    assert.equal(reply.status, 201, `${name}: the checkout itself succeeds`);
    assert.equal(reply.body.orderErrors?.[0]?.code, e.code, `${name}: in orderErrors`);
    return;
  }
  assert.equal(reply.status, e.status, `${name}: status (${reply.text.slice(0, 200)})`);
  if (e.code !== null) {
    assert.equal(reply.body?.code, e.code, `${name}: code`);
    return;
  }
  assert.equal(reply.body?.code, undefined, `${name}: no code`);
  const shown = docs.answersWithoutCode.find((a) => a.page === e.shownOn)!;
  assert.equal(`HTTP/1.1 ${reply.status} ${reply.statusText}`, shown.statusLine, `${name}: the status line the docs show`);
  for (const header of Object.keys(shown.headers)) assert.ok(reply.headers.has(header), `${name}: ${header}`);
}

function described(e: ErrorAnswer): string {
  if (e.carrier === 'orderError') return `listed with ${e.code} in orderErrors of a 201 checkout`;
  return e.code === null ? `${e.status} without a code` : `${e.status} ${e.code}`;
}

describe('every error the emulator answers is one a real call can meet', () => {
  for (const [name, e] of entries) {
    test(`${e.meaning} → ${described(e)}`, async (t) => {
      const scenario = SCENARIOS[name];
      const reply =
        'custom' in scenario
          ? await scenario.custom(t)
          : await scenario.run(await withEmulator(t, { provisioningDelayMs: 0, ...scenario.options }));
      assertAnswers(name, reply);
    });
  }

  test("the throttling answer is the docs' sample: {statusCode, message} with Retry-After", async (t) => {
    const em = await withEmulator(t, { rateLimitPerMinute: 1 });
    await call(em, customer(em));
    const reply = await call(em, customer(em));
    const shown = docs.answersWithoutCode.find((a) => a.page === ERRORS.rateLimited.shownOn)!;
    assert.deepEqual(Object.keys(reply.body), Object.keys(shown.body as object));
    assert.equal(reply.body.statusCode, 429);
    assert.match(reply.body.message, /^Rate limit is exceeded\. Try again in \d+ seconds\.$/);
    assert.match(reply.headers.get('retry-after') ?? '', /^\d+$/);
  });

  test('every cart line error sits on the line of a created cart with its code', async (t) => {
    const em = await withEmulator(t);
    const { catalog } = em.fixtures;
    const lines: Record<CartLineErrorName, Record<string, unknown>> = {
      attestationNotAccepted: cartLine(em, { catalogItemId: catalog.attestation }),
      billingPlanNotSupported: cartLine(em, { billingCycle: 'annual' }),
      seatsAboveMaximum: cartLine(em, { quantity: 301 }),
      seatsBelowMinimum: cartLine(em, { catalogItemId: catalog.minimumFive, quantity: 4 }),
      legacyOffer: { catalogItemId: catalog.legacyOffer, quantity: 1, billingCycle: 'monthly' },
      customTermEndDateProduct: {
        catalogItemId: catalog.software,
        quantity: 1,
        billingCycle: 'one_time',
        customTermEndDate: '2030-01-31T00:00:00Z',
      },
      customTermEndDateInvalid: cartLine(em, { customTermEndDate: '2022-02-19T00:00:00Z' }),
    };
    const names = Object.keys(lines) as CartLineErrorName[];
    const cart = await newCart(
      em,
      names.map((n, id) => ({ ...lines[n], id })),
    );
    const codes = cart.body.lineItems.map((l: { error?: { errorCode: number } }) => l.error?.errorCode);
    assert.deepEqual(
      codes,
      names.map((n) => CART_LINE_ERRORS[n].code),
    );
  });
});
