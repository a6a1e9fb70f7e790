// From a request document to the HTTP call it stands for, driven by the request-kinds table: the
// kind's method and path template (or, for a generic `*.request.json`, the document's own), the
// customer the document names, and whether the call spends money. The body is checked with the
// shared language rules here, so a document with errors is never sent, whether or not an editor has
// shown its diagnostics yet (History → Re-send runs before the language server has looked). Nothing
// is sent here.
import { parse, type ParseError, printParseErrorCode } from 'jsonc-parser';
import { type QueryValue } from '../api';
import { type HttpMethod, type RequestKind, type SendFlow } from '../requestKinds';
import { isObject, type JsonObject, keyOf, prop, stringProp } from './jsonValues';
import { placeholders } from './pathTemplate';
import { canonicalPath, classifyRequest, type RequestTarget } from './requestTarget';
import { validateBodyAs } from './bodyValidation';

export interface SendPlan {
  /** The document's kind (`request` for a generic request). */
  kind: RequestKind;
  /** The kind whose rules the call follows: the document's, or the one a generic request's path matches. */
  target?: RequestKind;
  /** Which step of the target kind the call is: its main send or its checkout (generic requests can be either). */
  step: 'send' | 'checkout' | 'other';
  /** Which flow sends the call: the request-kinds table's column for the kind and step it is. */
  flow: SendFlow;
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

/**
 * Deeper than any Partner Center request, and far below where a recursive parser runs out of stack
 * (5,000 levels crashed the command line).
 */
export const MAX_NESTING = 100;

export function planFromText(text: string, kind: RequestKind): SendPlan {
  const base = emptyPlan(kind);
  if (nestingDepth(text) > MAX_NESTING) {
    return {
      ...base,
      problems: [
        `The document nests arrays and objects deeper than ${MAX_NESTING} levels; no Partner Center request does, so it is not sent.`,
      ],
    };
  }
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0) {
    const first = errors[0];
    return {
      ...base,
      problems: [`The document is not valid JSON (${printParseErrorCode(first.error)} at offset ${first.offset}).`],
    };
  }
  if (!isObject(value)) return { ...base, problems: ['The document must be a JSON object.'] };
  return kind.send.envelope ? planEnvelope(value, kind) : planKind(value, kind);
}

/** The deepest nesting of arrays and objects in JSON text, counted in one pass without recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') {
      inString = true;
    } else if (c === '{' || c === '[') {
      deepest = Math.max(deepest, ++depth);
    } else if (c === '}' || c === ']') {
      depth--;
    }
  }
  return deepest;
}

function emptyPlan(kind: RequestKind): SendPlan {
  return {
    kind,
    target: kind,
    step: 'send',
    flow: kind.send.flow,
    method: kind.send.method,
    pathTemplate: kind.send.pathTemplate,
    values: {},
    needsCustomer: false,
    spendsMoney: kind.send.spendsMoney,
    isRead: false,
    problems: [],
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
  for (const problem of validateBodyAs(body, kind)) problems.push(problem);
  const customerId = kind.customerIdProperty ? stringProp(body, kind.customerIdProperty) : undefined;
  return {
    ...plan,
    body,
    customerId,
    problems,
    needsCustomer: placeholders(kind.send.pathTemplate).includes('customerId'),
  };
}

function planEnvelope(doc: JsonObject, kind: RequestKind): SendPlan {
  const problems: string[] = [];
  const methodRaw = stringProp(doc, 'method')?.toUpperCase() ?? kind.send.method;
  const method = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).find((m) => m === methodRaw);
  if (!method) problems.push(`"${methodRaw}" is not a method a request can use (GET, POST, PUT, PATCH, DELETE).`);
  const written = stringProp(doc, 'path');
  const canonical = written?.startsWith('/') ? canonicalPath(written) : undefined;
  if (!canonical) problems.push('The request needs a "path" starting with "/", such as "/v1/customers".');
  else if (canonical.problem !== undefined) problems.push(canonical.problem);
  const query = scalarMap(prop(doc, 'query'), 'query', problems, false) as Record<string, QueryValue> | undefined;
  const headers = scalarMap(prop(doc, 'headers'), 'headers', problems, true) as Record<string, string> | undefined;
  const bodyKey = keyOf(doc, 'body');
  const body = bodyKey === undefined ? undefined : doc[bodyKey];
  const m = method ?? 'GET';
  // Everything below reads the canonical path: the one that is sent.
  const path = canonical?.path;
  const pathTemplate = path ?? kind.send.pathTemplate;
  const target = path ? classifyRequest(m, path) : undefined;
  const values = target?.values ?? {};
  if (target?.kind && target.step === 'send' && body !== undefined) {
    for (const problem of validateBodyAs(body, target.kind)) problems.push(`Body: ${problem}`);
  }
  return {
    kind,
    target: target?.kind,
    step: target?.step ?? 'other',
    flow: envelopeFlow(kind, target),
    method: m,
    pathTemplate,
    values,
    query,
    headers,
    body,
    customerId: values.customerId,
    needsCustomer: placeholders(pathTemplate).includes('customerId') && values.customerId === undefined,
    spendsMoney: target?.spendsMoney ?? false,
    isRead: m === 'GET',
    problems,
  };
}

/**
 * A generic request that spends money is sent by the flow of the kind and step it turns out to be
 * (or, matching none, by the generic row's own); one that spends nothing is sent as written.
 */
function envelopeFlow(kind: RequestKind, target: RequestTarget | undefined): SendFlow {
  if (!target?.spendsMoney) return 'asWritten';
  if (target.step === 'checkout' && target.kind?.send.checkout) return target.kind.send.checkout.flow;
  return target.kind?.send.flow ?? kind.send.flow;
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
