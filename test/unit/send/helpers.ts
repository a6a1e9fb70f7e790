// Plumbing for the run-request unit tests: a client with short back-off, a context whose prompts
// record what they were asked and answer as the test says, the CLI as a process, and a gateway.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PartnerCenterClient } from '../../../common/src/api';
import { Journal, MemoryJournalStore, type PurchaseSummary, type RunContext, type RunPrompts } from '../../../common/src/send';
import { type RunningEmulator } from '../../../emulator/src/index';
import { forward, startScriptedServer } from '../../support/scriptedServer';

export const TOKEN = 'unit-test-token-SECRET-42';

export interface RecordingPrompts extends RunPrompts {
  asked: PurchaseSummary[];
  previews: PurchaseSummary[];
}

export function recordingPrompts(answer = true, customerId?: string): RecordingPrompts {
  const asked: PurchaseSummary[] = [];
  const previews: PurchaseSummary[] = [];
  return {
    asked,
    previews,
    pickCustomer: async () => customerId,
    confirmPurchase: async (s) => {
      asked.push(s);
      return answer;
    },
    showCartPreview: async (s) => {
      previews.push(s);
    },
  };
}

export function makeContext(
  emu: RunningEmulator,
  prompts: RunPrompts,
  extra: Partial<RunContext> = {},
): RunContext & { client: PartnerCenterClient } {
  const client = new PartnerCenterClient({
    endpoint: emu.url,
    tokenProvider: { getToken: async () => TOKEN },
    retry: { baseDelayMs: 10, maxDelayMs: 40 },
  });
  return {
    client,
    prompts,
    journal: new Journal(new MemoryJournalStore()),
    environment: { kind: 'emulator', label: `Emulator (${emu.url})` },
    documentUri: 'file:///work/test.order.json',
    retry: { baseDelayMs: 10 },
    ...extra,
  };
}

export function orderDocument(
  customerId: string | undefined,
  lines: { item: string; quantity: number }[],
  extra: Record<string, unknown> = {},
): string {
  return JSON.stringify(
    {
      $schema: 'partner-center:/schemas/order.schema.json',
      ...(customerId ? { referenceCustomerId: customerId } : {}),
      billingCycle: 'monthly',
      partnerOnRecordAttestationAccepted: true,
      lineItems: lines.map((l, i) => ({ lineItemNumber: i, offerId: l.item, quantity: l.quantity, termDuration: 'P1Y' })),
      ...extra,
    },
    null,
    2,
  );
}

export const orderPosts = (emu: RunningEmulator, customerId: string) =>
  emu.requests.filter((r) => r.method === 'POST' && r.path.toLowerCase() === `/v1/customers/${customerId}/orders`.toLowerCase());

/** The repository root, from out/test/unit/send. */
export const REPO = resolve(__dirname, '..', '..', '..', '..');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliProcess {
  child: ChildProcess;
  done: Promise<CliRun>;
}

/**
 * Starts `node dist/cli.js` as a script would (stdin a pipe, so not a terminal), with the token in
 * the environment and no inherited proxy or token settings.
 */
export function startCli(args: string[], env: Record<string, string> = {}): CliProcess {
  const {
    PARTNER_CENTER_TOKEN: _t,
    HTTPS_PROXY: _p1,
    https_proxy: _p2,
    HTTP_PROXY: _p3,
    http_proxy: _p4,
    ...parent
  } = process.env;
  const child = spawn(process.execPath, [join(REPO, 'dist', 'cli.js'), ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...parent, PARTNER_CENTER_TOKEN: TOKEN, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdin?.end();
  const done = new Promise<CliRun>((resolveRun, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolveRun({ code: code ?? -1, stdout, stderr }));
  });
  return { child, done };
}

export const runCli = (args: string[], env: Record<string, string> = {}): Promise<CliRun> => startCli(args, env).done;

/** A fresh folder holding `name` with `text`; returns the file's path. */
export function writeDocument(name: string, text: string | Buffer, dir = mkdtempSync(join(tmpdir(), 'pc-safety-'))): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

export interface GatewayRequest {
  method: string;
  path: string;
}

/** What the gateway does with a request: pass it on, hold it until `release` is called, or answer it itself. */
export type GatewayRule = (
  req: GatewayRequest,
) => 'forward' | 'hold' | { status: number; body?: unknown; headers?: Record<string, string> };

export interface Gateway {
  url: string;
  /** Requests held so far (in arrival order); each is sent on when released. */
  held: GatewayRequest[];
  release(): void;
  close(): Promise<void>;
}

/**
 * A plain HTTP front for the emulator, as a company gateway would stand in front of Partner Center:
 * it passes requests on unchanged, except those `rule` holds (to order two processes' steps
 * without timing) or answers itself (a gateway's own 404).
 */
export async function startGateway(emu: RunningEmulator, rule: GatewayRule): Promise<Gateway> {
  const held: GatewayRequest[] = [];
  let releaseAll: () => void = () => undefined;
  let released = new Promise<void>((r) => {
    releaseAll = r;
  });
  const server = await startScriptedServer((req, res, body) => {
    const seen: GatewayRequest = { method: String(req.method), path: String(req.url) };
    const decision = rule(seen);
    if (typeof decision === 'object') {
      res
        .writeHead(decision.status, { 'content-type': 'application/json', ...decision.headers })
        .end(decision.body === undefined ? '' : JSON.stringify(decision.body));
      return;
    }
    if (decision === 'hold') {
      held.push(seen);
      void released.then(() => forward(emu.url, req, res, body));
    } else {
      forward(emu.url, req, res, body);
    }
  });
  return {
    url: server.url,
    held,
    release: () => {
      releaseAll();
      released = Promise.resolve();
    },
    close: () => {
      releaseAll();
      return server.close();
    },
  };
}
