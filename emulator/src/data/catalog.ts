// The emulator's catalog: a handful of products that cover every purchase rule the extension
// checks (term x billing cycle, quantity bounds, attestation, trials, reservations with a
// provisioning context, one-time software, and legacy offers), plus every catalog item the docs'
// own request examples buy (test/fixtures/docs), with the product type, terms and provisioning
// variables their pages show. It is the same for every seed.

export type BillingCycle = 'monthly' | 'annual' | 'triennial' | 'one_time' | 'none';
export type TermDuration = 'P1M' | 'P1Y' | 'P3Y';
/**
 * What a purchase of the item makes, and which rules apply to it:
 * - license: new-commerce license-based (OnlineServicesNCE), becomes a subscription;
 * - software, reservation: one-time purchases, become entitlements;
 * - savingsPlan: an Azure savings plan (provisioning context and purchase commitment);
 * - saas: a third-party marketplace SaaS plan, becomes a subscription;
 * - legacy: a traditional offer with a GUID id (or MS-AZR-0145P), bought through the legacy
 *   system, which provisions it at once.
 */
export type ProductKind = 'license' | 'software' | 'reservation' | 'savingsPlan' | 'saas' | 'legacy';

export const BILLING_CYCLES: readonly BillingCycle[] = ['monthly', 'annual', 'triennial', 'one_time', 'none'];
export const TERM_DURATIONS: readonly TermDuration[] = ['P1M', 'P1Y', 'P3Y'];
/** Months covered by one charge; used for the "billing cycle longer than the term" rule. */
export const CYCLE_MONTHS: Record<BillingCycle, number> = { monthly: 1, annual: 12, triennial: 36, one_time: 0, none: 0 };
export const TERM_MONTHS: Record<TermDuration, number> = { P1M: 1, P1Y: 12, P3Y: 36 };

export interface Term {
  id: string;
  duration: TermDuration;
  billingCycle: BillingCycle;
  description: string;
}

export interface Availability {
  id: string;
  terms: Term[];
}

export interface Sku {
  id: string;
  title: string;
  description: string;
  minimumQuantity: number;
  maximumQuantity: number;
  isTrial: boolean;
  supportedBillingCycles: BillingCycle[];
  purchasePrerequisites: string[];
  inventoryVariables: string[];
  provisioningVariables: string[];
  dynamicAttributes: Record<string, unknown>;
  attestationProperties?: { attestationType: string; enforceAttestation: boolean };
  /** Savings plans: the smallest hourly commitment (product-resources.md MinimumPurchaseCommitment). */
  minimumPurchaseCommitment?: { grain: string; currencyCode: { code: string; symbol: string }; amount: string };
  /** Price of one unit for one month (licenses) or once (one-time purchases), in USD. */
  unitPrice: number;
  /** Reservation SKUs: the only `provisioningContext.duration` they accept, when one is given. */
  reservationDuration?: '1Year' | '3Years';
  availabilities: Availability[];
}

export interface Product {
  id: string;
  title: string;
  description: string;
  targetView: string;
  productType: { id: string; displayName: string; subType?: { id: string; displayName: string } };
  kind: ProductKind;
  skus: Sku[];
}

export interface LegacyOffer {
  id: string;
  name: string;
  description: string;
  minimumQuantity: number;
  maximumQuantity: number;
  supportedBillingCycles: BillingCycle[];
  /** offer-resources.md `billing`: "license" for seats, "usage" for Azure. */
  billing: 'license' | 'usage';
  isAddOn: boolean;
  /** Add-ons: the base offers they can be bought for (get-addon-offers-by-offer-id.md). */
  prerequisiteOffers: string[];
  /**
   * False for the offers Microsoft flagged DEPR: "Partners with DEPR legacy offers cannot purchase
   * new subscriptions" (migrate-subscriptions-to-new-commerce.md). The others can still be bought,
   * as the docs' legacy examples do.
   */
  isAvailableForPurchase: boolean;
}

/** Term ids look like `5aeco6mffyxo`; derive them from their content so they never drift. */
function termId(seed: string): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; out.length < 12; round++) {
    for (const ch of seed + round) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
    out += (h >>> 0).toString(36);
  }
  return out.slice(0, 12);
}

