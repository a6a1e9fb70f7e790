// The one table of request kinds. Each row says everything about a kind of request document: which
// files it covers, which bundled schema validates it, and where and how it is sent. The language
// server, the completions, the CLI and the run-request command all read this table, so adding a
// kind is adding a row.
import { compileFileGlob, type FileGlob, fileGlobMatches } from './language/fileGlob';
import cartSchema from '../../schemas/cart.schema.json';
import customerSchema from '../../schemas/customer.schema.json';
import orderSchema from '../../schemas/order.schema.json';
import requestSchema from '../../schemas/request.schema.json';
import subscriptionSchema from '../../schemas/subscription.schema.json';

export type RequestKindId = 'order' | 'cart' | 'subscription' | 'customer' | 'request';

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
  /** The schema itself (JSON, canonical camelCase names); validators are generated from it ahead of time. */
  schema: object;
  /** How a document of this kind is sent. `{customerId}` and `{subscriptionId}` are filled in. */
  send: SendShape;
  /** Kinds that buy things: where their lines are and how a line names what it buys. */
  lineItems?: LineItemsShape;
  /** Property holding the customer's tenant id, completed from the customer list. */
  customerIdProperty?: string;
  /** Whether Partner Center expects `partnerOnRecordAttestationAccepted: true` on the document. */
  expectsPartnerAttestation: boolean;
  /**
   * Whether response-only fields (ids, status, links) are expected in the body. A subscription
   * PATCH resends the whole resource as read, so there they are normal; in a new order they are noise.
   */
  acceptsReadOnlyFields: boolean;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * Which flow of the sending core (common/src/send/flows.ts) sends a call:
 * - `order`: every line is confirmed, then the call is sent exactly once.
 * - `cart`: the cart is created and its priced preview shown; buying is its checkout, a second,
 *   separately confirmed step (`checkout` below).
 * - `checkout`: the cart is read so the confirmation lists its lines, then checked out exactly once.
 * - `subscription`: the service resets fields a PATCH leaves out (reference §3.3), so the current
 *   resource is read and the document merged over it; the changes are confirmed, then sent once.
 * - `request`: any other write under a customer: the call itself is confirmed and sent once.
 * - `asWritten`: spends nothing; sent as written (a write still keeps one request id across retries).
 */
export type SendFlow = 'order' | 'cart' | 'checkout' | 'subscription' | 'request' | 'asWritten';

/** How the run-request command (common/src/send) sends a document of a kind. */
export interface SendShape {
  /** For `envelope` kinds, the method used when the document names none. */
  method: HttpMethod;
  pathTemplate: string;
  /** A purchase: confirmed with the customer and every line, journaled, sent exactly once. */
  spendsMoney: boolean;
  /**
   * How a call of this kind is sent. A generic `*.request.json` whose method and path are another
   * kind's is sent by that kind's flow when it spends money, as written otherwise; this row's own
   * flow is for the writes under a customer that match no kind.
   */
  flow: SendFlow;
  /** Placeholders of `pathTemplate` other than `{customerId}`, each read from a document property. */
  pathProperties?: Record<string, string>;
  /** What is sent creates something to buy in a second, separately confirmed step (a cart's checkout). */
  checkout?: { pathTemplate: string; spendsMoney: true; flow: 'checkout' };
  /** The document is itself the call: `method`, `path`, `query`, `headers`, `body` (`*.request.json`). */
  envelope?: boolean;
}

export interface LineItemsShape {
  /** Array property of the document that holds the lines. */
  property: string;
  /** Integer property numbering the lines 0..n-1. */
  numberProperty: string;
  /** Property naming what a line buys (a catalog item id, or a legacy offer GUID in orders). */
  catalogItemProperty: string;
  /** Orders carry one billing cycle for the whole document; carts one per line. */
  billingCycleOn: 'document' | 'line';
}

/**
 * Schema ids use their own URI scheme on purpose: VS Code's JSON support also reads `$schema`, and
 * a web URL would make it download (and validate) the schema a second time. The extension serves
 * this scheme with an empty placeholder schema, so every check is reported once, by us.
 */
