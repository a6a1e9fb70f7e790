// Builds the starting data set. Names, ids, quantities and which records are pending, suspended
// or expired are a pure function of the seed; dates are seeded day offsets from the UTC day the
// emulator starts (so "bought 2 days ago" stays inside the 7-day window whatever the date).

import { type EmulatorFixtures } from '../options';
import { Random } from '../random';
import { type BillingCycle, type CatalogItem, catalogItem, LEGACY_OFFERS } from './catalog';
import {
  type CustomerRecord,
  type OrderLineRecord,
  type OrderRecord,
  type OrderStatus,
  type SubscriptionRecord,
  DAY_MS,
  REFUND_WINDOW_MS,
} from './model';
import { ADDRESSES, COMPANY_PREFIXES, COMPANY_SUFFIXES, domainFor, FIRST_NAMES, LAST_NAMES } from './names';
import { renew, Store } from './store';
import { MCA_TEMPLATE_ID } from './agreements';

/** Catalog items the fixtures and the scripted first customer use. */
export const FIXTURE_ITEMS = {
  license: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971',
  threeYear: 'CFQ7TTC0LFLZ:0001:CFQ7TTC0KDLJ',
  attestation: 'CFQ7TTC0HHS9:0001:CFQ7TTC0HX99',
  trial: 'CFQ7TTC0LCHC:0003:CFQ7TTC0TRL1',
  minimumFive: 'CFQ7TTC0LHSF:0001:CFQ7TTC0PW1B',
  reservation: 'DZH318Z0BQ4B:0047:DZH318Z0DSM8',
  software: 'DG7GMGF0DVSV:0006:DG7GMGF0F3J1',
  softwareSubscription: 'DG7GMGF0DVSV:000P:DG7GMGF0F3Q9',
  exchange: 'CFQ7TTC0LHVK:0001:CFQ7TTC0J2M4',
  teams: 'CFQ7TTC0LHWP:0001:CFQ7TTC0KZ7Q',
  e5: 'CFQ7TTC0LF8S:0001:CFQ7TTC0N81H',
};

/**
 * Catalog items and legacy offers that the docs' examples and rules name, by what they are. The
 * emulator's tests use these names rather than spelling the ids, so one item has one name.
 */
export const DOCS_ITEMS = {
  /** A three-year software subscription: cancel-software-purchases.md orders it. */
  sqlServer3Year: 'DG7GMGF0FKZV:0003:DG7GMGF0DWMS',
  windowsServerCal3Year: 'DG7GMGF0DVT7:000C:DG7GMGF0FVZM',
  /** Perpetual software: cancellable for 30 days, not 7. */
  identityManagerPerpetual: 'DG7GMGF0DWT0:0001:DG7GMGF0DSQR',
  savingsPlan: 'DZH318Z09V6F:0001:DZH318Z0BLD3',
  /** A new-commerce add-on, which a cart line cannot carry in `addonItems`. */
  aiBuilderAddOn: 'CFQ7TTC0LH0Z:0001:CFQ7TTC0K18P',
  saasTrial: 'DZH318Z0C0WF:0001:DZH318Z0BP69',
  legacyE1: '91FD106F-4B2C-4938-95AC-F54F74E9A239',
  /** Add-ons whose only prerequisite is legacyE1 (create-a-cart-with-add-ons.md). */
  legacyE1AddOn: 'C94271D8-B431-4A25-A3C5-A57737A1C909',
  legacyE1AddOn2: '43FCE491-76D1-4BCC-B709-8A288786DBAE',
  legacyBase: '195416C1-3447-423A-B37B-EE59A99A19C4',
  /** An add-on of legacyBase (get-addon-offers-by-offer-id.md). */
  legacyBaseAddOn: '2828BE95-46BA-4F91-B2FD-0BEF192ECF60',
};

interface OrderPlan {
  daysAgo: number;
  status: OrderStatus;
  billingCycle: BillingCycle;
  lines: Array<{
    item: CatalogItem;
    quantity: number;
    termDuration?: OrderLineRecord['termDuration'];
    context?: Record<string, string>;
  }>;
  /** What happens to its subscriptions after purchase. */
  fate?: 'suspended' | 'expires';
}

export interface Seeded {
  store: Store;
  fixtures: EmulatorFixtures;
}

