// Every question the run-request command asks a person, behind one interface. The default asks
// with modal dialogs; the integration tests replace it through the extension API (a modal cannot be
// clicked in a headless workbench) and check what it was asked to show.
import * as vscode from 'vscode';
import { type PartnerCenterClient } from '../../../common/src/api';
import { describeLine, type PurchaseSummary } from '../../../common/src/send';
import { pickCustomer } from './customerPicker';

export interface Confirmer {
  /** The purchase confirmation. `typed`: the customer's domain must be typed (production). */
  confirmPurchase(summary: PurchaseSummary, options: { typed: boolean }): Promise<boolean>;
  /** A read from a document with errors: send anyway? */
  confirmReadWithErrors(errorCount: number): Promise<boolean>;
  /** The customer for a document that names none; `preferredId` is the explorer's selection. */
  pickCustomer(client: PartnerCenterClient, preferredId: string | undefined): Promise<string | undefined>;
}

export const modalConfirmer: Confirmer = {
  async confirmPurchase(summary, { typed }) {
    const where = summary.environment.kind === 'production' ? 'PRODUCTION — this spends real money'
      : summary.environment.kind === 'sandbox' ? 'integration sandbox' : 'local emulator — no money is spent';
    const customer = summary.customer.name ? `${summary.customer.name} (${summary.customer.domain ?? summary.customer.id})` : summary.customer.id;
    const detail = [
      `Environment: ${summary.environment.label} (${where})`,
      `Customer: ${customer}`,
      `Customer id: ${summary.customer.id}`,
      '',
      ...summary.lines.map(describeLine),
      ...(summary.changes ?? []).map((c) => `Change ${c.path}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`),
      ...(summary.total ? [`Total: ${summary.total.amount.toFixed(2)} ${summary.total.currency ?? ''}`] : []),
      ...(summary.warnings ?? []).map((w) => `\nNote: ${w}`),
    ].join('\n');
    const action = summary.action;
    const choice = await vscode.window.showWarningMessage(`${action} for ${customer}?`, { modal: true, detail }, action);
    if (choice !== action) return false;
    if (!typed) return true;
    const domain = summary.customer.domain ?? summary.customer.id;
    const typedValue = await vscode.window.showInputBox({
      title: `${action} in production`,
      prompt: `Type the customer's domain, ${domain}, to confirm.`,
      placeHolder: domain,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' || v.trim().toLowerCase() === domain.toLowerCase() ? undefined : `Type ${domain} exactly.`),
    });
    return typedValue?.trim().toLowerCase() === domain.toLowerCase();
  },
  async confirmReadWithErrors(errorCount) {
    const send = 'Send Anyway';
    const choice = await vscode.window.showWarningMessage(
      `The request has ${errorCount} error(s). It only reads, so it cannot change anything. Send it anyway?`, { modal: true }, send);
    return choice === send;
  },
  pickCustomer: (client, preferredId) => pickCustomer(client, preferredId),
};