export const SCHEMA_BASE = 'partner-center:/schemas/';

export const requestKinds: readonly RequestKind[] = [
  {
    id: 'order',
    title: 'Order',
    filePatterns: ['*.order.json'],
    schemaFile: 'order.schema.json',
    schemaId: `${SCHEMA_BASE}order.schema.json`,
    schema: orderSchema,
    send: { method: 'POST', pathTemplate: '/v1/customers/{customerId}/orders', spendsMoney: true, flow: 'order' },
    lineItems: {
      property: 'lineItems',
      numberProperty: 'lineItemNumber',
      catalogItemProperty: 'offerId',
      billingCycleOn: 'document',
    },
    customerIdProperty: 'referenceCustomerId',
    expectsPartnerAttestation: true,
    acceptsReadOnlyFields: false,
  },
  {
    id: 'cart',
    title: 'Cart',
    filePatterns: ['*.cart.json'],
    schemaFile: 'cart.schema.json',
    schemaId: `${SCHEMA_BASE}cart.schema.json`,
    schema: cartSchema,
    send: {
      method: 'POST',
      pathTemplate: '/v1/customers/{customerId}/carts',
      spendsMoney: false,
      flow: 'cart',
      checkout: { pathTemplate: '/v1/customers/{customerId}/carts/{cartId}/checkout', spendsMoney: true, flow: 'checkout' },
    },
    lineItems: { property: 'lineItems', numberProperty: 'id', catalogItemProperty: 'catalogItemId', billingCycleOn: 'line' },
    expectsPartnerAttestation: true,
    acceptsReadOnlyFields: false,
  },
  {
    id: 'subscription',
    title: 'Subscription update',
    filePatterns: ['*.subscription.json'],
    schemaFile: 'subscription.schema.json',
    schemaId: `${SCHEMA_BASE}subscription.schema.json`,
    schema: subscriptionSchema,
    expectsPartnerAttestation: false,
    acceptsReadOnlyFields: true,
    send: {
      method: 'PATCH',
      pathTemplate: '/v1/customers/{customerId}/subscriptions/{subscriptionId}',
      spendsMoney: true,
      flow: 'subscription',
      pathProperties: { subscriptionId: 'id' },
    },
  },
  {
    id: 'customer',
    title: 'New customer',
    filePatterns: ['*.customer.json'],
    schemaFile: 'customer.schema.json',
    schemaId: `${SCHEMA_BASE}customer.schema.json`,
    schema: customerSchema,
    expectsPartnerAttestation: false,
    acceptsReadOnlyFields: false,
    send: { method: 'POST', pathTemplate: '/v1/customers', spendsMoney: false, flow: 'asWritten' },
  },
  {
    id: 'request',
    title: 'Request',
    filePatterns: ['*.request.json'],
    schemaFile: 'request.schema.json',
    schemaId: `${SCHEMA_BASE}request.schema.json`,
    schema: requestSchema,
    expectsPartnerAttestation: false,
    acceptsReadOnlyFields: true,
    // Method and path come from the document; whether it spends money is decided by the kind its
    // path and method match (a POST to .../orders is an order, whatever the file is called).
    send: { method: 'GET', pathTemplate: '/v1', spendsMoney: false, flow: 'request', envelope: true },
  },
];

/**
 * Writes under `/customers/{customerId}/` known to spend nothing. A generic `*.request.json` that
 * makes any OTHER write there (POST, PUT, PATCH or DELETE) is treated as a purchase: confirmed with
 * the customer, journaled and sent exactly once. The default is "spends" because Partner Center has
 * more ways to buy than the kinds above (transitions, upgrades and trial conversions of
 * subscriptions, add-ons by PATCH order, reference §3.2-3.3) and keeps adding them: a write missing
 * from this list costs one confirmation, a purchase missing from a list of purchases costs money.
 */
