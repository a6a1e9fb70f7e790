// The messages between the extension and the language server, defined once and imported by both
// sides (esbuild bundles this file into each). The server never holds a token: whatever it needs
// from Partner Center it asks the extension for through these requests, and the extension answers
// with its signed-in API client and its cache.
import { NotificationType, NotificationType0, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import { type CatalogAvailability, type CatalogItemInfo, type CustomerSummary } from './language/catalog';

/** Sent by the extension after start and whenever settings change: where the server may look. */
export interface ServerSettings {
  /** Extra glob → request kind associations from `partnerCenter.requestFiles`. */
  requestFiles: Record<string, string>;
}

export namespace ServerStatusNotification {
  /** Sent by the server when it is ready (and after any state change worth showing in the status bar). */
  export const method = 'partnerCenter/serverStatus' as const;
  export const type = new NotificationType<{ ready: boolean; message?: string }>(method);
}

export namespace ServerInfoRequest {
  /** Sent by the extension (and the tests) to ask which request kinds the server knows, for diagnostics of the wiring. */
  export const method = 'partnerCenter/serverInfo' as const;
  export const type = new RequestType0<{ version: string; kinds: string[] }, void>(method);
}

export namespace DidChangeServerSettingsNotification {
  /** Sent by the extension at start (also as `initializationOptions`) and when `partnerCenter.requestFiles` changes; the server revalidates open documents. */
  export const method = 'partnerCenter/didChangeSettings' as const;
  export const type = new NotificationType<ServerSettings>(method);
}

export namespace CatalogChangedNotification {
  /** Sent by the extension when sign-in, environment or catalog data changed: the server drops what it cached and revalidates. */
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
  /** Sent by the server before validating a document with catalog item ids: what are these items? */
  export const method = 'partnerCenter/catalog/resolveItems' as const;
  export const type = new RequestType<ResolveCatalogItemsParams, ResolveCatalogItemsResult, void>(method);
}

export namespace ListCatalogItemsRequest {
  /** Sent by the server for catalog item id completion: everything the account can buy. */
  export const method = 'partnerCenter/catalog/listItems' as const;
  export const type = new RequestType0<CatalogAvailability & { items: CatalogItemInfo[] }, void>(method);
}

export namespace ListCustomersRequest {
  /** Sent by the server for customer id completion (`referenceCustomerId`). */
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