const TERM_TEXT: Record<TermDuration, string> = {
  P1M: 'One-Month commitment',
  P1Y: 'One-Year commitment',
  P3Y: 'Three-Year commitment',
};

function terms(availabilityId: string, pairs: Array<[TermDuration, BillingCycle]>): Term[] {
  return pairs.map(([duration, billingCycle]) => ({
    id: termId(`${availabilityId}:${duration}:${billingCycle}`),
    duration,
    billingCycle,
    description: `${TERM_TEXT[duration]} for ${billingCycle === 'one_time' ? 'one-time' : billingCycle} billing`,
  }));
}

function cyclesOf(pairs: Array<[TermDuration, BillingCycle]>): BillingCycle[] {
  return [...new Set(pairs.map(([, c]) => c))];
}

const MONTHLY_AND_YEARLY: Array<[TermDuration, BillingCycle]> = [
  ['P1M', 'monthly'],
  ['P1Y', 'monthly'],
  ['P1Y', 'annual'],
];
const WITH_THREE_YEARS: Array<[TermDuration, BillingCycle]> = [
  ...MONTHLY_AND_YEARLY,
  ['P3Y', 'monthly'],
  ['P3Y', 'annual'],
  ['P3Y', 'triennial'],
];
/**
 * Three-year software subscriptions: "Three-year product SKUs are available with annual or
 * triennial (every three years) billing" (csp-software-subscriptions.md), and the docs' software
 * orders bill them one_time (cancel-software-purchases.md).
 */
const SOFTWARE_THREE_YEARS: Array<[TermDuration, BillingCycle]> = [
  ['P3Y', 'one_time'],
  ['P3Y', 'annual'],
  ['P3Y', 'triennial'],
];
const NCE_TYPE = { id: 'OnlineServicesNCE', displayName: 'OnlineServicesNCE' };
const NCE_DYNAMIC = { isAddon: false, hasConstraints: true, isMicrosoftProduct: true, isSoftwareAssuranceApplicable: false };
const SOFTWARE_TYPE = { id: 'Software', displayName: 'Software' };

interface LicenseSpec extends Partial<Sku> {
  id: string;
  availabilityId: string;
  /** More availabilities of the same SKU with the same terms (ids the docs' examples use). */
  moreAvailabilityIds?: string[];
  pairs: Array<[TermDuration, BillingCycle]>;
}

/** What our SKUs have alike: the title, said again as the description; one seat at least; no trial. */
function skuBasics(
  title: string,
  maximumQuantity: number,
): Pick<Sku, 'title' | 'description' | 'minimumQuantity' | 'maximumQuantity' | 'isTrial'> {
  return { title, description: `${title}.`, minimumQuantity: 1, maximumQuantity, isTrial: false };
}

function licenseSku(title: string, spec: LicenseSpec): Sku {
  const { availabilityId, moreAvailabilityIds = [], pairs, ...sku } = spec;
  return {
    ...skuBasics(title, 300),
    supportedBillingCycles: cyclesOf(pairs),
    purchasePrerequisites: ['MicrosoftCloudAgreement'],
    inventoryVariables: [],
    provisioningVariables: [],
    dynamicAttributes: NCE_DYNAMIC,
    unitPrice: 10,
    ...sku,
    availabilities: [availabilityId, ...moreAvailabilityIds].map((id) => ({ id, terms: terms(id, pairs) })),
  };
}

function license(productId: string, title: string, spec: LicenseSpec): Product {
  return {
    id: productId,
    title,
    description: `${title} for organizations.`,
    targetView: 'OnlineServices',
    productType: NCE_TYPE,
    kind: 'license',
    skus: [licenseSku(title, spec)],
  };
}

/** More SKUs of the same product (a trial is a second SKU of the paid product, as in the real catalog). */
function withSkus(product: Product, ...others: Product[]): Product {
  return { ...product, skus: [...product.skus, ...others.flatMap((o) => o.skus)] };
}

