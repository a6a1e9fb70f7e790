// The HTTP front: records each /v1 request, applies faults, auth, rate limiting and idempotency
// in the order a client would observe them, dispatches to a route, and writes the answer with
// the service's headers. Admin calls under /_emulator/ skip all of that (see admin.ts); they pass
// adminGuard.ts instead.

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { handleAdmin } from './admin';
import { type AdminGuard, refuseAdmin } from './adminGuard';
import { authenticate } from './auth';
import { createIssuerVerifier } from './issuerVerifier';
import { normalizeKeys } from './casing';
import { seedStore } from './data/seed';
import { ApiError, invalidInput, routeNotFound } from './errors';
import { itemUnavailable, serverError, unavailable } from './faultAnswers';
import { type FaultName, Faults } from './faults';
import { IdempotencyStore } from './idempotency';
import { type EmulatorOptions, type RecordedRequest, type RunningEmulator } from './options';
import { rateLimited, TenantThrottle } from './rateLimit';
import { type HttpAnswer, type Router } from './router';
import { buildRouter } from './routes';

const MAX_BODY_BYTES = 5 * 1024 * 1024;
/** Defaults that keep a long-running emulator (a demo left open, a soak test) in tens of MB. */
export const DEFAULT_MAX_RECORDED_REQUESTS = 10_000;
export const DEFAULT_MAX_IDEMPOTENCY_KEYS = 10_000;

/** Seeds the data set, listens, and resolves once the server accepts connections. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const seed = options.seed ?? 1;
  const clock = options.clock ?? Date.now;
  const { store, fixtures } = seedStore(seed, clock());
  const faults = new Faults(seed, options.faults);
  const limiter = new TenantThrottle(options.rateLimitPerMinute ?? 500);
  const idempotency = new IdempotencyStore(capacity(options.maxIdempotencyKeys, DEFAULT_MAX_IDEMPOTENCY_KEYS));
  const maxRecorded = capacity(options.maxRecordedRequests, DEFAULT_MAX_RECORDED_REQUESTS);
  const router: Router = buildRouter();
  const requests: RecordedRequest[] = [];
  const provisioningDelayMs = options.provisioningDelayMs ?? 3000;
  const bom = options.bom === true;
  const pendingDelays = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  let closed = false;
  let port = 0;
  const adminGuard: AdminGuard = { requireToken: options.requireToken, bindHost: options.host ?? '127.0.0.1', port: () => port };

  const verifyIssuer =
    options.trustIssuer === undefined
      ? undefined
      : createIssuerVerifier({
          issuer: options.trustIssuer,
          ca: options.trustIssuerCa,
          clock,
          partnerTenantId: store.partnerTenantId,
        });

  /** Runs the /v1 pipeline after faults: auth, rate limit, idempotency, routing. */
  async function process(
    req: IncomingMessage,
    url: URL,
    raw: string,
    now: number,
    fault: (name: FaultName) => boolean,
  ): Promise<{ answer: HttpAnswer; replayed: boolean }> {
    const method = req.method ?? 'GET';
    try {
      if (!/^\/v1(\/|$)/i.test(url.pathname)) throw routeNotFound(url.pathname);
      checkEscapes(url.pathname);
      const caller = verifyIssuer
        ? await verifyIssuer(header(req, 'authorization'))
        : authenticate(header(req, 'authorization'), options.requireToken, store.partnerTenantId);
      const path = url.pathname.slice(3) || '/';
      const tenant = tenantOf(path);
      const rate = limiter.take(tenant, now);
      if (!rate.allowed) throw rateLimited(rate.retryAfterSeconds);
      store.settle(now);
      const requestId = header(req, 'ms-requestid');
      const keyed = IdempotencyStore.applies(method, requestId);
      if (keyed) {
        const earlier = idempotency.get(tenant, method, url.pathname, requestId);
        if (earlier) return { answer: earlier, replayed: true };
      }
      const answer = dispatch(req, url, path, raw, now, caller.appOnly, fault);
      if (keyed) idempotency.put(tenant, method, url.pathname, requestId, answer);
      return { answer, replayed: false };
    } catch (e) {
      return { answer: toAnswer(e), replayed: false };
    }
  }

  function dispatch(
    req: IncomingMessage,
    url: URL,
    path: string,
    raw: string,
    now: number,
    appOnly: boolean,
    fault: (name: FaultName) => boolean,
  ): HttpAnswer {
    const method = req.method ?? 'GET';
    try {
      const match = router.match(method, path);
      if (match.kind === 'none') throw routeNotFound(url.pathname);
      if (match.kind === 'wrong-method') {
        throw new ApiError('methodNotAllowed', `The method ${method} is not allowed on ${url.pathname}.`, {
          headers: { Allow: match.allowed.join(', ') },
        });
      }
      return match.handler({
        method,
        url,
        params: match.params,
        body: parseBody(raw),
        headers: req.headers,
        now,
        store,
        provisioningDelayMs,
        appOnly,
        fault,
      });
    } catch (e) {
      return toAnswer(e);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    if (raw === undefined) {
      req.socket.destroy();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://emulator');
    if (/^\/_emulator(\/|$)/.test(url.pathname)) {
      const answer =
        refuseAdmin(req.method ?? 'GET', req.headers, adminGuard) ??
        handleAdmin(req.method ?? 'GET', url.pathname, raw, {
          requests,
          faults,
          fixtures,
          seed,
          customers: store.customers.length,
        });
      send(res, answer, header(req, 'ms-requestid'), header(req, 'ms-correlationid'), false);
      return;
    }
    const now = clock();
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: req.url ?? '/',
      requestId: header(req, 'ms-requestid'),
      correlationId: header(req, 'ms-correlationid'),
      status: 0,
      time: new Date(now).toISOString(),
    };
    requests.push(record);
    // Oldest first, in place: RunningEmulator.requests is this same live array.
    if (requests.length > maxRecorded) requests.splice(0, requests.length - maxRecorded);
    // Faults are for the API only: a stray path (or a typo) should fail plainly with 404.
    const faulty = /^\/v1(\/|$)/i.test(url.pathname);
    const fire = (name: FaultName): boolean => {
      if (!faulty || !faults.draw(name)) return false;
      record.fault = name;
      return true;
    };
    if (fire('reset-before-commit')) {
      req.socket.destroy();
      return;
    }
    const method = req.method ?? 'GET';
    // The 500 and 200-with-error faults model a change the service may or may not have made, so
    // only writes are drawn for them; status-503 fails reads.
    const write = IdempotencyStore.isWrite(method);
    let answer: HttpAnswer;
    if (fire('status-503')) answer = unavailable();
    else if (write && fire('status-500')) answer = serverError(method, url.pathname);
    else if (write && fire('status-200-error')) answer = itemUnavailable();
    else {
      const result = await process(req, url, raw, now, fire);
      answer = result.answer;
      if (result.replayed) record.replayed = true;
      if (fire('reset-after-commit')) {
        record.status = answer.status;
        req.socket.destroy();
        return;
      }
      // The answer stays stored for idempotent replay; only this delivery is replaced.
      if (write && fire('status-500-after-commit')) answer = serverError(method, url.pathname);
    }
    record.status = answer.status;
    await delay(faulty ? faults.latencyMs : 0);
    if (closed) return;
    send(res, answer, record.requestId ?? randomUUID(), record.correlationId ?? randomUUID(), bom);
  }

  function delay(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          pendingDelays.delete(entry);
          resolve();
        }, ms),
        resolve,
      };
      pendingDelays.add(entry);
    });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) {
        send(res, new ApiError('unexpectedError', 'Unexpected service error.').toAnswer(), undefined, undefined, bom);
      }
    });
  });
  server.keepAliveTimeout = 5_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;

  return {
    url: `http://${urlHost(options.host ?? '127.0.0.1')}:${port}`,
    port,
    requests,
    fixtures,
    setFaults: (f) => faults.set(f),
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        closed = true;
        for (const entry of pendingDelays) {
          clearTimeout(entry.timer);
          entry.resolve();
        }
        pendingDelays.clear();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

function capacity(value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`a capacity must be a whole number >= 1, got ${value}`);
  return value;
}

