// The emulator's catalog: a handful of products that cover every purchase rule the extension
// checks (term x billing cycle, quantity bounds, attestation, trials, reservations with a
// provisioning context, one-time software, and legacy offers). It is the same for every seed.

export type BillingCycle = 'monthly' | 'annual' | 'triennial' | 'one_time' | 'none';
export type TermDuration = 'P1M' | 'P1Y' | 'P3Y';
export type ProductKind = 'license' | 'software' | 'reservation';

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
  /** Price of one unit for one month (licenses) or once (one-time purchases), in USD. */
  unitPrice: number;
  /** Reservation SKUs: the only `provisioningContext.duration` they accept. */
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

const TERM_TEXT: Record<TermDuration, string> = { P1M: 'One-Month commitment', P1Y: 'One-Year commitment', P3Y: 'Three-Year commitment' };

function terms(availabilityId: string, pairs: Array<[TermDuration, BillingCycle]>): Term[] {
  return pairs.map(([duration, billingCycle]) => ({
    id: termId(`${availabilityId}:${duration}:${billingCycle}`),
    duration,
    billingCycle,
    description: `${TERM_TEXT[duration]} for ${billingCycle === 'one_time' ? 'one-time' : billingCycle} billing`,
  }));
}

const MONTHLY_AND_YEARLY: Array<[TermDuration, BillingCycle]> = [['P1M', 'monthly'], ['P1Y', 'monthly'], ['P1Y', 'annual']];
const WITH_THREE_YEARS: Array<[TermDuration, BillingCycle]> = [...MONTHLY_AND_YEARLY, ['P3Y', 'monthly'], ['P3Y', 'annual'], ['P3Y', 'triennial']];
const NCE_TYPE = { id: 'OnlineServicesNCE', displayName: 'OnlineServicesNCE' };
const NCE_DYNAMIC = { isAddon: false, hasConstraints: true, isMicrosoftProduct: true, isSoftwareAssuranceApplicable: false };

function license(productId: string, title: string, sku: Partial<Sku> & { id: string; availabilityId: string; pairs: Array<[TermDuration, BillingCycle]> }): Product {
  const cycles = [...new Set(sku.pairs.map(([, c]) => c))];
  return {
    id: productId,
    title,
    description: `${title} for organizations.`,
    targetView: 'OnlineServices',
    productType: NCE_TYPE,
    kind: 'license',
    skus: [{
      title, description: `${title}.`, minimumQuantity: 1, maximumQuantity: 300, isTrial: false,
      supportedBillingCycles: cycles, purchasePrerequisites: ['MicrosoftCloudAgreement'], inventoryVariables: [],
      provisioningVariables: [], dynamicAttributes: NCE_DYNAMIC, unitPrice: 10,
      ...sku,
      availabilities: [{ id: sku.availabilityId, terms: terms(sku.availabilityId, sku.pairs) }],
    }],
  };
}

/** A trial is a second SKU of the paid product, as in the real catalog. */
function withTrial(paid: Product, trial: Product): Product {
  return { ...paid, skus: [...paid.skus, ...trial.skus] };
}

function reservationSku(id: string, availabilityId: string, title: string, duration: '1Year' | '3Years', armSkuName: string, armRegionName: string, unitPrice: number): Sku {
  return {
    id, title, description: `${title}.`, minimumQuantity: 1, maximumQuantity: 999999999, isTrial: false,
    supportedBillingCycles: ['one_time'],
    purchasePrerequisites: ['InventoryCheck', 'AzureSubscriptionRegistration'],
    inventoryVariables: ['CustomerId', 'AzureSubscriptionId', 'ArmRegionName'],
    provisioningVariables: ['Scope', 'SubscriptionId', 'Duration'],
    dynamicAttributes: { armSkuName, armRegionName, duration, reservationType: 'virtualmachines' },
    unitPrice, reservationDuration: duration,
    availabilities: [{ id: availabilityId, terms: terms(availabilityId, [[duration === '1Year' ? 'P1Y' : 'P3Y', 'one_time']]) }],
  };
}

