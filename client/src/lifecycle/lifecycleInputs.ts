// What a lifecycle action asks before it proposes anything: the new quantity (checked as you type
// against the seats that can still be removed), the next term's product, term, billing cycle and
// quantity (from the catalog, for this customer), the billing cycle, the upgrade target. Undefined: the person gave up.
import * as vscode from 'vscode';
import { type PartnerCenterClient } from '../../../common/src/api';
import { requestAvailability } from '../../../common/src/lifecycle/actions';
import { type SubscriptionState } from '../../../common/src/lifecycle/subscriptionState';
import { type UpgradeRequest, type UpgradeTarget } from '../../../common/src/lifecycle/upgrade';
import { type JsonObject } from '../../../common/src/send/jsonValues';
import { apiPart } from '../parts';

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

/**
 * Upgrade…: the targets of GET transitionEligibilities (immediate), eligible ones to pick, the
 * others listed with the service's reason (picking one says it again and asks nothing more); then
 * how many seats move (all: the subscription itself changes offer; fewer: a new subscription).
 */
export async function askUpgrade(
  client: PartnerCenterClient,
  target: { customerId: string; subscriptionId: string },
  state: SubscriptionState,
): Promise<UpgradeRequest | undefined> {
  const { targets, read } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Partner Center: reading the upgrade paths…' },
    () => apiPart().readUpgradeTargets({ client }, target),
  );
  if (read.outcome !== 'ok') {
    void vscode.window.showWarningMessage(
      `Partner Center: could not read the upgrade paths (${read.error?.message ?? read.status ?? read.outcome}).`,
    );
    return undefined;
  }
  if (targets.length === 0) {
    void vscode.window.showInformationMessage('Partner Center: this subscription has no upgrade paths.');
    return undefined;
  }
  const eligible = targets.filter((t) => t.eligibleTypes.length > 0);
  const blocked = targets.filter((t) => t.eligibleTypes.length === 0);
  type Item = vscode.QuickPickItem & { target?: UpgradeTarget };
  const items: Item[] = [
    ...eligible.map((t) => ({ label: `$(arrow-up) ${t.title ?? t.catalogItemId}`, description: t.catalogItemId, target: t })),
    ...(blocked.length ? [{ label: 'Not eligible now', kind: vscode.QuickPickItemKind.Separator }] : []),
    ...blocked.map((t) => ({
      label: `$(circle-slash) ${t.title ?? t.catalogItemId}`,
      description: t.catalogItemId,
      detail: t.reason,
      target: t,
    })),
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: 'Upgrade (1/2): target',
    placeHolder: eligible.length ? 'Upgrade to…' : 'No target is eligible now',
  });
  if (!picked?.target) return undefined;
  if (picked.target.eligibleTypes.length === 0) {
    void vscode.window.showWarningMessage(
      `Partner Center: not eligible for ${picked.label.replace(/^\$\([^)]*\) /, '')}: ${picked.target.reason}`,
    );
    return undefined;
  }
  const seats = state.quantity ?? 0;
  const quantity = await vscode.window.showInputBox({
    title: 'Upgrade (2/2): seats that move',
    prompt: `All ${seats}: this subscription changes offer. Fewer: they move into a new subscription.`,
    value: String(seats),
    validateInput: (text) => {
      const n = Number(text.trim());
      return Number.isInteger(n) && n >= 1 && n <= seats ? undefined : `A whole number from 1 to ${seats}.`;
    },
  });
  if (quantity === undefined) return undefined;
  return { toCatalogItemId: picked.target.catalogItemId, quantity: Number(quantity.trim()) };
}
