// Provisioning contexts (the SKU's provisioningVariables say which keys a purchase needs).
//
// Azure reservations (SKU variables Scope and SubscriptionId, get-a-sku-by-id.md): scope "shared"
// or "single" (900312) and the Azure subscription in subscriptionId (900317). A duration is not
// required (create-a-cart.md's reservation lines send none) but, when given, must be "1Year" or
// "3Years" and match the SKU (older docs also write "1year" and "3Year").
//
// Azure savings plans (azure-purchase-savings-plan.md): "Scope: possible values include single,
// shared; EntitlementId: Azure subscription ID, required for single scope; SubscriptionId: Azure
// plan ID, required for shared scope" (900313 / 900317), and a purchase commitment "including
// amount, grain, and currency", at least the SKU's minimumPurchaseCommitment (800002).

import { type CatalogItem, type Sku } from '../data/catalog';
import { type RuleFailure, requestFailure } from './failure';

const DURATIONS: Record<string, '1Year' | '3Years'> = {
  '1year': '1Year',
  '1years': '1Year',
  '3year': '3Years',
  '3years': '3Years',
};

export function readContext(value: unknown): { context: Record<string, string> } | { failure: RuleFailure } {
  if (value === undefined || value === null) return { context: {} };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { failure: requestFailure('invalidInput', 'provisioningContext must be an object of string values.') };
  }
  const context: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') return { failure: requestFailure('invalidInput', `provisioningContext.${k} must be a string.`) };
    context[k] = v;
  }
  return { context };
}

function readScope(context: Record<string, string>): 'shared' | 'single' | RuleFailure {
  const scope = (context.scope ?? '').toLowerCase();
  if (scope === 'shared' || scope === 'single') return scope;
  return requestFailure(
    'reservationScopeUnsupported',
    `The selected scope '${context.scope ?? ''}' in the provisioning context is not supported.`,
  );
}

export function checkProvisioningContext(item: CatalogItem, context: Record<string, string>): RuleFailure | undefined {
  if (item.product.kind === 'savingsPlan') return checkSavingsPlanContext(context);
  const sku: Sku = item.sku;
  if (!sku.provisioningVariables.includes('Scope')) return undefined;
  const scope = readScope(context);
  if (typeof scope !== 'string') return scope;
  if (!context.subscriptionId) {
    return requestFailure(
      'azurePlanIdRequired',
      'The provisioning context needs subscriptionId (the Azure subscription the reservation is for).',
    );
  }
  if (context.duration === undefined) return undefined;
  const duration = DURATIONS[context.duration.toLowerCase()];
  if (!duration) {
    return requestFailure('invalidInput', `provisioningContext.duration must be "1Year" or "3Years", got '${context.duration}'.`);
  }
  if (sku.reservationDuration && duration !== sku.reservationDuration) {
    return requestFailure(
      'invalidInput',
      `provisioningContext.duration '${context.duration}' does not match the SKU's ${sku.reservationDuration}.`,
    );
  }
  return undefined;
}

function checkSavingsPlanContext(context: Record<string, string>): RuleFailure | undefined {
  const scope = readScope(context);
  if (typeof scope !== 'string') return scope;
  if (scope === 'single' && !context.entitlementId) {
    return requestFailure(
      'entitlementIdRequired',
      'A single-scope savings plan needs entitlementId (the Azure subscription id) in the provisioning context.',
    );
  }
  if (scope === 'shared' && !context.subscriptionId) {
    return requestFailure(
      'azurePlanIdRequired',
      'A shared-scope savings plan needs subscriptionId (the Azure plan id) in the provisioning context.',
    );
  }
  return undefined;
}

/** Reads a line's purchaseCommitment: required for savings plans, not accepted on anything else. */
export function readPurchaseCommitment(
  item: CatalogItem,
  value: unknown,
): { commitment?: Record<string, unknown> } | { failure: RuleFailure } {
  if (item.product.kind !== 'savingsPlan') {
    if (value === undefined || value === null) return {};
    return {
      failure: requestFailure(
        'invalidInput',
        `purchaseCommitment applies to Azure savings plans only, not to ${item.catalogItemId}.`,
      ),
    };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      failure: requestFailure(
        'invalidInput',
        'An Azure savings plan needs a purchaseCommitment with amount, grain and currency.',
      ),
    };
  }
  const { amount, grain, currency } = value as Record<string, unknown>;
  if (
    typeof amount !== 'number' ||
    !Number.isFinite(amount) ||
    typeof grain !== 'string' ||
    grain === '' ||
    typeof currency !== 'string' ||
    currency === ''
  ) {
    return {
      failure: requestFailure(
        'invalidInput',
        'purchaseCommitment needs a numeric amount, a grain (e.g. "hourly") and a currency (e.g. "usd").',
      ),
    };
  }
  const minimum = item.sku.minimumPurchaseCommitment;
  if (minimum && grain.toLowerCase() === minimum.grain.toLowerCase() && amount < Number(minimum.amount)) {
    return {
      failure: requestFailure(
        'invalidInput',
        `purchaseCommitment.amount ${amount} is below the SKU's minimum of ${minimum.amount} ${minimum.currencyCode.code} per ${minimum.grain.toLowerCase()} unit.`,
      ),
    };
  }
  return { commitment: { amount, currency, grain } };
}