function reservationSku(
  id: string,
  availabilityId: string,
  title: string,
  duration: '1Year' | '3Years',
  armSkuName: string,
  armRegionName: string,
  unitPrice: number,
): Sku {
  return {
    id,
    ...skuBasics(title, 999999999),
    supportedBillingCycles: ['one_time'],
    // As get-a-sku-by-id.md and get-a-list-of-skus-for-a-product.md show a reservation SKU.
    purchasePrerequisites: ['AzureSubscriptionRegistration', 'InventoryCheck'],
    inventoryVariables: ['CustomerId', 'AzureSubscriptionId'],
    provisioningVariables: ['Scope', 'SubscriptionId'],
    dynamicAttributes: { armSkuName, armRegionName, duration, reservationType: 'virtualmachines' },
    unitPrice,
    reservationDuration: duration,
    availabilities: [{ id: availabilityId, terms: terms(availabilityId, [[duration === '1Year' ? 'P1Y' : 'P3Y', 'one_time']]) }],
  };
}

function reservationProduct(id: string, title: string, skus: Sku[]): Product {
  return {
    id,
    title,
    description: 'Azure reserved virtual machine instances.',
    targetView: 'AzureReservations',
    productType: { id: 'Azure', displayName: 'Azure', subType: { id: 'VirtualMachines', displayName: 'VirtualMachines' } },
    kind: 'reservation',
    skus,
  };
}

function softwareSku(
  id: string,
  availabilityIds: string[],
  title: string,
  pairs: Array<[TermDuration, BillingCycle]>,
  unitPrice: number,
): Sku {
  return {
    id,
    ...skuBasics(title, 10000),
    supportedBillingCycles: pairs.length === 0 ? ['one_time'] : cyclesOf(pairs),
    purchasePrerequisites: ['MicrosoftCloudAgreement'],
    inventoryVariables: [],
    provisioningVariables: [],
    dynamicAttributes: { isMicrosoftProduct: true },
    unitPrice,
    availabilities: availabilityIds.map((a) => ({ id: a, terms: terms(a, pairs) })),
  };
}

function softwareProduct(id: string, title: string, description: string, skus: Sku[]): Product {
  return { id, title, description, targetView: 'Software', productType: SOFTWARE_TYPE, kind: 'software', skus };
}

function saasProduct(id: string, title: string, sku: Sku): Product {
  return {
    id,
    title,
    description: `${title} (third-party SaaS).`,
    targetView: 'MarketplaceSaaS',
    productType: { id: 'SaaS', displayName: 'SaaS' },
    kind: 'saas',
    skus: [sku],
  };
}

