// Shared test plumbing. Service behaviour (paging, errors, throttling, faults) comes from the
// emulator; tiny scripted loopback servers are only for what happens on the wire below it: the
// exact headers sent, redirects, proxies, sockets that stall or die, and malformed answers.
import * as http from 'node:http';
import { type AddressInfo } from 'node:net';
import { type TestContext } from 'node:test';
import { PartnerCenterClient, type PartnerCenterClientOptions, type RequestLogEvent, type TokenProvider } from '../../../common/src/api';
import { type EmulatorOptions, type RunningEmulator, startEmulator } from '../../../emulator/src/index';

export const TOKEN = 'test-token-abc123-SECRET';

export const tokenProvider: TokenProvider = { getToken: () => Promise.resolve(TOKEN) };

export interface Recorded {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface TestServer {
  url: string;
  port: number;
  requests: Recorded[];
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string, index: number) => void;

export async function startServer(handler: Handler): Promise<TestServer> {
  const requests: Recorded[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handler(req, res, body, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

/** A client with fast back-off so retry tests stay quick. */
export function makeClient(endpoint: string, extra: Partial<PartnerCenterClientOptions> = {}): PartnerCenterClient {
  return new PartnerCenterClient({
    endpoint,
    tokenProvider,
    retry: { baseDelayMs: 10, maxDelayMs: 50 },
    ...extra,
  });
}

/** An emulator and a client with fast back-off for one test; both close when the test ends. */
export async function withEmulator(t: TestContext, options: EmulatorOptions = {}, clientOptions: Partial<PartnerCenterClientOptions> = {}):
  Promise<{ emu: RunningEmulator; client: PartnerCenterClient }> {
  const emu = await startEmulator({ provisioningDelayMs: 50, ...options });
  t.after(() => emu.close());
  const client = makeClient(emu.url, clientOptions);
  t.after(() => client.close());
  return { emu, client };
}

/** A clock for the emulator that stands still until the test moves it, so rate-limit windows and
 * Retry-After values do not depend on how fast the machine runs the test. */
export function manualClock(): { now: () => number; advance: (ms: number) => void } {
  let now = Date.now();
  return { now: () => now, advance: (ms) => { now += ms; } };
}

export function collectLogs(): { events: RequestLogEvent[]; logger: (e: RequestLogEvent) => void } {
  const events: RequestLogEvent[] = [];
  return { events, logger: (e) => events.push(e) };
}

/** Polls until `check` is true or the deadline passes (no fixed sleeps in tests). */
export async function waitFor(check: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const GUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
