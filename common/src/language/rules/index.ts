// The cross-field rules, in the order their diagnostics are listed. Static rules need only the
// document; catalog rules also read the catalog view (and report once when it is off).
import { catalogRules } from './catalogRules';
import { customerCountryRule } from './customerRules';
import { customTermEndDateRule } from './dateRules';
import { legacyOfferRule, partnerAttestationRule, subscriptionPatchRule } from './documentRules';
import { additionalResellersRule, lineNumberingRule } from './lineItemRules';
import { provisioningContextRule } from './provisioningRules';
import { type Rule } from './ruleContext';
import { renewsToRule, termBillingRule, unknownBillingCycleRule } from './termRules';

export const rules: readonly Rule[] = [
  lineNumberingRule,
  additionalResellersRule,
  termBillingRule,
  unknownBillingCycleRule,
  renewsToRule,
  provisioningContextRule,
  customTermEndDateRule,
  partnerAttestationRule,
  legacyOfferRule,
  subscriptionPatchRule,
  customerCountryRule,
  catalogRules,
];
