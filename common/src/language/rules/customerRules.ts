// New customers (reference §6.1): in some countries Partner Center requires a registration number
// and a phone number. Everywhere else error 600002 refuses the registration number, while the
// create-customer pages call it optional there: that one is a warning.
import { codes } from '../codes';
import { anchorRange, diagnostic } from '../diagnosticFactory';
import { writtenPath } from '../sourceTree';
import { isObject, nodeAt, type Rule, setPathFor } from './ruleContext';

/** Countries that need `organizationRegistrationNumber` and a phone number (errors 600049, 600051 when missing). */
export const REGISTRATION_NUMBER_COUNTRIES: ReadonlySet<string> = new Set([
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

export const customerCountryRule: Rule = (ctx) => {
  if (ctx.kind.id !== 'customer') return;
  const billing = ctx.value.billingProfile;
  const address = isObject(billing) ? billing.defaultAddress : undefined;
  const country = isObject(address) && typeof address.country === 'string' ? address.country.toUpperCase() : undefined;
  const company = ctx.value.companyProfile;
  if (!country || !isObject(company)) return;
  const companyNode = nodeAt(ctx, ['companyProfile']);
  const addressNode = nodeAt(ctx, ['billingProfile', 'defaultAddress']);
  const registration = company.organizationRegistrationNumber;
  if (REGISTRATION_NUMBER_COUNTRIES.has(country)) {
    if (!registration && companyNode) {
      ctx.report(
        diagnostic(
          anchorRange(ctx.parsed, companyNode),
          codes.registrationNumberRequired,
          `Customers in ${country} need "organizationRegistrationNumber" in the company profile.`,
          [
            {
              title: 'Add "organizationRegistrationNumber"',
              preferred: true,
              set: [{ path: setPathFor(companyNode, 'organizationRegistrationNumber'), value: '' }],
            },
          ],
        ),
      );
    }
    if (isObject(address) && !address.phoneNumber && addressNode) {
      ctx.report(
        diagnostic(
          anchorRange(ctx.parsed, addressNode),
          codes.phoneRequired,
          `Customers in ${country} need a "phoneNumber" in the default address.`,
          [{ title: 'Add "phoneNumber"', preferred: true, set: [{ path: setPathFor(addressNode, 'phoneNumber'), value: '' }] }],
        ),
      );
    }
  } else if (registration !== undefined && registration !== null) {
    const node = nodeAt(ctx, ['companyProfile', 'organizationRegistrationNumber']);
    if (node) {
      ctx.report(
        diagnostic(
          anchorRange(ctx.parsed, node),
          codes.registrationNumberRefused,
          `Partner Center may refuse "organizationRegistrationNumber" for ${country} (error 600002 accepts it only for the countries that require it; the create-customer page calls it optional elsewhere).`,
          [{ title: 'Remove "organizationRegistrationNumber"', preferred: true, remove: writtenPath(node.owner, node.slot) }],
        ),
      );
    }
  }
};
