// termDuration x billingCycle must be a pair the availability's terms[] offers (P1M monthly;
// P1Y monthly/annual; P3Y monthly/annual/triennial; trials P1M none). Without a termDuration
// the first term with that billing cycle is used. Cart lines get 10013 BillingPlanNotSupported.

import { type BillingCycle, type CatalogItem, CYCLE_MONTHS, type TermDuration, TERM_MONTHS } from '../data/catalog';
import { type RuleFailure, lineFailure } from './failure';

export type TermResult = { termDuration?: TermDuration } | { failure: RuleFailure };

export function checkTerm(item: CatalogItem, cycle: BillingCycle, term: TermDuration | undefined): TermResult {
  const terms = item.availability.terms;
  const offered = terms.map((t) => `${t.duration}/${t.billingCycle}`).join(', ');
  if (terms.length === 0) {
    if (!item.sku.supportedBillingCycles.includes(cycle)) {
      return {
        failure: lineFailure(
          'billingCycleInvalid',
          'billingPlanNotSupported',
          `The billing cycle '${cycle}' is invalid for ${item.catalogItemId}; supported: ${item.sku.supportedBillingCycles.join(', ')}.`,
        ),
      };
    }
    if (term) {
      return {
        failure: lineFailure(
          'termNotOffered',
          'billingPlanNotSupported',
          `${item.catalogItemId} has no term; remove termDuration '${term}'.`,
        ),
      };
    }
    return {};
  }
  if (term) {
    const sameTerm = terms.filter((t) => t.duration === term);
    if (sameTerm.length === 0) {
      return {
        failure: lineFailure(
          'termNotOffered',
          'billingPlanNotSupported',
          `The term '${term}' is not offered for ${item.catalogItemId}; offered: ${offered}.`,
        ),
      };
    }
    if (CYCLE_MONTHS[cycle] > TERM_MONTHS[term]) {
      return {
        failure: lineFailure(
          'billingCycleLongerThanTerm',
          'billingPlanNotSupported',
          `The billing cycle '${cycle}' cannot be longer than the term '${term}'.`,
        ),
      };
    }
    if (!sameTerm.some((t) => t.billingCycle === cycle)) {
      return {
        failure: lineFailure(
          'billingCycleInvalid',
          'billingPlanNotSupported',
          `The billing cycle '${cycle}' is invalid with term '${term}' for ${item.catalogItemId}; offered: ${offered}.`,
        ),
      };
    }
    return { termDuration: term };
  }
  const first = terms.find((t) => t.billingCycle === cycle);
  if (!first) {
    return {
      failure: lineFailure(
        'billingCycleInvalid',
        'billingPlanNotSupported',
        `The billing cycle '${cycle}' is invalid for ${item.catalogItemId}; offered: ${offered}.`,
      ),
    };
  }
  return { termDuration: first.duration };
}
