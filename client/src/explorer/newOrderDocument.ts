// "New Order for This Customer": an untitled `*.order.json` (so the language server checks it)
// filled from the bundled new-commerce order snippet, with the customer already in place.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { type Customer } from '../../../common/src/api';

const ORDER_SNIPPET_PREFIX = 'pc-order';

async function orderSnippetBody(extensionUri: vscode.Uri): Promise<string> {
  const file = vscode.Uri.joinPath(extensionUri, 'snippets', 'requests.code-snippets').fsPath;
  const snippets = JSON.parse(await readFile(file, 'utf8')) as Record<
    string,
    { prefix: string | string[]; body: string | string[] }
  >;
  const snippet = Object.values(snippets).find((s) => ([] as string[]).concat(s.prefix).includes(ORDER_SNIPPET_PREFIX));
  if (!snippet) throw new Error(`The bundled snippets have no "${ORDER_SNIPPET_PREFIX}" snippet.`);
  return ([] as string[]).concat(snippet.body).join('\n');
}

/** Puts `referenceCustomerId` first in the snippet's object, keeping the snippet's own tab stops. */
export function withCustomer(snippetBody: string, customerId: string): string {
  const escaped = customerId.replace(/[$}\\]/g, '\\$&');
  return snippetBody.replace(/^\{\s*\n/, (open) => `${open}\t"referenceCustomerId": "${escaped}",\n`);
}

export async function openNewOrderDocument(extensionUri: vscode.Uri, customer: Customer): Promise<vscode.TextEditor> {
  const body = withCustomer(await orderSnippetBody(extensionUri), customer.id);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const slug = (customer.companyProfile?.domain ?? customer.id)
    .split('.')[0]!
    .replace(/[^a-z0-9-]+/gi, '-')
    .toLowerCase();
  const name = `new-${slug}.order.json`;
  const uri = folder
    ? vscode.Uri.joinPath(folder, name).with({ scheme: 'untitled' })
    : vscode.Uri.from({ scheme: 'untitled', path: name });
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await vscode.languages.setTextDocumentLanguage(document, 'json');
  await editor.insertSnippet(new vscode.SnippetString(body), new vscode.Range(0, 0, document.lineCount, 0));
  return editor;
}
