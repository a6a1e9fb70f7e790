// Shared test plumbing: tiny loopback servers whose behaviour each test scripts exactly.
import * as http from 'node:http';
import { type AddressInfo } from 'node:net';
import { PartnerCenterClient, type PartnerCenterClientOptions, type RequestLogEvent, type TokenProvider } from '../../../common/src/api';

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
