// Every diagnostic code the language service can report, with its default severity. Codes are
// stable: tests, quick fixes and people's filters rely on them, so rename none of them.
import { DiagnosticSeverity } from 'vscode-languageserver-types';

export const DIAGNOSTIC_SOURCE = 'Partner Center';

export const codes = {
  // The document as a whole
  syntax: 'pc.json.syntax',
  notAnObject: 'pc.document.notAnObject',
  tooLarge: 'pc.document.tooLarge',
  tooDeep: 'pc.document.tooDeep',
  /** The checker itself failed on the document: nothing about it is known. */
  notChecked: 'pc.document.notChecked',
  // Schema (Ajv); the keyword is appended for the rest: pc.schema.type, pc.schema.minimum, ...
  required: 'pc.schema.required',
  enumValue: 'pc.schema.enum',
  pattern: 'pc.schema.pattern',
  unknownProperty: 'pc.property.unknown',
  duplicateProperty: 'pc.property.duplicate',
  readOnlyProperty: 'pc.property.readOnly',
  propertyCasing: 'pc.casing.property',
  valueCasing: 'pc.casing.value',
  // Static cross-field rules
  lineNumbering: 'pc.lineItem.numbering',
  duplicateLineNumber: 'pc.lineItem.duplicateNumber',
  billingCycleMismatch: 'pc.term.billingCycleMismatch',
  billingCycleUnknown: 'pc.billingCycle.unknown',
  renewsToTerm: 'pc.renewsTo.termNotAllowed',
  tooManyAdditionalResellers: 'pc.participants.tooManyAdditionalResellers',
  entitlementIdRequired: 'pc.provisioning.entitlementIdRequired',
  subscriptionIdRequired: 'pc.provisioning.subscriptionIdRequired',
  unknownProvisioningKey: 'pc.provisioning.unknownKey',
  partnerAttestationMissing: 'pc.attestation.partnerOnRecordMissing',
  customTermEndDateOutside: 'pc.customTermEndDate.outsideFirstTerm',
  customTermEndDatePast: 'pc.customTermEndDate.inPast',
  legacyOffer: 'pc.offer.legacy',
  registrationNumberRequired: 'pc.customer.registrationNumberRequired',
  registrationNumberRefused: 'pc.customer.registrationNumberNotAccepted',
  phoneRequired: 'pc.customer.phoneRequired',
  autoRenewMissing: 'pc.subscription.autoRenewMissing',
  scheduledNeedsAutoRenew: 'pc.subscription.scheduledNeedsAutoRenew',
  // Catalog rules
  catalogUnavailable: 'pc.catalog.unavailable',
  catalogItemNotFound: 'pc.catalog.itemNotFound',
  catalogNotPurchasable: 'pc.catalog.notPurchasable',
  catalogTermNotOffered: 'pc.catalog.termNotOffered',
  catalogTermMissing: 'pc.catalog.termMissing',
  catalogQuantity: 'pc.catalog.quantityOutOfRange',
  catalogProvisioningMissing: 'pc.catalog.provisioningMissing',
  catalogDurationMismatch: 'pc.catalog.durationMismatch',
  catalogAttestationRequired: 'pc.catalog.attestationRequired',
  catalogCustomTermEndDate: 'pc.catalog.customTermEndDateNotSupported',
} as const;

export type DiagnosticCode = (typeof codes)[keyof typeof codes] | `pc.schema.${string}`;

const warnings = new Set<string>([
  codes.unknownProperty,
  codes.unknownProvisioningKey,
  codes.partnerAttestationMissing,
  codes.customTermEndDatePast,
  codes.autoRenewMissing,
  codes.scheduledNeedsAutoRenew,
  codes.catalogTermMissing,
  codes.tooLarge,
  codes.notChecked,
  codes.registrationNumberRefused,
  codes.customTermEndDateOutside,
]);
const information = new Set<string>([
  codes.readOnlyProperty,
  codes.catalogUnavailable,
  codes.legacyOffer,
  codes.billingCycleUnknown,
]);
const hints = new Set<string>([codes.propertyCasing, codes.valueCasing]);

export function defaultSeverity(code: string): DiagnosticSeverity {
  if (hints.has(code)) return DiagnosticSeverity.Hint;
  if (information.has(code)) return DiagnosticSeverity.Information;
  if (warnings.has(code)) return DiagnosticSeverity.Warning;
  return DiagnosticSeverity.Error;
}