export const PRODUCTS: readonly Product[] = [
  license('CFQ7TTC0LH18', 'Microsoft 365 Business Basic', {
    id: '0001',
    availabilityId: 'CFQ7TTC0K971',
    pairs: MONTHLY_AND_YEARLY,
    unitPrice: 6,
  }),
  // get-transitions.md transitions from CFQ7TTC0LDPB:0001:CFQ7TTC0LGNT; the upgrade step between
  // Basic and Premium (data/upgrades.ts).
  license('CFQ7TTC0LDPB', 'Microsoft 365 Business Standard', {
    id: '0001',
    availabilityId: 'CFQ7TTC0LGNT',
    pairs: MONTHLY_AND_YEARLY,
    unitPrice: 12,
  }),
  withSkus(
    license('CFQ7TTC0LCHC', 'Microsoft 365 Business Premium', {
      id: '0002',
      availabilityId: 'CFQ7TTC0MD5V',
      pairs: MONTHLY_AND_YEARLY,
      unitPrice: 22,
    }),
    license('CFQ7TTC0LCHC', 'Microsoft 365 Business Premium Trial', {
      id: '0003',
      availabilityId: 'CFQ7TTC0TRL1',
      pairs: [['P1M', 'none']],
      unitPrice: 0,
      isTrial: true,
      minimumQuantity: 25,
      maximumQuantity: 25,
    }),
  ),
  withSkus(
    license('CFQ7TTC0LFLZ', 'Microsoft 365 E3', {
      id: '0001',
      availabilityId: 'CFQ7TTC0KDLJ',
      pairs: WITH_THREE_YEARS,
      unitPrice: 36,
      maximumQuantity: 100000,
    }),
    // create-a-cart.md, new-commerce request example.
    license('CFQ7TTC0LFLZ', 'Microsoft 365 E3 (SKU 0002)', {
      id: '0002',
      availabilityId: 'CFQ7TTC0K4TS',
      pairs: MONTHLY_AND_YEARLY,
      unitPrice: 36,
      maximumQuantity: 100000,
    }),
  ),
  // CFQ7TTC0VZW5: the availability create-a-cart.md's new-commerce response shows for this SKU.
  license('CFQ7TTC0LF8S', 'Office 365 E5', {
    id: '0001',
    availabilityId: 'CFQ7TTC0N81H',
    moreAvailabilityIds: ['CFQ7TTC0VZW5'],
    pairs: MONTHLY_AND_YEARLY,
    unitPrice: 38,
    maximumQuantity: 100000,
  }),
  license('CFQ7TTC0LHVK', 'Exchange Online (Plan 1)', {
    id: '0001',
    availabilityId: 'CFQ7TTC0J2M4',
    pairs: MONTHLY_AND_YEARLY,
    unitPrice: 4,
    maximumQuantity: 100000,
  }),
  license('CFQ7TTC0LHWP', 'Microsoft Teams Essentials', {
    id: '0001',
    availabilityId: 'CFQ7TTC0KZ7Q',
    pairs: MONTHLY_AND_YEARLY,
    unitPrice: 4,
  }),
  license('CFQ7TTC0LHSF', 'Dynamics 365 Sales Professional', {
    id: '0001',
    availabilityId: 'CFQ7TTC0PW1B',
    pairs: WITH_THREE_YEARS,
    unitPrice: 65,
    minimumQuantity: 5,
    maximumQuantity: 10000,
  }),
  license('CFQ7TTC0HHS9', 'Windows 365 Enterprise 2 vCPU, 8 GB, 128 GB', {
    id: '0001',
    availabilityId: 'CFQ7TTC0HX99',
    pairs: MONTHLY_AND_YEARLY,
    unitPrice: 41,
    maximumQuantity: 100000,
    attestationProperties: { attestationType: 'Windows365', enforceAttestation: true },
  }),
  // create-an-order.md (C#), create-a-cart.md (Request sample), update-a-cart.md (checkout).
  license('CFQ7TTC0LH0Z', 'AI Builder Capacity add-on', {
    id: '0001',
    availabilityId: 'CFQ7TTC0K18P',
    pairs: MONTHLY_AND_YEARLY,
    unitPrice: 500,
    maximumQuantity: 10000,
    dynamicAttributes: { ...NCE_DYNAMIC, isAddon: true },
  }),
  license('CFQ7TTC0LFLS', 'Azure Active Directory Premium P1', {
    id: '0002',
    availabilityId: 'CFQ7TTC0KDLJ',
    pairs: MONTHLY_AND_YEARLY,
    unitPrice: 6,
    maximumQuantity: 100000,
  }),
  // create-a-cart-with-add-ons.md: a new-commerce base offer and its add-on, bought as two lines.
  license('CFQ7TTC0LFLX', 'New-commerce base offer CFQ7TTC0LFLX', {
    id: '0001',
    availabilityId: 'CFQ7TTC0LB30',
    pairs: MONTHLY_AND_YEARLY,
    unitPrice: 12,
    maximumQuantity: 10000,
  }),
  license('CFQ7TTC0HDJX', 'New-commerce add-on CFQ7TTC0HDJX', {
    id: '0001',
    availabilityId: 'CFQ7TTC0K806',
    pairs: MONTHLY_AND_YEARLY,
    unitPrice: 3,
    maximumQuantity: 10000,
    dynamicAttributes: { ...NCE_DYNAMIC, isAddon: true, prerequisiteSkus: ['CFQ7TTC0LFLX:0001'] },
  }),
  reservationProduct('DZH318Z0BQ4B', 'Reserved VM Instance, Dsv3 Series', [
    reservationSku(
      '0047',
      'DZH318Z0DSM8',
      'Reserved VM Instance, Standard_D2s_v3, US East, 1 Year',
      '1Year',
      'Standard_D2s_v3',
      'eastus',
      620,
    ),
    reservationSku(
      '0048',
      'DZH318Z0DSM9',
      'Reserved VM Instance, Standard_D2s_v3, US East, 3 Years',
      '3Years',
      'Standard_D2s_v3',
      'eastus',
      1320,
    ),
    reservationSku(
      '004B',
      'DZH318Z0DSMC',
      'Reserved VM Instance, Standard_D4s_v3, West Europe, 1 Year',
      '1Year',
      'Standard_D4s_v3',
      'westeurope',
      1290,
    ),
  ]),
  // create-a-cart.md request example and checkout-a-cart.md: 1-year and 3-year NV12 reservations.
  reservationProduct('DZH318Z0BQ36', 'Reserved VM Instance, NV Series', [
    reservationSku(
      '004G',
      'DZH318Z08C0S',
      'Reserved VM Instance, Standard_NV12, US East 2, 1 Year',
      '1Year',
      'Standard_NV12',
      'eastus2',
      9300,
    ),
    reservationSku(
      '004J',
      'DZH318Z08B8X',
      'Reserved VM Instance, Standard_NV12, US East 2, 3 Years',
      '3Years',
      'Standard_NV12',
      'eastus2',
      20100,
    ),
  ]),
  {
    // azure-purchase-savings-plan.md: product, SKU (one_time and monthly, at most 1, no
    // provisioning variables, minimum commitment 0.001 USD an hour) and availability (one P1Y term).
    id: 'DZH318Z09V6F',
    title: 'Azure savings plan',
    description:
      'Flexible pricing model offering lower prices compared to On-Demand pricing, in exchange for a specific usage commitment',
    targetView: 'Azure',
    productType: { id: 'Azure', displayName: 'Azure', subType: { id: 'SavingsPlan', displayName: 'SavingsPlan' } },
    kind: 'savingsPlan',
    skus: [
      {
        id: '0001',
        title: 'Compute savings plan, 1 Year',
        description: 'Compute savings plan, 1 Year',
        minimumQuantity: 1,
        maximumQuantity: 1,
        isTrial: false,
        supportedBillingCycles: ['one_time', 'monthly'],
        purchasePrerequisites: ['MicrosoftCloudAgreement'],
        inventoryVariables: [],
        provisioningVariables: [],
        dynamicAttributes: {
          isMicrosoftProduct: true,
          armSkuName: 'Compute_Savings_Plan',
          duration: '1year',
          termDuration: 'P1Y',
          internal: false,
        },
        minimumPurchaseCommitment: { grain: 'Hourly', currencyCode: { code: 'USD', symbol: '$' }, amount: '0.001' },
        unitPrice: 438,
        // The page's availability lists one P1Y term with no billing cycle; here it is listed once
        // per supported cycle, as every other availability names its cycle.
        availabilities: [
          {
            id: 'DZH318Z0BLD3',
            terms: terms('DZH318Z0BLD3', [
              ['P1Y', 'one_time'],
              ['P1Y', 'monthly'],
            ]),
          },
        ],
      },
    ],
  },
  softwareProduct('DG7GMGF0DVSV', 'Windows Server 2022 Standard - 2 Core License Pack', 'Perpetual software license.', [
    softwareSku('0006', ['DG7GMGF0F3J1'], 'Windows Server 2022 Standard - 2 Core License Pack', [], 140),
    // The software subscription of manage-billing-frequency-software-subs.md (and the SKU
    // create-scheduled-changes.md schedules): three-year SKUs bill annually or triennially
    // (csp-software-subscriptions.md, "Manage billing frequency").
    {
      ...softwareSku(
        '000P',
        ['DG7GMGF0F3Q9'],
        'Windows Server Remote Desktop Services CAL - 1 User CAL – 3 year',
        [
          ['P3Y', 'triennial'],
          ['P3Y', 'annual'],
        ],
        185,
      ),
      supportedBillingCycles: ['triennial', 'annual'],
    },
  ]),
  // DG7GMGF0DWMS: the availability cancel-software-purchases.md orders.
  softwareProduct(
    'DG7GMGF0FKZV',
    'SQL Server Enterprise - 2 Core License Pack - 3 year',
    'Software subscription for three years.',
    [
      softwareSku(
        '0003',
        ['DG7GMGF0G4QT', 'DG7GMGF0DWMS'],
        'SQL Server Enterprise - 2 Core License Pack - 3 year',
        SOFTWARE_THREE_YEARS,
        4200,
      ),
    ],
  ),
  softwareProduct('DG7GMGF0DVT7', 'Windows Server CAL - 3 year', 'Software subscription for three years.', [
    softwareSku('000C', ['DG7GMGF0FVZM'], 'Windows Server CAL - 1 Device CAL - 3 year', SOFTWARE_THREE_YEARS, 25),
  ]),
  // Perpetual software the docs' carts and sandbox cancellation buy (no term: "termDuration": "").
  softwareProduct('DG7GMGF0DWT0', 'Microsoft Identity Manager 2016', 'Perpetual software license.', [
    softwareSku('0001', ['DG7GMGF0DSQR'], 'Microsoft Identity Manager 2016 - 1 User CAL', [], 40),
  ]),
  softwareProduct('DG7GMGF0DWM3', 'BizTalk Server 2016', 'Perpetual software license.', [
    softwareSku('0002', ['DG7GMGF0DT1M'], 'BizTalk Server 2016 Branch', [], 2500),
  ]),
  // create-a-cart.md sends DSFM as perpetual software; update-a-cart.md sends DSJB, with a
  // reservation-like provisioning context and the friendly name "A_sample_Azure_RI".
  softwareProduct('DG7GMGF0DWTL', 'Perpetual software DG7GMGF0DWTL', 'Perpetual software license.', [
    softwareSku('0001', ['DG7GMGF0DSFM', 'DG7GMGF0DSJB'], 'Perpetual software DG7GMGF0DWTL', [], 300),
  ]),
  // create-a-cart.md and checkout-a-cart.md: a monthly SaaS plan and a SaaS free trial that
  // renews to a year.
  saasProduct('DZH318Z0BXWC', 'Barracuda WaaS', {
    id: '0002',
    title: 'Barracuda WaaS - Medium Plan',
    description: 'Barracuda WaaS - Medium Plan.',
    minimumQuantity: 1,
    maximumQuantity: 1000,
    isTrial: false,
    supportedBillingCycles: ['monthly', 'annual'],
    purchasePrerequisites: [],
    inventoryVariables: [],
    provisioningVariables: [],
    dynamicAttributes: { isMicrosoftProduct: false },
    unitPrice: 1000,
    availabilities: [{ id: 'DZH318Z0BMRV', terms: terms('DZH318Z0BMRV', MONTHLY_AND_YEARLY) }],
  }),
  saasProduct('DZH318Z0C0WF', 'SaaS plan DZH318Z0C0WF', {
    id: '0001',
    title: 'SaaS plan DZH318Z0C0WF - Free Trial',
    description: 'One-month free trial.',
    minimumQuantity: 1,
    maximumQuantity: 10000,
    isTrial: true,
    supportedBillingCycles: ['none'],
    purchasePrerequisites: [],
    inventoryVariables: [],
    provisioningVariables: [],
    dynamicAttributes: { isMicrosoftProduct: false },
    unitPrice: 0,
    availabilities: [{ id: 'DZH318Z0BP69', terms: terms('DZH318Z0BP69', [['P1M', 'none']]) }],
  }),
];

