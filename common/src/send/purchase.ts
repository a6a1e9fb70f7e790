// What a purchase confirmation shows: where it goes (environment), for whom (customer name and
// domain) and each line (product, quantity, term, billing cycle, price where known). Built from the
// document's lines, or from the cart the service priced, so the person sees what will be bought.
import { type Cart } from '../api';
import { type RequestKind } from '../requestKinds';
import { isObject, numberProp, prop, stringProp } from './jsonValues';

export type EnvironmentKind = 'production' | 'sandbox' | 'emulator';

export interface EnvironmentInfo {
  kind: EnvironmentKind;
  /** "Emulator (http://127.0.0.1:8787)", "Global", ... */
  label: string;
}

export interface PurchaseLine {
  /** The line item's number; absent for a subscription, which is one thing, not a line of an order. */
  number?: number;
  /** The product's name when the catalog told us, else the catalog item id. */
  product: string;
  catalogItemId?: string;
  quantity?: number;
  termDuration?: string;
  billingCycle?: string;
  /** Total for the line, when the service priced it. */
  price?: number;
  currency?: string;
  /** What the service says is wrong with the line (cart previews). */
  error?: string;
}

export interface FieldChange {
  path: string;
  from: unknown;
  to: unknown;
}

export interface PurchaseSummary {
  /** "Place order", "Check out cart", "Update subscription". */
  action: string;
  environment: EnvironmentInfo;
  customer: { id: string; name?: string; domain?: string };
  lines: PurchaseLine[];
  /** For updates: the fields that change. */
  changes?: FieldChange[];
  /** What the change does besides itself, in the docs' words ("this removes your scheduled changes", refunds). */
  consequences?: string[];
  total?: { amount: number; currency?: string };
  /** For writes that are not a known kind of purchase: the call itself, since it has no lines to list. */
  request?: { method: string; path: string; body?: unknown };
  /** Things the person should know before saying yes (an earlier interrupted send, ...). */
  warnings?: string[];
}

/** The lines of a document of a kind that has lines (orders, carts); the order's billing cycle applies to each line. */
export function linesFromDocument(
  kind: RequestKind,
  body: unknown,
  names: ReadonlyMap<string, string> = new Map(),
): PurchaseLine[] {
  const shape = kind.lineItems;
  const raw = shape ? prop(body, shape.property) : undefined;
  if (!shape || !Array.isArray(raw)) return [];
  const documentCycle = shape.billingCycleOn === 'document' ? stringProp(body, 'billingCycle') : undefined;
  return raw.filter(isObject).map((line, index) => {
    const item = stringProp(line, shape.catalogItemProperty);
    return {
      number: numberProp(line, shape.numberProperty) ?? index,
      product: productLabel(item, names, stringProp(line, 'friendlyName')),
      catalogItemId: item,
      quantity: numberProp(line, 'quantity'),
      termDuration: stringProp(line, 'termDuration'),
      billingCycle: documentCycle ?? stringProp(line, 'billingCycle'),
    };
  });
}

/** The lines of a cart as the service returned it: prices and per-line errors included. */
export function linesFromCart(cart: Cart, names: ReadonlyMap<string, string> = new Map()): PurchaseLine[] {
  return (cart.lineItems ?? []).map((line, index) => ({
    number: typeof line.id === 'number' ? line.id : index,
    product: productLabel(line.catalogItemId, names, line.friendlyName),
    catalogItemId: line.catalogItemId,
    quantity: line.quantity,
    termDuration: line.termDuration,
    billingCycle: line.billingCycle,
    price: line.pricing?.extendedPrice ?? line.pricing?.price,
    currency: line.currencyCode,
    error: line.error ? `${line.error.errorCode ?? ''} ${line.error.errorDescription ?? ''}`.trim() : undefined,
  }));
}

export function totalOf(lines: readonly PurchaseLine[]): PurchaseSummary['total'] {
  if (lines.length === 0 || lines.some((l) => l.price === undefined)) return undefined;
  const amount = Math.round(lines.reduce((sum, l) => sum + (l.price ?? 0), 0) * 100) / 100;
  return { amount, currency: lines.find((l) => l.currency)?.currency };
}

function productLabel(item: string | undefined, names: ReadonlyMap<string, string>, friendlyName?: string): string {
  if (!item) return friendlyName ?? '(no product)';
  const name = names.get(item.split(':')[0].toUpperCase()) ?? names.get(item);
  return name ? `${name} (${item})` : friendlyName ? `${friendlyName} (${item})` : item;
}

const ENVIRONMENT_WORDS: Record<EnvironmentKind, string> = {
  production: 'PRODUCTION: real money',
  sandbox: 'integration sandbox',
  emulator: 'local emulator: no money is spent',
};

/** One line per line item. */
function describeLine(line: PurchaseLine): string {
  const parts = [`${line.quantity ?? '?'} × ${line.product}`];
  if (line.termDuration) parts.push(`term ${line.termDuration}`);
  if (line.billingCycle) parts.push(`billed ${line.billingCycle}`);
  if (line.price !== undefined) parts.push(`${formatMoney(line.price, line.currency)}`);
  const text = `${line.number === undefined ? 'Subscription' : `Line ${line.number}`}: ${parts.join(', ')}`;
  return line.error ? `${text} (error: ${line.error})` : text;
}

/**
 * What a purchase confirmation says, in the words the extension's modal and the CLI both show:
 * the headline is the question (the modal's message), the details follow it line by line.
 */
export interface ConfirmationText {
  headline: string;
  details: string[];
}

export function confirmationText(summary: PurchaseSummary): ConfirmationText {
  const customer = summary.customer.name
    ? `${summary.customer.name}${summary.customer.domain ? ` (${summary.customer.domain})` : ''}`
    : summary.customer.id;
  const details = [
    `Environment: ${summary.environment.label} (${ENVIRONMENT_WORDS[summary.environment.kind]})`,
    `Customer id: ${summary.customer.id}`,
    ...summary.lines.map(describeLine),
    ...(summary.changes ?? []).map((c) => `Change ${c.path}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`),
    ...(summary.consequences ?? []).map((c) => `Consequence: ${c}`),
    ...describeRequest(summary.request),
  ];
  if (summary.total) details.push(`Total: ${formatMoney(summary.total.amount, summary.total.currency)}`);
  for (const w of summary.warnings ?? []) details.push(`Note: ${w}`);
  return { headline: `${summary.action} for ${customer}`, details };
}

/** The confirmation as one text, as the CLI prints it. */
export function describeSummary(summary: PurchaseSummary): string {
  const { headline, details } = confirmationText(summary);
  return [headline, ...details].join('\n');
}

/** The call of a generic write, its body shortened so a dialog stays readable. */
function describeRequest(request: PurchaseSummary['request']): string[] {
  if (!request) return [];
  const body = request.body === undefined ? '' : JSON.stringify(request.body);
  return [
    `Request: ${request.method} ${request.path}`,
    ...(body ? [`Body: ${body.length > 600 ? `${body.slice(0, 600)}…` : body}`] : []),
  ];
}

function formatMoney(amount: number, currency?: string): string {
  return `${amount.toFixed(2)}${currency ? ` ${currency}` : ''}`;
}