export function seedStore(seed: number, now: number): Seeded {
  const rng = new Random(seed, 0);
  const store = new Store(new Random(seed, 1), rng.guid());
  const anchor = Math.floor(now / DAY_MS) * DAY_MS;
  const names = companyNames(rng);
  const withoutMca = new Set<number>();
  while (withoutMca.size < 4) withoutMca.add(rng.int(1, names.length - 1));

  names.forEach((name, i) => {
    const customer = makeCustomer(rng, name, anchor);
    store.addCustomer(customer);
    if (withoutMca.has(i)) return; // new customers: no MCA confirmation, nothing bought yet
    store.listOf(store.agreements, customer.id).push({
      customerId: customer.id,
      templateId: MCA_TEMPLATE_ID,
      type: 'MicrosoftCustomerAgreement',
      dateAgreed: new Date(customer.createdAt).toISOString().slice(0, 10) + 'T00:00:00Z',
      primaryContact: { firstName: customer.firstName, lastName: customer.lastName, email: customer.email },
      userId: rng.guid(),
    });
    const plans = i === 0 ? scriptedPlans(rng) : randomPlans(rng);
    for (const plan of plans) placeOrder(store, rng, customer, plan, anchor, now);
  });

  const first = store.customers[0];
  addSoftwareSubscription(store, new Random(seed, 3), first, anchor);
  const subs = store.listOf(store.subscriptions, first.id);
  const ref = (pick: (s: (typeof subs)[number]) => boolean): { customerId: string; subscriptionId: string } => {
    const sub = subs.find(pick);
    if (!sub) throw new Error('seed: fixture subscription missing');
    return { customerId: first.id, subscriptionId: sub.id };
  };
  const fixtures: EmulatorFixtures = {
    partnerTenantId: store.partnerTenantId,
    customerId: first.id,
    customersWithoutMca: [...withoutMca].sort((a, b) => a - b).map((i) => store.customers[i].id),
    subscriptions: {
      recent: ref((s) => s.status === 'active' && s.createdAt > now - 7 * DAY_MS),
      old: ref((s) => s.status === 'active' && s.termStart < now - 30 * DAY_MS),
      suspended: ref((s) => s.status === 'suspended'),
      expired: ref((s) => s.status === 'expired'),
      software: ref((s) => s.item.product.kind === 'software'),
    },
    catalog: {
      license: FIXTURE_ITEMS.license,
      threeYear: FIXTURE_ITEMS.threeYear,
      attestation: FIXTURE_ITEMS.attestation,
      trial: FIXTURE_ITEMS.trial,
      minimumFive: FIXTURE_ITEMS.minimumFive,
      reservation: FIXTURE_ITEMS.reservation,
      software: FIXTURE_ITEMS.software,
      legacyOffer: LEGACY_OFFERS[0].id,
    },
  };
  return { store, fixtures };
}

/**
 * Software subscriptions bought since October 14, 2021 "are returned by the Get Subscriptions API"
 * (csp-software-subscriptions.md). The first customer gets one, from an order of 20 days ago, like
 * the one manage-billing-frequency-software-subs.md updates. It draws from its own stream, so the
 * rest of the data set is the same as without it. (Software bought through the emulator's API
 * still becomes an entitlement only: what an order creates is the orders routes' business.)
 */
function addSoftwareSubscription(store: Store, rng: Random, customer: CustomerRecord, anchor: number): void {
  const bought = item(FIXTURE_ITEMS.softwareSubscription);
  const createdAt = anchor - 20 * DAY_MS + rng.int(0, DAY_MS - 1);
  const order: OrderRecord = {
    id: rng.hex(12),
    customerId: customer.id,
    billingCycle: 'triennial',
    country: customer.address.country,
    status: 'completed',
    createdAt,
    lines: [
      {
        lineItemNumber: 0,
        offerId: bought.catalogItemId,
        item: bought,
        quantity: 1,
        termDuration: 'P3Y',
        friendlyName: bought.sku.title,
      },
    ],
    partnerOnRecordAttestationAccepted: true,
    version: 1,
  };
  store.addOrder(order);
  const sub: SubscriptionRecord = {
    id: rng.guid(),
    customerId: customer.id,
    orderId: order.id,
    entitlementId: rng.guid(),
    item: bought,
    friendlyName: bought.sku.title,
    quantity: 1,
    createdAt,
    termStart: createdAt,
    termDuration: 'P3Y',
    billingCycle: 'triennial',
    status: 'active',
    autoRenewEnabled: true,
    refundable: [{ quantity: 1, until: createdAt + REFUND_WINDOW_MS }],
    version: 1,
  };
  order.lines[0].subscriptionId = sub.id;
  store.listOf(store.subscriptions, customer.id).push(sub);
}

/** Every prefix gets at least three companies, then the rest are drawn at random. */
function companyNames(rng: Random): string[] {
  const count = rng.int(125, 140);
  const chosen: string[] = [];
  const rest: string[] = [];
  for (const prefix of COMPANY_PREFIXES) {
    const suffixes = rng.shuffle(COMPANY_SUFFIXES);
    chosen.push(...suffixes.slice(0, 3).map((s) => `${prefix} ${s}`));
    rest.push(...suffixes.slice(3).map((s) => `${prefix} ${s}`));
  }
  chosen.push(...rng.shuffle(rest).slice(0, Math.max(0, count - chosen.length)));
  return rng.shuffle(chosen);
}