function legacy(id: string, name: string, extra: Partial<LegacyOffer> = {}): LegacyOffer {
  return {
    id,
    name,
    description: 'Legacy license-based offer.',
    minimumQuantity: 1,
    maximumQuantity: 10000000,
    supportedBillingCycles: ['monthly', 'annual'],
    billing: 'license',
    isAddOn: false,
    prerequisiteOffers: [],
    isAvailableForPurchase: true,
    ...extra,
  };
}

export const LEGACY_OFFERS: readonly LegacyOffer[] = [
  legacy('031C9E47-4802-4248-838E-778FB1D2CC05', 'Office 365 Business Premium', {
    maximumQuantity: 300,
    isAvailableForPurchase: false,
  }),
  legacy('796B6B5F-613C-4E24-A17C-EBA730D49C02', 'Office 365 Enterprise E3'),
  // transition-a-subscription.md names it; create-a-cart-with-add-ons.md buys it with two add-ons.
  legacy('91FD106F-4B2C-4938-95AC-F54F74E9A239', 'Office 365 Enterprise E1'),
  // get-all-subscriptions-by-partner.md names it; the indirect-reseller order buys it.
  legacy('DB2E705F-B82A-4024-A3D5-D88E12F2DB35', 'Intune Device'),
  // The base offer of purchase-an-add-on-to-a-subscription.md and change-the-billing-cycle.md.
  legacy('195416C1-3447-423A-B37B-EE59A99A19C4', 'Legacy base offer 195416C1'),
  // get-addon-offers-by-offer-id.md: two of the add-ons of 195416C1, with part of their prerequisite lists.
  legacy('2828BE95-46BA-4F91-B2FD-0BEF192ECF60', 'Exchange Online Archiving for Exchange Online', {
    description: 'A personal e-mail archive for users who have mailboxes on Exchange Server 2010 or later.',
    isAddOn: true,
    prerequisiteOffers: [
      '91FD106F-4B2C-4938-95AC-F54F74E9A239',
      '195416C1-3447-423A-B37B-EE59A99A19C4',
      '031C9E47-4802-4248-838E-778FB1D2CC05',
    ],
  }),
  legacy('45320EC9-9B8E-49D0-B900-F14141A0ABD1', 'Microsoft MyAnalytics', {
    description:
      'Microsoft MyAnalytics provides insights about time and relationships to help individuals and teams achieve more at work.',
    isAddOn: true,
    prerequisiteOffers: [
      '195416C1-3447-423A-B37B-EE59A99A19C4',
      '91FD106F-4B2C-4938-95AC-F54F74E9A239',
      '796B6B5F-613C-4E24-A17C-EBA730D49C02',
    ],
  }),
  // create-a-cart-with-add-ons.md: the two add-ons bought with (or for) 91FD106F.
  legacy('C94271D8-B431-4A25-A3C5-A57737A1C909', 'Legacy add-on offer C94271D8', {
    isAddOn: true,
    prerequisiteOffers: ['91FD106F-4B2C-4938-95AC-F54F74E9A239'],
  }),
  legacy('43FCE491-76D1-4BCC-B709-8A288786DBAE', 'Legacy add-on offer 43FCE491', {
    isAddOn: true,
    prerequisiteOffers: ['91FD106F-4B2C-4938-95AC-F54F74E9A239'],
  }),
  // create-a-cart.md and checkout-a-cart.md: the legacy Microsoft Azure subscription offer,
  // billed by usage, bought monthly for P1Y.
  legacy('MS-AZR-0145P', 'Microsoft Azure', {
    description: 'Microsoft Azure subscription (pay as you go).',
    billing: 'usage',
    maximumQuantity: 1,
    supportedBillingCycles: ['monthly'],
  }),
];