/** Rate limits and idempotency are per tenant: the customer in the path, else the partner. */
function tenantOf(path: string): string {
  const m = /^\/customers\/([^/]+)/i.exec(path);
  return m ? decodeURIComponent(m[1]).toLowerCase() : 'partner';
}

/** A path with a broken percent-escape (`/customers/%ZZ`) is a bad request, as at any front door. */
function checkEscapes(path: string): void {
  try {
    decodeURIComponent(path);
  } catch {
    throw invalidInput(`The request path ${path} has an invalid percent-escape.`);
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

function parseBody(raw: string): unknown {
  const text = raw.replace(/^\uFEFF/, '').trim();
  if (text === '') return undefined;
  try {
    return normalizeKeys(JSON.parse(text));
  } catch {
    throw invalidInput('The request body is not valid JSON.');
  }
}

function toAnswer(e: unknown): HttpAnswer {
  if (e instanceof ApiError) return e.toAnswer();
  return new ApiError('unexpectedError', `Unexpected service error: ${e instanceof Error ? e.message : String(e)}`).toAnswer();
}

function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size <= MAX_BODY_BYTES ? Buffer.concat(chunks).toString('utf8') : undefined));
    req.on('error', () => resolve(undefined));
  });
}

function send(
  res: ServerResponse,
  answer: HttpAnswer,
  requestId: string | undefined,
  correlationId: string | undefined,
  bom: boolean,
): void {
  const headers: Record<string, string> = { ...(answer.headers ?? {}) };
  if (requestId) headers['MS-RequestId'] = requestId;
  if (correlationId) headers['MS-CorrelationId'] = correlationId;
  if (answer.body === undefined) {
    writeHead(res, answer, headers).end();
    return;
  }
  const text = (bom ? '\uFEFF' : '') + JSON.stringify(answer.body);
  headers['Content-Type'] = 'application/json; charset=utf-8';
  headers['Content-Length'] = String(Buffer.byteLength(text));
  writeHead(res, answer, headers).end(text);
}

function writeHead(res: ServerResponse, answer: HttpAnswer, headers: Record<string, string>): ServerResponse {
  return answer.statusText === undefined
    ? res.writeHead(answer.status, headers)
    : res.writeHead(answer.status, answer.statusText, headers);
}

function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