function makeCustomer(rng: Random, companyName: string, anchor: number): CustomerRecord {
  const place = rng.pick(ADDRESSES);
  const domain = domainFor(companyName);
  const firstName = rng.pick(FIRST_NAMES);
  const id = rng.guid();
  return {
    id,
    commerceId: rng.guid(),
    billingProfileId: rng.hex(32),
    companyName,
    domain,
    firstName,
    lastName: rng.pick(LAST_NAMES),
    email: `${firstName.toLowerCase()}@${domain}`,
    culture: place.culture,
    language: place.language,
    address: {
      country: place.country,
      city: place.city,
      state: place.state,
      postalCode: place.postalCode,
      addressLine1: `${rng.int(1, 999)} ${rng.pick(['Main St', 'High Street', 'Market Rd', 'Lake Ave', 'Park Way'])}`,
      phoneNumber: `${rng.int(200, 989)}555${rng.int(1000, 9999)}`,
    },
    relationshipToPartner: 'reseller',
    createdAt: anchor - rng.int(30, 1500) * DAY_MS,
    version: 1,
  };
}

function item(id: string): CatalogItem {
  const found = catalogItem(id);
  if (!found) throw new Error(`seed: unknown catalog item ${id}`);
  return found;
}

/** The first customer always has one record of every kind the fixtures point at. */
function scriptedPlans(rng: Random): OrderPlan[] {
  const ri = { scope: 'shared', subscriptionId: rng.guid(), duration: '1Year' };
  return [
    {
      daysAgo: 200,
      status: 'completed',
      billingCycle: 'annual',
      lines: [{ item: item(FIXTURE_ITEMS.threeYear), quantity: 25, termDuration: 'P1Y' }],
    },
    {
      daysAgo: 2,
      status: 'completed',
      billingCycle: 'monthly',
      lines: [
        { item: item(FIXTURE_ITEMS.license), quantity: 10, termDuration: 'P1M' },
        { item: item(FIXTURE_ITEMS.teams), quantity: 5, termDuration: 'P1Y' },
      ],
    },
    { daysAgo: 90, status: 'completed', billingCycle: 'one_time', lines: [{ item: item(FIXTURE_ITEMS.software), quantity: 4 }] },
    {
      daysAgo: 30,
      status: 'completed',
      billingCycle: 'one_time',
      lines: [{ item: item(FIXTURE_ITEMS.reservation), quantity: 2, termDuration: 'P1Y', context: ri }],
    },
    {
      daysAgo: 300,
      status: 'completed',
      billingCycle: 'monthly',
      lines: [{ item: item(FIXTURE_ITEMS.e5), quantity: 12, termDuration: 'P1Y' }],
      fate: 'suspended',
    },
    {
      daysAgo: 45,
      status: 'completed',
      billingCycle: 'monthly',
      lines: [{ item: item(FIXTURE_ITEMS.exchange), quantity: 3, termDuration: 'P1M' }],
      fate: 'expires',
    },
    {
      daysAgo: 0,
      status: 'pending',
      billingCycle: 'monthly',
      lines: [{ item: item(FIXTURE_ITEMS.exchange), quantity: 7, termDuration: 'P1M' }],
    },
    {
      daysAgo: 60,
      status: 'cancelled',
      billingCycle: 'annual',
      lines: [{ item: item(FIXTURE_ITEMS.teams), quantity: 2, termDuration: 'P1Y' }],
    },
  ];
}

/**
 * The items random orders draw from. Fixed lists, not "every item of a kind": the catalog also
 * carries the items the docs' examples buy, and drawing from a longer list would change every
 * seeded customer after the first (their ids and names come from the same stream). The three-year
 * software subscription SKU (FIXTURE_ITEMS.softwareSubscription) is left out for the same reason.
 */
const SEED_ITEMS = [
  'CFQ7TTC0LH18:0001:CFQ7TTC0K971',
  'CFQ7TTC0LCHC:0002:CFQ7TTC0MD5V',
  'CFQ7TTC0LFLZ:0001:CFQ7TTC0KDLJ',
  'CFQ7TTC0LF8S:0001:CFQ7TTC0N81H',
  'CFQ7TTC0LHVK:0001:CFQ7TTC0J2M4',
  'CFQ7TTC0LHWP:0001:CFQ7TTC0KZ7Q',
  'CFQ7TTC0LHSF:0001:CFQ7TTC0PW1B',
  'CFQ7TTC0HHS9:0001:CFQ7TTC0HX99',
  'DZH318Z0BQ4B:0047:DZH318Z0DSM8',
  'DZH318Z0BQ4B:0048:DZH318Z0DSM9',
  'DZH318Z0BQ4B:004B:DZH318Z0DSMC',
  'DG7GMGF0DVSV:0006:DG7GMGF0F3J1',
  'DG7GMGF0FKZV:0003:DG7GMGF0G4QT',
].map(item);
const LICENSES = SEED_ITEMS.filter((i) => i.product.kind === 'license' && !i.sku.isTrial);
const SOFTWARE = SEED_ITEMS.filter((i) => i.product.kind === 'software');
const RESERVATIONS = SEED_ITEMS.filter((i) => i.product.kind === 'reservation');