/** A resolved catalog item: the product, SKU and availability a catalogItemId names. */
export interface CatalogItem {
  product: Product;
  sku: Sku;
  availability: Availability;
  catalogItemId: string;
  /** The legacy offer the item stands for (kind 'legacy' only). */
  offer?: LegacyOffer;
}

const ITEMS = new Map<string, CatalogItem>();
for (const product of PRODUCTS) {
  for (const sku of product.skus) {
    for (const availability of sku.availabilities) {
      const catalogItemId = `${product.id}:${sku.id}:${availability.id}`;
      ITEMS.set(catalogItemId.toUpperCase(), { product, sku, availability, catalogItemId });
    }
  }
}

/**
 * A legacy offer as a purchasable item, so orders, carts and subscriptions treat it like any
 * other: one SKU and one availability without ids, whose terms are P1Y with each billing cycle the
 * offer supports (legacy license subscriptions commit for a year; checkout-a-cart.md shows the
 * Azure line as P1Y). These items are not listed under /products.
 */
const LEGACY_ITEMS = new Map<string, CatalogItem>(
  LEGACY_OFFERS.map((offer) => {
    const pairs = offer.supportedBillingCycles.map((c): [TermDuration, BillingCycle] => ['P1Y', c]);
    const availability: Availability = { id: '', terms: terms(offer.id, pairs) };
    const sku: Sku = {
      id: '',
      title: offer.name,
      description: offer.description,
      minimumQuantity: offer.minimumQuantity,
      maximumQuantity: offer.maximumQuantity,
      isTrial: false,
      supportedBillingCycles: offer.supportedBillingCycles,
      purchasePrerequisites: [],
      inventoryVariables: [],
      provisioningVariables: [],
      dynamicAttributes: { isAddon: offer.isAddOn },
      unitPrice: offer.billing === 'usage' ? 0 : 8,
      availabilities: [availability],
    };
    const product: Product = {
      id: offer.id,
      title: offer.name,
      description: offer.description,
      targetView: 'Legacy',
      productType:
        offer.billing === 'usage'
          ? { id: 'Azure', displayName: 'Azure' }
          : { id: 'OnlineServices', displayName: 'OnlineServices' },
      kind: 'legacy',
      skus: [sku],
    };
    return [offer.id.toUpperCase(), { product, sku, availability, catalogItemId: offer.id, offer }];
  }),
);

