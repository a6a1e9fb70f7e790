// Shared helpers for the emulator tests: call an emulator (test/support/emulator.ts starts one
// per test) over real HTTP, and place orders with it.
import assert from 'node:assert/strict';
import { type RunningEmulator } from '../../../emulator/src/index';

export const TOKEN = 'test-token';

export interface Reply {
  status: number;
  /** The reason phrase (HTTP/1.1), e.g. "Unauthorized - MFA required". */
  statusText: string;
  headers: Headers;
  /** Parsed JSON body (BOM stripped); undefined when empty. */
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  text: string;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  token?: string | null;
}

export async function call(em: RunningEmulator, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(options.headers ?? {}) };
  if (options.token !== null) headers.Authorization = `Bearer ${options.token ?? TOKEN}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  }
  const res = await fetch(em.url + path, { method: options.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
  const text = await res.text();
  const clean = text.replace(/^\uFEFF/, '');
  return {
    status: res.status,
    statusText: res.statusText,
    headers: res.headers,
    text,
    body: clean === '' ? undefined : JSON.parse(clean),
  };
}

/** POSTs a new order or cart for the seeded customer (or `customerId`) and gives the answer, whatever it is. */
export function postNew(
  em: RunningEmulator,
  what: 'orders' | 'carts',
  body: unknown,
  customerId = em.fixtures.customerId,
): Promise<Reply> {
  return call(em, `/v1/customers/${customerId}/${what}`, { body });
}

/** Places an order that must be taken (201) and gives the order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read loosely shaped JSON answers
export async function placeOrder(em: RunningEmulator, body: unknown): Promise<any> {
  const r = await postNew(em, 'orders', body);
  assert.equal(r.status, 201, JSON.stringify(r.body));
  return r.body;
}

/** A movable clock so tests can cross the 7-day window without waiting. */
export function movableClock(): { now: () => number; advance: (ms: number) => void } {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
  };
}

export const DAY = 86_400_000;
