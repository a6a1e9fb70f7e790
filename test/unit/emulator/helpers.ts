// Shared helpers for the emulator tests: start an emulator per test and call it over real HTTP.

import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../../emulator/src/index';

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
  return { status: res.status, statusText: res.statusText, headers: res.headers, text, body: clean === '' ? undefined : JSON.parse(clean) };
}

/** Starts an emulator for one test and closes it when the test ends. */
export async function withEmulator(t: { after: (fn: () => Promise<void>) => void }, options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const em = await startEmulator(options);
  t.after(() => em.close());
  return em;
}

/** Polls until `check` returns a value, failing after `timeoutMs`; no fixed sleeps. */
export async function waitFor<T>(check: () => Promise<T | undefined>, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A movable clock so tests can cross the 7-day window without waiting. */
export function movableClock(): { now: () => number; advance: (ms: number) => void } {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (ms) => { offset += ms; } };
}

export const DAY = 86_400_000;