function randomPlans(rng: Random): OrderPlan[] {
  const plans: OrderPlan[] = [];
  for (let n = rng.int(2, 5); n > 0; n--) {
    const r = rng.next();
    const status: OrderStatus = r < 0.75 ? 'completed' : r < 0.87 ? 'pending' : 'cancelled';
    const daysAgo = status === 'pending' ? rng.int(0, 1) : rng.chance(0.12) ? rng.int(1, 5) : rng.int(8, 700);
    const kind = rng.next();
    if (kind < 0.72) plans.push(licensePlan(rng, status, daysAgo));
    else if (kind < 0.76) {
      plans.push({
        daysAgo,
        status,
        billingCycle: 'none',
        lines: [{ item: item(FIXTURE_ITEMS.trial), quantity: 25, termDuration: 'P1M' }],
      });
    } else if (kind < 0.88) {
      plans.push({ daysAgo, status, billingCycle: 'one_time', lines: [oneTimeLine(rng, rng.pick(SOFTWARE))] });
    } else plans.push({ daysAgo, status, billingCycle: 'one_time', lines: [oneTimeLine(rng, rng.pick(RESERVATIONS))] });
  }
  return plans;
}

function licensePlan(rng: Random, status: OrderStatus, daysAgo: number): OrderPlan {
  const billingCycle: BillingCycle = rng.chance(0.6) ? 'monthly' : rng.chance(0.9) ? 'annual' : 'triennial';
  const candidates = rng.shuffle(LICENSES.filter((i) => i.availability.terms.some((t) => t.billingCycle === billingCycle)));
  const lines = candidates.slice(0, rng.int(1, 3)).map((it) => {
    const terms = it.availability.terms.filter((t) => t.billingCycle === billingCycle);
    const quantity = rng.int(it.sku.minimumQuantity, Math.min(it.sku.maximumQuantity, it.sku.minimumQuantity + 60));
    return { item: it, quantity, termDuration: rng.pick(terms).duration };
  });
  const r = rng.next();
  return { daysAgo, status, billingCycle, lines, fate: r < 0.1 ? 'suspended' : r < 0.2 ? 'expires' : undefined };
}

function oneTimeLine(rng: Random, it: CatalogItem): OrderPlan['lines'][number] {
  const termDuration = it.availability.terms[0]?.duration;
  const context =
    it.product.kind === 'reservation'
      ? { scope: 'shared', subscriptionId: rng.guid(), duration: it.sku.reservationDuration ?? '1Year' }
      : undefined;
  return { item: it, quantity: rng.int(1, it.product.kind === 'reservation' ? 5 : 20), termDuration, context };
}

function placeOrder(store: Store, rng: Random, customer: CustomerRecord, plan: OrderPlan, anchor: number, now: number): void {
  const createdAt = Math.min(now, anchor - plan.daysAgo * DAY_MS + rng.int(0, DAY_MS - 1));
  const order: OrderRecord = {
    id: store.newOrderId(),
    customerId: customer.id,
    billingCycle: plan.billingCycle,
    country: customer.address.country,
    status: plan.status === 'completed' ? 'pending' : plan.status,
    createdAt,
    lines: plan.lines.map((l, n) => ({
      lineItemNumber: n,
      offerId: l.item.catalogItemId,
      item: l.item,
      quantity: l.quantity,
      termDuration: l.termDuration,
      friendlyName: l.item.sku.title,
      provisioningContext: l.context,
      attestationAccepted: l.item.sku.attestationProperties ? true : undefined,
      partnerIdOnRecord: rng.chance(0.2) ? String(rng.int(100000, 9999999)) : undefined,
    })),
    partnerOnRecordAttestationAccepted: true,
    version: 1,
  };
  store.addOrder(order);
  if (plan.status !== 'completed') return;
  store.complete(order, createdAt, now);
  for (const sub of store.listOf(store.subscriptions, customer.id).filter((s) => s.orderId === order.id)) {
    if (plan.fate === 'suspended') {
      sub.status = 'suspended';
    } else if (plan.fate === 'expires') {
      // Auto-renew was off, so the term ran out (or will, for longer terms).
      sub.autoRenewEnabled = false;
      sub.termStart = sub.createdAt;
      renew(sub, now);
    }
  }
}
