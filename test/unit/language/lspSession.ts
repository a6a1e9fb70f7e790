// The real server over its stdio protocol, for tests: spawn dist/server.js, speak LSP, answer its
// catalog requests like the extension would, and read what it publishes. Waits are on events (a
// publish, a log line), never on the clock.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  LogMessageNotification,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShowMessageRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import {
  ListCatalogItemsRequest,
  ListCustomersRequest,
  ResolveCatalogItemsRequest,
  ServerInfoRequest,
} from '../../../common/src/protocol';
import { ALL_ITEMS, REPO } from './helpers';

type ResolveAnswer = { available: boolean; reason?: string; items: Record<string, (typeof ALL_ITEMS)[number] | null> };

export interface Session {
  connection: ProtocolConnection;
  child: ChildProcess;
  diagnostics: PublishDiagnosticsParams[];
  /** Log lines and shown messages from the server. */
  messages: string[];
  catalogOn: { value: boolean };
  resolveCalls: string[][];
  /** When set, catalog look-ups wait here until the test answers them. */
  held: { ids: string[]; answer: () => void }[] | undefined;
  /** Resolves when `probe` gives a value; checked again on every message from the server. */
  until<T>(probe: () => T | undefined): Promise<T>;
  close(): void;
  /** What the server answered to `initialize`. */
  initialized?: InitializeResult;
}

export interface SessionOptions {
  requestFiles?: Record<string, string>;
  holdCatalog?: boolean;
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  const child = spawn(process.execPath, [join(REPO, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const waiters = new Set<() => void>();
  const changed = () => waiters.forEach((check) => check());
  const s: Session = {
    connection,
    child,
    diagnostics: [],
    messages: [],
    catalogOn: { value: true },
    resolveCalls: [],
    held: options.holdCatalog ? [] : undefined,
    until: (probe) =>
      new Promise((resolve) => {
        const check = () => {
          const value = probe();
          if (value === undefined) return;
          waiters.delete(check);
          resolve(value);
        };
        waiters.add(check);
        check();
      }),
    close: () => {
      connection.dispose();
      child.kill();
    },
  };
  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    s.diagnostics.push(p);
    changed();
  });
  connection.onNotification(LogMessageNotification.type, (p) => {
    s.messages.push(p.message);
    changed();
  });
  connection.onRequest(ShowMessageRequest.type, (p) => {
    s.messages.push(p.message);
    changed();
    return null;
  });
  connection.onRequest(ResolveCatalogItemsRequest.type, ({ ids }) => {
    s.resolveCalls.push(ids);
    const answer = (): ResolveAnswer => {
      if (!s.catalogOn.value) return { available: false, reason: 'signed out in the test.', items: {} };
      const items: ResolveAnswer['items'] = {};
      for (const id of ids) items[id] = ALL_ITEMS.find((i) => i.catalogItemId === id) ?? null;
      return { available: true, items };
    };
    if (!s.held) {
      changed();
      return answer();
    }
    return new Promise<ResolveAnswer>((resolve) => {
      s.held!.push({ ids, answer: () => resolve(answer()) });
      changed();
    });
  });
  connection.onRequest(ListCatalogItemsRequest.type, () => ({
    available: s.catalogOn.value,
    items: s.catalogOn.value ? ALL_ITEMS : [],
  }));
  connection.onRequest(ListCustomersRequest.type, () => ({
    available: true,
    customers: [{ id: 'f81d98dd-c2f4-499e-a194-5619e260344e', companyName: 'Contoso' }],
  }));
  connection.listen();
  const requestFiles = options.requestFiles ?? { 'purchases/*.json': 'order' };
  s.initialized = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    initializationOptions: { validationDelayMs: 20, settings: { requestFiles } },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendRequest(ServerInfoRequest.type);
  return s;
}

type SessionBody = (s: Session) => Promise<void>;

/** Runs `body` against a server started for it, and stops the server however `body` ends. */
export async function withSession(body: SessionBody): Promise<void>;
export async function withSession(options: SessionOptions, body: SessionBody): Promise<void>;
export async function withSession(first: SessionOptions | SessionBody, second?: SessionBody): Promise<void> {
  const [options, body] = typeof first === 'function' ? [{}, first] : [first, second!];
  const s = await startSession(options);
  try {
    await body(s);
  } finally {
    s.close();
  }
}

export const latest = (s: Session, uri: string, version?: number) =>
  [...s.diagnostics].reverse().find((d) => d.uri === uri && (version === undefined || d.version === version));
export const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

export async function open(s: Session, uri: string, text: string, version = 1): Promise<void> {
  await s.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'json', version, text },
  });
}

export async function change(s: Session, uri: string, version: number, text: string): Promise<void> {
  await s.connection.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [{ text }],
  });
}

/**
 * A round trip through the server's message queue: everything the server was going to do with
 * the messages before this request (publishes of answered validations included) is done, and
 * written to the stream ahead of this answer.
 */
export async function roundTrip(s: Session): Promise<void> {
  await s.connection.sendRequest(ServerInfoRequest.type);
}