/** A new-commerce catalog item (PRODUCT:SKU:AVAILABILITY); legacy offers are not catalog items. */
export function catalogItem(catalogItemId: string): CatalogItem | undefined {
  return ITEMS.get(catalogItemId.toUpperCase());
}

/** A legacy offer (GUID or MS-AZR id) as an item, purchasable or not. */
export function legacyItem(offerId: string): CatalogItem | undefined {
  return LEGACY_ITEMS.get(offerId.toUpperCase());
}

export function allCatalogItems(): CatalogItem[] {
  return [...ITEMS.values()];
}

export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((p) => p.id.toUpperCase() === id.toUpperCase());
}

export function findSku(product: Product, id: string): Sku | undefined {
  return product.skus.find((s) => s.id.toUpperCase() === id.toUpperCase());
}

export function findAvailability(sku: Sku, id: string): Availability | undefined {
  return sku.availabilities.find((a) => a.id.toUpperCase() === id.toUpperCase());
}

export function findLegacyOffer(id: string): LegacyOffer | undefined {
  return LEGACY_OFFERS.find((o) => o.id.toUpperCase() === id.toUpperCase());
}

/** Products whose items end up as subscriptions when bought (the rest become entitlements or nothing). */
export function makesSubscription(kind: ProductKind): boolean {
  return kind === 'license' || kind === 'saas' || kind === 'legacy';
}

