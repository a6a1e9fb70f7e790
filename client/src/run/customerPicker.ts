// The customer a document is sent for, when the document names none: remembered per document, else
// picked from a searchable list with the explorer's selection first. The list loads page by page
// in the background so the first customers show at once even for partners with thousands.
import * as vscode from 'vscode';
import { type Customer, type PartnerCenterClient } from '../../../common/src/api';

const MEMORY_KEY = 'partnerCenter.send.customerByDocument';
const MAX_LISTED = 2000;

export class CustomerMemory {
  constructor(private readonly state: vscode.Memento) {}

  get(uri: vscode.Uri): string | undefined {
    return this.state.get<Record<string, string>>(MEMORY_KEY, {})[uri.toString()];
  }

  async set(uri: vscode.Uri, customerId: string): Promise<void> {
    const all = { ...this.state.get<Record<string, string>>(MEMORY_KEY, {}), [uri.toString()]: customerId };
    await this.state.update(MEMORY_KEY, all);
  }
}

interface CustomerItem extends vscode.QuickPickItem {
  customerId: string;
}

export async function pickCustomer(
  client: PartnerCenterClient,
  preferredId: string | undefined,
  token?: vscode.CancellationToken,
): Promise<string | undefined> {
  const pick = vscode.window.createQuickPick<CustomerItem>();
  pick.title = 'Send to which customer?';
  pick.placeholder = 'Type to search customers by name, domain or id';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  pick.busy = true;
  const controller = new AbortController();
  const items: CustomerItem[] = [];
  const toItem = (c: Customer): CustomerItem => ({
    customerId: c.id,
    label: c.companyProfile?.companyName ?? c.id,
    description: c.companyProfile?.domain,
    detail: c.id === preferredId ? `${c.id} · selected in the explorer` : c.id,
  });
  const load = (async () => {
    try {
      for await (const page of client.customers.pages({ signal: controller.signal })) {
        items.push(...page.items.map(toItem));
        const preferred = items.filter((i) => i.customerId === preferredId);
        pick.items = [...preferred, ...items.filter((i) => i.customerId !== preferredId)];
        if (preferred.length > 0) pick.activeItems = preferred;
        if (items.length >= MAX_LISTED) break;
      }
    } catch (err) {
      if (!controller.signal.aborted) {
        pick.placeholder = `Could not list customers: ${err instanceof Error ? err.message : String(err)}`;
      }
    } finally {
      pick.busy = false;
    }
  })();
  const chosen = await new Promise<string | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]?.customerId));
    pick.onDidHide(() => resolve(undefined));
    token?.onCancellationRequested(() => resolve(undefined));
    pick.show();
  });
  controller.abort();
  pick.dispose();
  await load;
  return chosen;
}