function softwareSku(id: string, availabilityId: string, title: string, pairs: Array<[TermDuration, BillingCycle]>, unitPrice: number): Sku {
  return {
    id, title, description: `${title}.`, minimumQuantity: 1, maximumQuantity: 10000, isTrial: false,
    supportedBillingCycles: ['one_time'], purchasePrerequisites: ['MicrosoftCloudAgreement'], inventoryVariables: [],
    provisioningVariables: [], dynamicAttributes: { isMicrosoftProduct: true }, unitPrice,
    availabilities: [{ id: availabilityId, terms: terms(availabilityId, pairs) }],
  };
}

export const PRODUCTS: readonly Product[] = [
  license('CFQ7TTC0LH18', 'Microsoft 365 Business Basic', { id: '0001', availabilityId: 'CFQ7TTC0K971', pairs: MONTHLY_AND_YEARLY, unitPrice: 6 }),
  withTrial(
    license('CFQ7TTC0LCHC', 'Microsoft 365 Business Premium', { id: '0002', availabilityId: 'CFQ7TTC0MD5V', pairs: MONTHLY_AND_YEARLY, unitPrice: 22 }),
    license('CFQ7TTC0LCHC', 'Microsoft 365 Business Premium Trial', {
      id: '0003', availabilityId: 'CFQ7TTC0TRL1', pairs: [['P1M', 'none']], unitPrice: 0, isTrial: true, minimumQuantity: 25, maximumQuantity: 25,
    }),
  ),
  license('CFQ7TTC0LFLZ', 'Microsoft 365 E3', { id: '0001', availabilityId: 'CFQ7TTC0KDLJ', pairs: WITH_THREE_YEARS, unitPrice: 36, maximumQuantity: 100000 }),
  license('CFQ7TTC0LF8S', 'Office 365 E5', { id: '0001', availabilityId: 'CFQ7TTC0N81H', pairs: MONTHLY_AND_YEARLY, unitPrice: 38, maximumQuantity: 100000 }),
  license('CFQ7TTC0LHVK', 'Exchange Online (Plan 1)', { id: '0001', availabilityId: 'CFQ7TTC0J2M4', pairs: MONTHLY_AND_YEARLY, unitPrice: 4, maximumQuantity: 100000 }),
  license('CFQ7TTC0LHWP', 'Microsoft Teams Essentials', { id: '0001', availabilityId: 'CFQ7TTC0KZ7Q', pairs: MONTHLY_AND_YEARLY, unitPrice: 4 }),
  license('CFQ7TTC0LHSF', 'Dynamics 365 Sales Professional', { id: '0001', availabilityId: 'CFQ7TTC0PW1B', pairs: WITH_THREE_YEARS, unitPrice: 65, minimumQuantity: 5, maximumQuantity: 10000 }),
  license('CFQ7TTC0HHS9', 'Windows 365 Enterprise 2 vCPU, 8 GB, 128 GB', {
    id: '0001', availabilityId: 'CFQ7TTC0HX99', pairs: MONTHLY_AND_YEARLY, unitPrice: 41, maximumQuantity: 100000,
    attestationProperties: { attestationType: 'Windows365', enforceAttestation: true },
  }),
  {
    id: 'DZH318Z0BQ4B', title: 'Reserved VM Instance, Dsv3 Series', description: 'Azure reserved virtual machine instances.',
    targetView: 'AzureReservations', productType: { id: 'Azure', displayName: 'Azure', subType: { id: 'VirtualMachines', displayName: 'VirtualMachines' } },
    kind: 'reservation',
    skus: [
      reservationSku('0047', 'DZH318Z0DSM8', 'Reserved VM Instance, Standard_D2s_v3, US East, 1 Year', '1Year', 'Standard_D2s_v3', 'eastus', 620),
      reservationSku('0048', 'DZH318Z0DSM9', 'Reserved VM Instance, Standard_D2s_v3, US East, 3 Years', '3Years', 'Standard_D2s_v3', 'eastus', 1320),
      reservationSku('004B', 'DZH318Z0DSMC', 'Reserved VM Instance, Standard_D4s_v3, West Europe, 1 Year', '1Year', 'Standard_D4s_v3', 'westeurope', 1290),
    ],
  },
  {
    id: 'DG7GMGF0DVSV', title: 'Windows Server 2022 Standard - 2 Core License Pack', description: 'Perpetual software license.',
    targetView: 'Software', productType: { id: 'Software', displayName: 'Software' }, kind: 'software',
    skus: [
      softwareSku('0006', 'DG7GMGF0F3J1', 'Windows Server 2022 Standard - 2 Core License Pack', [], 140),
      // The software subscription of manage-billing-frequency-software-subs.md (and the SKU
      // create-scheduled-changes.md schedules): three-year SKUs bill annually or triennially
      // (csp-software-subscriptions.md, "Manage billing frequency").
      {
        ...softwareSku('000P', 'DG7GMGF0F3Q9', 'Windows Server Remote Desktop Services CAL - 1 User CAL – 3 year', [['P3Y', 'triennial'], ['P3Y', 'annual']], 185),
        supportedBillingCycles: ['triennial', 'annual'],
      },
    ],
  },
  {
    id: 'DG7GMGF0FKZV', title: 'SQL Server 2022 Standard - 3 year', description: 'Software subscription for three years.',
    targetView: 'Software', productType: { id: 'Software', displayName: 'Software' }, kind: 'software',
    skus: [softwareSku('0003', 'DG7GMGF0G4QT', 'SQL Server 2022 Standard - 2 Core - 3 year', [['P3Y', 'one_time']], 4200)],
  },
];

