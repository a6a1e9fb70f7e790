// The extension's side of the catalog protocol: the language server asks, the CatalogSource
// (API client + cache) answers. Failures answer "catalog off" with the reason, never an error.
import { type Disposable } from 'vscode';
import { type LanguageClient } from 'vscode-languageclient/node';
import { type CatalogSource } from '../../../common/src/language/catalog';
import { ListCatalogItemsRequest, ListCustomersRequest, ResolveCatalogItemsRequest } from '../../../common/src/protocol';

function reasonOf(err: unknown): string {
  return `the catalog could not be reached (${err instanceof Error ? err.message : String(err)}).`;
}

export function registerCatalogHandlers(client: LanguageClient, catalog: CatalogSource): Disposable[] {
  return [
    client.onRequest(ResolveCatalogItemsRequest.type, async ({ ids }) => {
      try {
        return await catalog.resolveItems(ids);
      } catch (err) {
        return { available: false, reason: reasonOf(err), items: {} };
      }
    }),
    client.onRequest(ListCatalogItemsRequest.type, async () => {
      try {
        return await catalog.listItems();
      } catch (err) {
        return { available: false, reason: reasonOf(err), items: [] };
      }
    }),
    client.onRequest(ListCustomersRequest.type, async () => {
      try {
        return await catalog.listCustomers();
      } catch (err) {
        return { available: false, reason: reasonOf(err), customers: [] };
      }
    }),
  ];
}
