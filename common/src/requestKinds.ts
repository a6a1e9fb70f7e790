// The one table of request kinds. Each row says everything about a kind of request document: which
// files it covers, which bundled schema validates it, and where and how it is sent. The language
// server, the completions, the CLI and the run-request command all read this table, so adding a
// kind is adding a row.
import { minimatch } from 'minimatch';

export type RequestKindId = 'order' | 'cart' | 'subscription' | 'customer';

export interface RequestKind {
  id: RequestKindId;
  /** Shown to people: "Order", "Cart", ... */
  title: string;
  /** Glob patterns (matched against the file name) that make a document this kind. */
  filePatterns: string[];
  /** Bundled schema file under `schemas/`. */
  schemaFile: string;
  /** The `$id` of that schema; a document's `$schema` naming it selects this kind. */
  schemaId: string;
  /** How a document of this kind is sent. `{customerId}` and `{subscriptionId}` are filled in. */
  send: { method: 'POST' | 'PATCH' | 'PUT'; pathTemplate: string; spendsMoney: boolean };
}

const SCHEMA_BASE = 'https://partner-center-vscode.local/schemas/';

export const requestKinds: readonly RequestKind[] = [
  {
    id: 'order',
    title: 'Order',
    filePatterns: ['*.order.json'],
    schemaFile: 'order.schema.json',
    schemaId: `${SCHEMA_BASE}order.schema.json`,
    send: { method: 'POST', pathTemplate: '/v1/customers/{customerId}/orders', spendsMoney: true },
  },
  {
    id: 'cart',
    title: 'Cart',
    filePatterns: ['*.cart.json'],
    schemaFile: 'cart.schema.json',
    schemaId: `${SCHEMA_BASE}cart.schema.json`,
    send: { method: 'POST', pathTemplate: '/v1/customers/{customerId}/carts', spendsMoney: false },
  },
  {
    id: 'subscription',
    title: 'Subscription update',
    filePatterns: ['*.subscription.json'],
    schemaFile: 'subscription.schema.json',
    schemaId: `${SCHEMA_BASE}subscription.schema.json`,
    send: { method: 'PATCH', pathTemplate: '/v1/customers/{customerId}/subscriptions/{subscriptionId}', spendsMoney: true },
  },
  {
    id: 'customer',
    title: 'New customer',
    filePatterns: ['*.customer.json'],
    schemaFile: 'customer.schema.json',
    schemaId: `${SCHEMA_BASE}customer.schema.json`,
    send: { method: 'POST', pathTemplate: '/v1/customers', spendsMoney: false },
  },
];

/** Every file pattern of every kind, for document selectors and activation. */
export function allRequestFilePatterns(): string[] {
  return requestKinds.flatMap((kind) => kind.filePatterns);
}

/** File patterns match the file name, or the whole path when they contain a slash. */
function matchesGlob(path: string, glob: string): boolean {
  return minimatch(path, glob, { matchBase: !glob.includes('/'), nocase: true, dot: true });
}

/**
 * The kind of a document: a `$schema` naming a bundled schema wins, then the kinds' own file
 * patterns, then extra patterns the user configured (`partnerCenter.requestFiles`).
 */
export function requestKindFor(uriOrPath: string, schemaRef?: string, extraPatterns: Record<string, RequestKindId> = {}): RequestKind | undefined {
  if (schemaRef) {
    const bySchema = requestKinds.find((kind) => schemaRef === kind.schemaId || schemaRef.endsWith(`/${kind.schemaFile}`) || schemaRef === kind.schemaFile);
    if (bySchema) return bySchema;
  }
  const path = decodeURIComponent(uriOrPath.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''));
  const byPattern = requestKinds.find((kind) => kind.filePatterns.some((glob) => matchesGlob(path, glob)));
  if (byPattern) return byPattern;
  const extra = Object.entries(extraPatterns).find(([glob]) => matchesGlob(path, glob));
  return extra ? requestKinds.find((kind) => kind.id === extra[1]) : undefined;
}
