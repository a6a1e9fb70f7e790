// From a request document to the HTTP call it stands for, driven by the request-kinds table: the
// kind's method and path template (or, for a generic `*.request.json`, the document's own), the
// customer the document names, and whether the call spends money. The body is checked with the
// shared language rules here, so a document with errors is never sent, whether or not an editor has
// shown its diagnostics yet (History → Re-send runs before the language server has looked). Nothing
// is sent here.
import { parse, type ParseError, printParseErrorCode } from 'jsonc-parser';
import { type QueryValue } from '../api';
import { type HttpMethod, nonSpendingWrites, type RequestKind, requestKinds } from '../requestKinds';
import { isObject, type JsonObject, keyOf, prop, stringProp } from './jsonValues';
import { customerScope, matchTemplate, placeholders } from './pathTemplate';
import { validateBodyAs } from './bodyValidation';

export interface SendPlan {
  /** The document's kind (`request` for a generic request). */
  kind: RequestKind;
  /** The kind whose rules the call follows: the document's, or the one a generic request's path matches. */
  target?: RequestKind;
  /** Which step of the target kind the call is: its main send or its checkout (generic requests can be either). */
  step: 'send' | 'checkout' | 'other';
  method: HttpMethod;
  /** Path with placeholders still in it; `values` holds those already known. */
  pathTemplate: string;
  values: Record<string, string>;
  query?: Record<string, QueryValue>;
  headers?: Record<string, string>;
  body?: unknown;
  /** The customer the document names (`referenceCustomerId`, or a customer id in a generic path). */
  customerId?: string;
  needsCustomer: boolean;
  spendsMoney: boolean;
  isRead: boolean;
  /** Reasons the document cannot be sent as it is. */
  problems: string[];
}

export function planFromText(text: string, kind: RequestKind): SendPlan {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  const base = emptyPlan(kind);
  if (errors.length > 0) {
    const first = errors[0];
    return { ...base, problems: [`The document is not valid JSON (${printParseErrorCode(first.error)} at offset ${first.offset}).`] };
  }
  if (!isObject(value)) return { ...base, problems: ['The document must be a JSON object.'] };
  return kind.send.envelope ? planEnvelope(value, kind) : planKind(value, kind);
}

function emptyPlan(kind: RequestKind): SendPlan {
  return {
    kind, target: kind, step: 'send', method: kind.send.method, pathTemplate: kind.send.pathTemplate, values: {},
    needsCustomer: false, spendsMoney: kind.send.spendsMoney, isRead: false, problems: [],
  };
}

function planKind(doc: JsonObject, kind: RequestKind): SendPlan {
  const plan = emptyPlan(kind);
  const body = withoutSchemaRef(doc);
  const problems: string[] = [];
  for (const [placeholder, property] of Object.entries(kind.send.pathProperties ?? {})) {
    const v = stringProp(body, property);
    if (v) plan.values[placeholder] = v;
    else problems.push(`The document needs "${property}" (the ${placeholder} to send it to).`);
  }
  problems.push(...validateBodyAs(body, kind));
  const customerId = kind.customerIdProperty ? stringProp(body, kind.customerIdProperty) : undefined;
  return {
    ...plan, body, customerId, problems,
    needsCustomer: placeholders(kind.send.pathTemplate).includes('customerId'),
  };
}

function planEnvelope(doc: JsonObject, kind: RequestKind): SendPlan {
  const problems: string[] = [];
  const methodRaw = stringProp(doc, 'method')?.toUpperCase() ?? kind.send.method;
  const method = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).find((m) => m === methodRaw);
  if (!method) problems.push(`"${methodRaw}" is not a method a request can use (GET, POST, PUT, PATCH, DELETE).`);
  const path = stringProp(doc, 'path');
  if (!path || !path.startsWith('/')) problems.push('The request needs a "path" starting with "/", such as "/v1/customers".');
  const query = scalarMap(prop(doc, 'query'), 'query', problems, false) as Record<string, QueryValue> | undefined;
  const headers = scalarMap(prop(doc, 'headers'), 'headers', problems, true) as Record<string, string> | undefined;
  const bodyKey = keyOf(doc, 'body');
  const body = bodyKey === undefined ? undefined : doc[bodyKey];
  const m = method ?? 'GET';
  const pathTemplate = path ?? kind.send.pathTemplate;
  const match = path && method ? matchKind(m, path) : undefined;
  const scope = path ? customerScope(path) : undefined;
  const values: Record<string, string> = match?.values ?? (scope?.customerId ? { customerId: scope.customerId } : {});
  const target = match?.kind;
  const step = match?.step ?? 'other';
  if (target && step === 'send' && body !== undefined) {
    problems.push(...validateBodyAs(body, target).map((p) => `Body: ${p}`));
  }
  const isRead = m === 'GET';
  // A known kind spends as its row says; any other write under a customer spends unless listed as harmless.
  const spendsMoney = !isRead && (target
    ? step === 'checkout' || target.send.spendsMoney
    : !!scope && !isNonSpendingWrite(m, String(path)));
  return {
    kind, target, step, method: m, pathTemplate, values, query, headers, body,
    customerId: values.customerId,
    needsCustomer: placeholders(pathTemplate).includes('customerId') && values.customerId === undefined,
    spendsMoney, isRead, problems,
  };
}

/** Which kind (and step) a method and path belong to, with the placeholder values found in the path. */
export function matchKind(method: HttpMethod, path: string): { kind: RequestKind; step: 'send' | 'checkout'; values: Record<string, string> } | undefined {
  for (const kind of requestKinds) {
    if (kind.send.envelope) continue;
    if (kind.send.method === method) {
      const values = matchTemplate(kind.send.pathTemplate, path);
      if (values) return { kind, step: 'send', values };
    }
    if (kind.send.checkout && method === 'POST') {
      const values = matchTemplate(kind.send.checkout.pathTemplate, path);
      if (values) return { kind, step: 'checkout', values };
    }
  }
  return undefined;
}

function isNonSpendingWrite(method: HttpMethod, path: string): boolean {
  return nonSpendingWrites.some((w) => w.method === method && matchTemplate(w.pathTemplate, path) !== undefined);
}

function withoutSchemaRef(doc: JsonObject): JsonObject {
  const { $schema: _ignored, ...rest } = doc;
  return rest;
}

function scalarMap(value: unknown, name: string, problems: string[], stringsOnly: boolean): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) {
    problems.push(`"${name}" must be an object.`);
    return undefined;
  }
  for (const [k, v] of Object.entries(value)) {
    const ok = stringsOnly ? typeof v === 'string' : ['string', 'number', 'boolean'].includes(typeof v);
    if (!ok) problems.push(`"${name}.${k}" must be ${stringsOnly ? 'a string' : 'a string, number or true/false'}.`);
  }
  return value;
}
