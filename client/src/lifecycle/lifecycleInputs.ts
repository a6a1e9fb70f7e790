// What a lifecycle action asks before it proposes anything: the new quantity (checked as you type
// against the seats that can still be removed), the next term's product, term, billing cycle and
// quantity (from the catalog, for this customer), the billing cycle. Undefined: the person gave up.
import * as vscode from 'vscode';
import { type PartnerCenterClient } from '../../../common/src/api';
import { requestAvailability } from '../../../common/src/lifecycle/actions';
import { type SubscriptionState } from '../../../common/src/lifecycle/subscriptionState';
import { type JsonObject } from '../../../common/src/send/jsonValues';

export async function askQuantity(state: SubscriptionState): Promise<number | undefined> {
  const now = state.quantity ?? 0;
  const value = await vscode.window.showInputBox({
    title: 'Change Quantity',
    prompt: `Now ${now} seat(s). ${state.refundableQuantity} can be removed: seats can be removed only within seven days of being added.`,
    value: String(now),
    validateInput: (text) => {
      const n = Number(text.trim());
      const checked = requestAvailability({ action: 'quantity', quantity: n }, state);
      return checked.offered ? undefined : checked.reason;
    },
  });
  return value === undefined ? undefined : Number(value.trim());
}

export async function askBillingCycle(state: SubscriptionState): Promise<string | undefined> {
  const other = state.billingCycle?.toLowerCase() === 'monthly' ? 'annual' : 'monthly';
  const picked = await vscode.window.showQuickPick(
    [
      {
        label: other,
        description: `instead of ${state.billingCycle ?? '?'}, for the rest of the ${state.termDuration ?? ''} term`,
      },
    ],
    { title: 'Change Billing Cycle' },
  );
  return picked?.label;
}

/**
 * The next term's instructions (create-scheduled-changes.md: product {productId, skuId,
 * availabilityId, billingCycle, termDuration} and quantity), picked from the customer's catalog:
 * a SKU of the subscription's product, one of its terms, then the quantity.
 */
export async function askSchedule(
  client: PartnerCenterClient,
  customerId: string,
  offerId: string | undefined,
  state: SubscriptionState,
): Promise<JsonObject | undefined> {
  const productId = offerId?.split(':')[0];
  if (!productId) {
    void vscode.window.showWarningMessage('Partner Center: the subscription names no catalog product to schedule from.');
    return undefined;
  }
  const catalog = client.catalog.forCustomer(customerId);
  const skus = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Partner Center: reading the catalog…' },
    () => catalog.skus(productId),
  );
  const sku = await vscode.window.showQuickPick(
    skus.map((s) => ({ label: s.title ?? s.id, description: `${productId}:${s.id}`, sku: s })),
    { title: 'Schedule Changes for Next Term (1/3): product and SKU' },
  );
  if (!sku) return undefined;
  const availabilities = await catalog.availabilities(productId, sku.sku.id);
  const terms = availabilities.flatMap((a) =>
    (a.terms ?? []).map((t) => ({
      label: `${t.duration}, billed ${t.billingCycle}`,
      description: a.id,
      availabilityId: a.id,
      termDuration: t.duration,
      billingCycle: t.billingCycle,
    })),
  );
  const term = await vscode.window.showQuickPick(terms, {
    title: 'Schedule Changes for Next Term (2/3): term and billing cycle',
  });
  if (!term) return undefined;
  const quantity = await vscode.window.showInputBox({
    title: 'Schedule Changes for Next Term (3/3): quantity',
    value: String(state.quantity ?? 1),
    validateInput: (text) => (/^[1-9]\d*$/.test(text.trim()) ? undefined : 'A whole number of at least 1.'),
  });
  if (quantity === undefined) return undefined;
  return {
    product: {
      productId,
      skuId: sku.sku.id,
      availabilityId: term.availabilityId,
      billingCycle: term.billingCycle,
      termDuration: term.termDuration,
    },
    quantity: Number(quantity.trim()),
  };
}