export const LEGACY_OFFERS: readonly LegacyOffer[] = [
  { id: '031C9E47-4802-4248-838E-778FB1D2CC05', name: 'Office 365 Business Premium', description: 'Legacy license-based offer.', minimumQuantity: 1, maximumQuantity: 300, supportedBillingCycles: ['monthly', 'annual'] },
  { id: '796B6B5F-613C-4E24-A17C-EBA730D49C02', name: 'Office 365 Enterprise E3', description: 'Legacy license-based offer.', minimumQuantity: 1, maximumQuantity: 10000000, supportedBillingCycles: ['monthly', 'annual'] },
  { id: '91FD106F-4B2C-4938-95AC-F54F74E9A239', name: 'Office 365 Enterprise E1', description: 'Legacy license-based offer.', minimumQuantity: 1, maximumQuantity: 10000000, supportedBillingCycles: ['monthly', 'annual'] },
];

/** A resolved catalog item: the product, SKU and availability a catalogItemId names. */
export interface CatalogItem {
  product: Product;
  sku: Sku;
  availability: Availability;
  catalogItemId: string;
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

export function catalogItem(catalogItemId: string): CatalogItem | undefined {
  return ITEMS.get(catalogItemId.toUpperCase());
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

/** Price of one unit for one charge of the given billing cycle. */
export function unitPriceFor(sku: Sku, cycle: BillingCycle): number {
  if (sku.isTrial || cycle === 'none') return 0;
  return cycle === 'one_time' ? sku.unitPrice : sku.unitPrice * CYCLE_MONTHS[cycle];
}

const CURRENCIES: Record<string, { code: string; symbol: string }> = {
  US: { code: 'USD', symbol: '$' }, GB: { code: 'GBP', symbol: '£' }, CA: { code: 'CAD', symbol: 'CA$' },
  AU: { code: 'AUD', symbol: 'A$' }, JP: { code: 'JPY', symbol: '¥' }, DE: { code: 'EUR', symbol: '€' },
  FR: { code: 'EUR', symbol: '€' }, NL: { code: 'EUR', symbol: '€' }, ES: { code: 'EUR', symbol: '€' }, IT: { code: 'EUR', symbol: '€' },
};

export function currencyFor(country: string): { code: string; symbol: string } {
  return CURRENCIES[country.toUpperCase()] ?? CURRENCIES.US;
}