/** Items bought once (software, reservations, savings plans): their orders default to one_time. */
export function isOneTimeItem(item: CatalogItem): boolean {
  return item.product.kind === 'software' || item.product.kind === 'reservation' || item.product.kind === 'savingsPlan';
}

/** Price of one unit for one charge of the given billing cycle. */
export function unitPriceFor(sku: Sku, cycle: BillingCycle): number {
  if (sku.isTrial || cycle === 'none') return 0;
  return cycle === 'one_time' ? sku.unitPrice : sku.unitPrice * CYCLE_MONTHS[cycle];
}

const CURRENCIES: Record<string, { code: string; symbol: string }> = {
  US: { code: 'USD', symbol: '$' },
  GB: { code: 'GBP', symbol: '£' },
  CA: { code: 'CAD', symbol: 'CA$' },
  AU: { code: 'AUD', symbol: 'A$' },
  JP: { code: 'JPY', symbol: '¥' },
  DE: { code: 'EUR', symbol: '€' },
  FR: { code: 'EUR', symbol: '€' },
  NL: { code: 'EUR', symbol: '€' },
  ES: { code: 'EUR', symbol: '€' },
  IT: { code: 'EUR', symbol: '€' },
};

export function currencyFor(country: string): { code: string; symbol: string } {
  return CURRENCIES[country.toUpperCase()] ?? CURRENCIES.US;
}
