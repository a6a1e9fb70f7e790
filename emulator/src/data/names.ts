// Word lists for seeded customers. Several companies share each prefix ("Contoso Pharma",
// "Contoso Retail", ...) so that `starts_with` filters return a handful, not one or all.

export const COMPANY_PREFIXES = [
  'Contoso',
  'Fabrikam',
  'Northwind',
  'Adventure Works',
  'Tailspin',
  'Wingtip',
  'Litware',
  'Proseware',
  'Woodgrove',
  'Alpine Ski House',
  'Coho',
  'Lucerne',
  'Trey Research',
  'Wide World',
  'Blue Yonder',
  'Humongous',
  'Fourth Coffee',
  'Relecloud',
  'VanArsdel',
  'Bellows',
  'Consolidated',
  'Datum',
  'Margie',
  'Southridge',
  'Lamna',
  'Munson',
  'Nod',
  'Olympia',
  'Tasmanian',
  'Wingspan',
];

export const COMPANY_SUFFIXES = [
  'Ltd',
  'Inc.',
  'GmbH',
  'Holdings',
  'Pharma',
  'Retail',
  'Logistics',
  'Energy',
  'Labs',
  'Bank',
  'Studios',
  'Foods',
  'Partners',
  'Health',
  'Motors',
  'Systems',
  'Travel',
  'Media',
  'Insurance',
  'Group',
];

export const FIRST_NAMES = [
  'Avery',
  'Jordan',
  'Sam',
  'Riley',
  'Morgan',
  'Alex',
  'Casey',
  'Taylor',
  'Jamie',
  'Drew',
  'Noor',
  'Kenji',
  'Ana',
  'Lars',
  'Priya',
  'Chen',
];
export const LAST_NAMES = [
  'Smith',
  'Garcia',
  'Müller',
  'Okafor',
  'Tanaka',
  'Kowalski',
  'Dubois',
  'Rossi',
  'Singh',
  'Andersen',
  'Silva',
  'Nguyen',
];

export const ADDRESSES: ReadonlyArray<{
  country: string;
  city: string;
  state: string;
  postalCode: string;
  culture: string;
  language: string;
}> = [
  { country: 'US', city: 'Redmond', state: 'WA', postalCode: '98052', culture: 'en-US', language: 'en' },
  { country: 'US', city: 'Austin', state: 'TX', postalCode: '78701', culture: 'en-US', language: 'en' },
  { country: 'US', city: 'Boston', state: 'MA', postalCode: '02110', culture: 'en-US', language: 'en' },
  { country: 'GB', city: 'London', state: '', postalCode: 'EC1A 1BB', culture: 'en-GB', language: 'en' },
  { country: 'DE', city: 'Berlin', state: '', postalCode: '10115', culture: 'de-DE', language: 'de' },
  { country: 'FR', city: 'Lyon', state: '', postalCode: '69001', culture: 'fr-FR', language: 'fr' },
  { country: 'CA', city: 'Toronto', state: 'ON', postalCode: 'M5H 2N2', culture: 'en-CA', language: 'en' },
];

/** "Contoso Pharma" -> "contosopharma.onmicrosoft.com", the domain form of new tenants. */
export function domainFor(companyName: string): string {
  return `${companyName.toLowerCase().replace(/[^a-z0-9]/g, '')}.onmicrosoft.com`;
}