export const nonSpendingWrites: readonly { method: HttpMethod; pathTemplate: string; why: string }[] = [
  { method: 'POST', pathTemplate: '/v1/customers', why: 'creates a customer (not under a customer; listed for completeness)' },
  { method: 'POST', pathTemplate: '/v1/customers/{customerId}/carts', why: 'creates a cart; its checkout is the purchase' },
  { method: 'PUT', pathTemplate: '/v1/customers/{customerId}/carts/{cartId}', why: 'changes a cart before its checkout' },
  {
    method: 'POST',
    pathTemplate: '/v1/customers/{customerId}/agreements',
    why: "records the customer's acceptance of an agreement",
  },
  { method: 'POST', pathTemplate: '/v1/customers/{customerId}/promotionEligibilities', why: 'asks whether promotions apply' },
  {
    method: 'POST',
    pathTemplate: '/v1/customers/{customerId}/migrations/newcommerce/validate',
    why: 'asks whether a migration would be accepted',
  },
];

export function requestKindById(id: string): RequestKind | undefined {
  return requestKinds.find((kind) => kind.id === id);
}

/** Every file pattern of every kind, for document selectors and activation. */
export function allRequestFilePatterns(): string[] {
  return requestKinds.flatMap((kind) => kind.filePatterns);
}

const compiled = new Map<string, FileGlob | { refused: string }>();

/** A pattern compiled once (the same few are asked about for every document). */
function compiledPattern(glob: string): FileGlob | { refused: string } {
  let entry = compiled.get(glob);
  if (!entry) {
    // Settings hold a handful of patterns; a bound keeps a stream of changing ones from piling up.
    if (compiled.size >= 256) compiled.clear();
    entry = compileFileGlob(glob);
    compiled.set(glob, entry);
  }
  return entry;
}

/**
 * Why a file pattern is ignored, or undefined when it is used. Only simple patterns are matched
 * (`*`, `?`, `[...]`, `**`): see language/fileGlob.ts for why, and for what a pattern means.
 */
export function refusedFilePattern(glob: string): string | undefined {
  const entry = compiledPattern(glob);
  return 'refused' in entry ? entry.refused : undefined;
}

function matchesGlob(path: string, glob: string): boolean {
  const entry = compiledPattern(glob);
  return !('refused' in entry) && fileGlobMatches(entry, path);
}

/** How far into a document its `$schema` is looked for: the lines an editor can read without the whole text. */
const SNIFFED_LINES = 20;

/**
 * The `$schema` a document names on its first lines, read without parsing: the editor decides a
 * document's kind before loading the language service, and the send command without a parse.
 * Line ends become "\n": the pattern's \s matches any of them, and splitting stops at the limit.
 */
function schemaRefIn(text: string): string | undefined {
  return /"\$schema"\s*:\s*"([^"]+)"/.exec(text.split(/\r\n|\r|\n/, SNIFFED_LINES).join('\n'))?.[1];
}

/**
 * The kind of a document, the one place it is decided (the extension, the language server, the
 * CLI and the send command all ask here): a `$schema` on its first lines naming a bundled schema
 * wins, then the kinds' own file patterns, then extra patterns the user configured
 * (`partnerCenter.requestFiles`). `text` may be the whole document or only its first lines.
 */
export function requestKindOf(
  uriOrPath: string,
  text: string,
  extraPatterns: Record<string, string> = {},
): RequestKind | undefined {
  const schemaRef = schemaRefIn(text);
  if (schemaRef) {
    const bySchema = requestKinds.find(
      (kind) => schemaRef === kind.schemaId || schemaRef.endsWith(`/${kind.schemaFile}`) || schemaRef === kind.schemaFile,
    );
    if (bySchema) return bySchema;
  }
  const path = decodeURIComponent(uriOrPath.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, ''));
  const byPattern = requestKinds.find((kind) => kind.filePatterns.some((glob) => matchesGlob(path, glob)));
  if (byPattern) return byPattern;
  const extra = Object.entries(extraPatterns).find(([glob]) => matchesGlob(path, glob));
  return extra ? requestKinds.find((kind) => kind.id === extra[1]) : undefined;
}
