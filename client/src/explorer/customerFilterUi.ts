// How the Customers view's filter is asked for and shown: the field and text it starts with, a
// short mark in the view's description (the full sentence does not fit the default sidebar width,
// issue 12) and the full sentence in the view's message.
import * as vscode from 'vscode';
import { type CustomerFilter, filterFieldWords } from './CustomersRootNode';

const filterFields = [
  { label: 'Company name', field: 'CompanyName' as const, description: 'starts with…' },
  { label: 'Domain', field: 'Domain' as const, description: 'starts with…' },
];
type AskedField = (typeof filterFields)[number]['field'];

/**
 * The filter to apply, from the command's arguments or, where they are missing, from the person.
 * Arguments are used only when they are a field name and a text: a title-bar button is handed
 * the selected tree item, which must not be taken for a field (issue 12).
 */
export async function askCustomerFilter(
  current: CustomerFilter | undefined,
  field: unknown,
  value: unknown,
): Promise<CustomerFilter | undefined> {
  let chosen: AskedField | undefined = filterFields.find((f) => f.field === field)?.field;
  chosen ??= (await vscode.window.showQuickPick(filterFields, { title: 'Filter customers by' }))?.field;
  if (!chosen) return undefined;
  let text = chosen === field && typeof value === 'string' ? value : undefined;
  text ??= await vscode.window.showInputBox({
    title: 'Filter customers',
    prompt: `Customers whose ${filterFieldWords[chosen]} starts with`,
    value: current?.value,
  });
  return text === undefined ? undefined : { field: chosen, value: text };
}

/** The whole filter in words: `company name starts with "Contoso"`. */
export function describeFilter(filter: CustomerFilter): string {
  return `${filterFieldWords[filter.field]} starts with "${filter.value}"`;
}

/** Shows the filter on the view: a short mark in the description, the whole filter in the message. */
export function showFilterOnView(
  view: vscode.TreeView<unknown>,
  connectionLabel: string,
  filter: CustomerFilter | undefined,
  signedIn: boolean,
): void {
  view.description = [connectionLabel, filter && 'filtered'].filter(Boolean).join(' · ');
  // Not signed in, the view is empty so it shows its welcome (sign in, try the emulator), which a
  // message would hide.
  view.message = filter && signedIn ? `Customers whose ${describeFilter(filter)}.` : undefined;
  void vscode.commands.executeCommand('setContext', 'partnerCenter.customersFiltered', filter !== undefined);
}
