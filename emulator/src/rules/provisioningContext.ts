// Azure reservations need a provisioning context: scope "shared" or "single" (900312), an Azure
// plan / subscription id (900317), for single scope an entitlementId (900313), and a duration of
// "1Year" or "3Years" matching the SKU (older docs also write "1year" and "3Year").

import { type Sku } from '../data/catalog';
import { type RuleFailure, requestFailure } from './failure';

const DURATIONS: Record<string, '1Year' | '3Years'> = { '1year': '1Year', '1years': '1Year', '3year': '3Years', '3years': '3Years' };

export function readContext(value: unknown): { context: Record<string, string> } | { failure: RuleFailure } {
  if (value === undefined || value === null) return { context: {} };
  if (typeof value !== 'object' || Array.isArray(value)) return { failure: requestFailure('invalidInput', 'provisioningContext must be an object of string values.') };
  const context: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === null || v === undefined) continue;
    if (typeof v !== 'string') return { failure: requestFailure('invalidInput', `provisioningContext.${k} must be a string.`) };
    context[k] = v;
  }
  return { context };
}

export function checkProvisioningContext(sku: Sku, context: Record<string, string>): RuleFailure | undefined {
  if (!sku.provisioningVariables.includes('Scope')) return undefined;
  const scope = (context.scope ?? '').toLowerCase();
  if (scope !== 'shared' && scope !== 'single') {
    return requestFailure('reservationScopeUnsupported', `The selected scope '${context.scope ?? ''}' in the provisioning context is not supported.`);
  }
  if (!context.subscriptionId) return requestFailure('azurePlanIdRequired', 'The provisioning context needs subscriptionId (the Azure plan or Azure subscription id).');
  if (scope === 'single' && !context.entitlementId) {
    return requestFailure('entitlementIdRequired', 'Single scope needs entitlementId (the Azure subscription id) in the provisioning context.');
  }
  const duration = DURATIONS[(context.duration ?? '').toLowerCase()];
  if (!duration) return requestFailure('invalidInput', `provisioningContext.duration must be "1Year" or "3Years", got '${context.duration ?? ''}'.`);
  if (sku.reservationDuration && duration !== sku.reservationDuration) {
    return requestFailure('invalidInput', `provisioningContext.duration '${context.duration}' does not match the SKU's ${sku.reservationDuration}.`);
  }
  return undefined;
}
