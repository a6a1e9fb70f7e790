// The messages between the extension and the language server, defined once and imported by both
// sides (esbuild bundles this file into each). The server never holds a token: whatever it needs
// from Partner Center it asks the extension for through these requests, and the extension answers
// with its signed-in API client and its cache.
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import { type CatalogAvailability, type CatalogItemInfo, type CustomerSummary } from './language/catalog';

/** The settings the server reads: which files, besides the built-in patterns, are request documents. */
export interface ServerSettings {
  /** Extra glob → request kind associations from `partnerCenter.requestFiles`. */
  requestFiles: Record<string, string>;
}

export namespace ServerStatusNotification {
  /** Sent by the server once, on `initialized`: it takes requests now. The extension waits for it before Check This Document Once. */
  export const method = 'partnerCenter/serverStatus' as const;
  export const type = new NotificationType<{ ready: boolean }>(method);
}

export namespace ServerInfoRequest {
  /** Sent by the tests (the extension does not ask it): the server's version and the request kinds it knows, to check the wiring. */
  export const method = 'partnerCenter/serverInfo' as const;
  export const type = new RequestType0<{ version: string; kinds: string[] }, void>(method);
}

export namespace DidChangeServerSettingsNotification {
  /** Sent by the extension when `partnerCenter.requestFiles` changes (at start the settings go in `initializationOptions`); the server revalidates open documents. */
  export const method = 'partnerCenter/didChangeSettings' as const;
  export const type = new NotificationType<ServerSettings>(method);
}

export namespace CatalogChangedNotification {
  /** Sent by the extension when its connection changed (sign-in, sign-out, another environment): the server drops the catalog answers it cached and revalidates. */
  export const method = 'partnerCenter/catalogChanged' as const;
  export const type = new NotificationType0(method);
}

export interface ResolveCatalogItemsParams {
  /** Catalog item ids (PRODUCT:SKU:AVAILABILITY) named by an open document. */
  ids: string[];
}

export interface ResolveCatalogItemsResult extends CatalogAvailability {
  /** By id as asked; null = the catalog has no such item; ids it could not look up are left out. */
  items: Record<string, CatalogItemInfo | null>;
}

export namespace ResolveCatalogItemsRequest {
  /** Sent by the server before validating a document with catalog item ids (as you type, and Check This Document Once): what are these items? */
  export const method = 'partnerCenter/catalog/resolveItems' as const;
  export const type = new RequestType<ResolveCatalogItemsParams, ResolveCatalogItemsResult, void>(method);
}

export namespace ListCatalogItemsRequest {
  /** Sent by the server for catalog item id completion: everything the account can buy. */
  export const method = 'partnerCenter/catalog/listItems' as const;
  export const type = new RequestType0<CatalogAvailability & { items: CatalogItemInfo[] }, void>(method);
}

export namespace ListCustomersRequest {
  /** Sent by the server for customer id completion (the kinds' `customerIdProperty`, today an order's `referenceCustomerId`). */
  export const method = 'partnerCenter/catalog/listCustomers' as const;
  export const type = new RequestType0<CatalogAvailability & { customers: CustomerSummary[] }, void>(method);
}

export interface CheckDocumentOnceParams {
  uri: string;
}

export interface CheckDocumentOnceResult {
  /** False when the document is not open in the server or is not a request document. */
  checked: boolean;
  /** How many diagnostics the check published. */
  diagnostics: number;
}

export namespace CheckDocumentOnceRequest {
  /** Sent by the extension (Check This Document Once): check the document whatever its size and publish the diagnostics; the size limit is for checking while typing only. */
  export const method = 'partnerCenter/checkDocumentOnce' as const;
  export const type = new RequestType<CheckDocumentOnceParams, CheckDocumentOnceResult, void>(method);
}
