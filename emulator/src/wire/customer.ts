// Customer as the service emits it (customer-resources.md). The list omits the billing profile and
// allowDelegatedAccess, which only GET /customers/{id} returns. An address without a phone number
// shows it as "" (create-a-customer.md's 201 example).

import { type CustomerRecord } from '../data/model';
import { attributes, etag, link } from '../envelope';

/** The company profile, inside a customer or (with `address` and `email`) on its own:
 * GET /customers/{id}/profiles/company (get-a-customer-s-company-profile.md). */
export function companyProfileWire(c: CustomerRecord, standalone = false): Record<string, unknown> {
  return {
    tenantId: c.id,
    domain: c.domain,
    companyName: c.companyName,
    ...(c.organizationRegistrationNumber ? { organizationRegistrationNumber: c.organizationRegistrationNumber } : {}),
    ...(standalone ? { address: { ...c.address, phoneNumber: c.address.phoneNumber ?? '' }, email: c.email } : {}),
    links: { self: link(`/customers/${c.id}/profiles/company`) },
    attributes: attributes('CustomerCompanyProfile'),
  };
}

export function customerWire(c: CustomerRecord, detail: boolean): Record<string, unknown> {
  const companyProfile = companyProfileWire(c);
  const out: Record<string, unknown> = { id: c.id, commerceId: c.commerceId, companyProfile };
  if (detail) {
    out.billingProfile = {
      id: c.billingProfileId,
      firstName: c.firstName,
      lastName: c.lastName,
      email: c.email,
      culture: c.culture,
      language: c.language,
      companyName: c.companyName,
      defaultAddress: { ...c.address, firstName: c.firstName, lastName: c.lastName, phoneNumber: c.address.phoneNumber ?? '' },
      attributes: attributes('CustomerBillingProfile', etag(c.billingProfileId, c.version)),
    };
  }
  out.relationshipToPartner = c.relationshipToPartner;
  if (detail) out.allowDelegatedAccess = true;
  if (c.associatedPartnerId !== undefined) out.associatedPartnerId = c.associatedPartnerId;
  out.links = { self: link(`/customers/${c.id}`) };
  out.attributes = attributes('Customer');
  return out;
}
