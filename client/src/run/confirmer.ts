// Every question the run-request command asks a person, behind one interface. The default asks
// with modal dialogs, in the core's words (common/src/send/purchase.ts confirmationText) so the CLI
// says the same; the integration tests replace it through the test host (testRunHost.ts), as a
// modal cannot be clicked in a headless extension host, and check what it was asked to show.
import * as vscode from 'vscode';
import { type PartnerCenterClient } from '../../../common/src/api';
import { type JournalEntry } from '../../../common/src/send/journal';
import { confirmationText, type PurchaseSummary } from '../../../common/src/send/purchase';
import { pickCustomer } from './customerPicker';

export interface Confirmer {
  /** The purchase confirmation. `typed`: the customer's domain must be typed (production). */
  confirmPurchase(summary: PurchaseSummary, options: { typed: boolean }): Promise<boolean>;
  /** A read from a document with errors: send anyway? */
  confirmReadWithErrors(errorCount: number): Promise<boolean>;
  /** The customer for a document that names none; `preferredId` is the explorer's selection. */
  pickCustomer(client: PartnerCenterClient, preferredId: string | undefined): Promise<string | undefined>;
  /** Forget an interrupted send that can no longer be checked? (Optional for older test confirmers.) */
  confirmDiscard?(entry: JournalEntry): Promise<boolean>;
}

export const modalConfirmer: Confirmer = {
  async confirmPurchase(summary, { typed }) {
    // The words are the core's, so the CLI says the same of the same purchase; this only asks.
    const { headline, details } = confirmationText(summary);
    const action = summary.action;
    const choice = await vscode.window.showWarningMessage(`${headline}?`, { modal: true, detail: details.join('\n') }, action);
    if (choice !== action) return false;
    if (!typed) return true;
    const domain = summary.customer.domain ?? summary.customer.id;
    const typedValue = await vscode.window.showInputBox({
      title: `${action} in production`,
      prompt: `Type the customer's domain, ${domain}, to confirm.`,
      placeHolder: domain,
      ignoreFocusOut: true,
      validateInput: (v) =>
        v.trim() === '' || v.trim().toLowerCase() === domain.toLowerCase() ? undefined : `Type ${domain} exactly.`,
    });
    return typedValue?.trim().toLowerCase() === domain.toLowerCase();
  },
  async confirmReadWithErrors(errorCount) {
    const send = 'Send Anyway';
    const choice = await vscode.window.showWarningMessage(
      `The request has ${errorCount} error(s). It only reads, so it cannot change anything. Send it anyway?`,
      { modal: true },
      send,
    );
    return choice === send;
  },
  pickCustomer: (client, preferredId) => pickCustomer(client, preferredId),
  async confirmDiscard(entry) {
    const discard = 'Discard';
    const detail = [
      `${entry.method} ${entry.path}`,
      `Customer id: ${entry.customerId}`,
      `Started: ${entry.startedAt}`,
      `Request id: ${entry.requestId}`,
      ...(entry.documentUri ? [`Document: ${entry.documentUri}`] : []),
      '',
      'Partner Center will not be asked about it again. If it was in fact made, sending the same document again buys again.',
    ].join('\n');
    const choice = await vscode.window.showWarningMessage(
      `Discard the interrupted ${entry.purpose} send for customer ${entry.customerId}?`,
      { modal: true, detail },
      discard,
    );
    return choice === discard;
  },
};
