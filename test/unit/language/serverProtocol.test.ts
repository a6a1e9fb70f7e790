// The real server over its stdio protocol: spawn dist/server.js, speak LSP, answer its catalog
// requests like the extension would, and read what it publishes. Waits are on events (a publish,
// a log line), never on the clock; the server's speed is measured by `npm run bench`.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  CodeActionRequest,
  CompletionRequest,
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  LogMessageNotification,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShowMessageRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import {
  CatalogChangedNotification,
  ListCatalogItemsRequest,
  ListCustomersRequest,
  ResolveCatalogItemsRequest,
  ServerInfoRequest,
} from '../../../common/src/protocol';
import { ALL_ITEMS, BASIC, MISSING_ID, REPO, W365 } from './helpers';

type ResolveAnswer = { available: boolean; reason?: string; items: Record<string, (typeof ALL_ITEMS)[number] | null> };

interface Session {
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
}

interface SessionOptions {
  requestFiles?: Record<string, string>;
  holdCatalog?: boolean;
}

async function startSession(options: SessionOptions = {}): Promise<Session> {
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
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: null,
    capabilities: {},
    initializationOptions: { validationDelayMs: 20, settings: { requestFiles } },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendRequest(ServerInfoRequest.type);
  return s;
}

const latest = (s: Session, uri: string, version?: number) =>
  [...s.diagnostics].reverse().find((d) => d.uri === uri && (version === undefined || d.version === version));
const codes = (p: PublishDiagnosticsParams) => p.diagnostics.map((d) => String(d.code));

async function open(s: Session, uri: string, text: string, version = 1): Promise<void> {
  await s.connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri, languageId: 'json', version, text },
  });
}

async function change(s: Session, uri: string, version: number, text: string): Promise<void> {
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
async function roundTrip(s: Session): Promise<void> {
  await s.connection.sendRequest(ServerInfoRequest.type);
}

test('the server validates, completes, hovers and fixes over stdio, with catalog requests answered by the client', async () => {
  const s = await startSession();
  try {
    const uri = 'file:///work/test/new.order.json';
    const text = JSON.stringify(
      {
        partnerOnRecordAttestationAccepted: true,
        billingCycle: 'monthly',
        lineItems: [
          { lineItemNumber: 0, offerId: W365.catalogItemId, quantity: 1, termDuration: 'P1M' },
          { lineItemNumber: 1, offerId: MISSING_ID, quantity: 1, termDuration: 'P1M' },
        ],
      },
      null,
      2,
    );
    await open(s, uri, text);
    const published = await s.until(() => latest(s, uri, 1));
    assert.deepEqual(codes(published).sort(), ['pc.catalog.attestationRequired', 'pc.catalog.itemNotFound']);
    assert.ok(published.diagnostics.every((d) => d.source === 'Partner Center'));

    const fixes = await s.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: published.diagnostics[0].range,
      context: { diagnostics: published.diagnostics },
    });
    assert.ok(fixes?.some((a) => 'title' in a && a.title === 'Set "attestationAccepted" to true'));

    const completion = await s.connection.sendRequest(CompletionRequest.type, {
      textDocument: { uri },
      position: { line: 6, character: 19 },
    });
    const labels = (Array.isArray(completion) ? completion : (completion?.items ?? [])).map((i) => i.label);
    assert.ok(labels.includes(BASIC.skuTitle), `catalog items expected, got ${labels.join(', ')}`);

    const hover = await s.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: 6, character: 20 },
    });
    assert.match(JSON.stringify(hover?.contents), /Windows 365/);

    // Syntax errors are left to VS Code's JSON support: none from us, only what the schema says.
    await change(s, uri, 2, '{"billingCycle": ');
    const broken = await s.until(() => latest(s, uri, 2));
    assert.deepEqual(codes(broken), ['pc.schema.required', 'pc.attestation.partnerOnRecordMissing']);

    // A user pattern from the settings makes another file an order.
    const custom = 'file:///work/purchases/q3.json';
    await open(s, custom, '{"billingCycle": "monthly"}');
    const customDiags = await s.until(() => latest(s, custom, 1));
    assert.ok(codes(customDiags).includes('pc.schema.required'));
  } finally {
    s.close();
  }
});

test("rapid edits: the last diagnostics are the newest version's, and an older version never follows a newer one", async () => {
  const s = await startSession();
  try {
    const uri = 'file:///work/test/rapid.cart.json';
    const body = (quantity: number) =>
      `{"partnerOnRecordAttestationAccepted":true,"lineItems":[{"id":0,"catalogItemId":"${BASIC.catalogItemId}","quantity":${quantity},"billingCycle":"monthly","termDuration":"P1M"}]}`;
    await open(s, uri, '{}');
    // Quantities 301..329 are over the SKU's maximum of 300, except the last one (30).
    for (let version = 2; version <= 30; version++) await change(s, uri, version, body(version === 30 ? 30 : 299 + version));
    const last = await s.until(() => latest(s, uri, 30));
    assert.deepEqual(codes(last), [], 'the newest text is fine');
    // Whatever was still under way for older versions has had its turn once this answers.
    await roundTrip(s);
    const versions = s.diagnostics.filter((d) => d.uri === uri).map((d) => d.version ?? 0);
    assert.equal(versions[versions.length - 1], 30, `published versions: ${versions.join(',')}`);
    assert.deepEqual(
      [...versions].sort((a, b) => a - b),
      versions,
      `versions must never go backwards: ${versions.join(',')}`,
    );
  } finally {
    s.close();
  }
});

test("a slow catalog answer for an older version never replaces the newer version's diagnostics", async () => {
  const s = await startSession({ holdCatalog: true });
  try {
    const uri = 'file:///work/test/slow.order.json';
    const line = (offerId: string) =>
      JSON.stringify({
        partnerOnRecordAttestationAccepted: true,
        billingCycle: 'monthly',
        lineItems: [{ lineItemNumber: 0, offerId, quantity: 1, termDuration: 'P1M' }],
      });
    await open(s, uri, line(MISSING_ID));
    const first = await s.until(() => (s.held!.length === 1 ? s.held![0] : undefined));
    assert.deepEqual(first.ids, [MISSING_ID]);
    await change(s, uri, 2, line(W365.catalogItemId));
    const second = await s.until(() => (s.held!.length === 2 ? s.held![1] : undefined));
    assert.deepEqual(second.ids, [W365.catalogItemId]);

    // The newer look-up answers first, then the older one.
    second.answer();
    const published = await s.until(() => latest(s, uri, 2));
    assert.deepEqual(codes(published), ['pc.catalog.attestationRequired']);
    first.answer();
    await roundTrip(s);
    assert.deepEqual(
      s.diagnostics.filter((d) => d.uri === uri).map((d) => d.version),
      [2],
      'version 1 is never published',
    );
  } finally {
    s.close();
  }
});

test('without a catalog the server says once that catalog checks are off, and recovers after catalogChanged', async () => {
  const s = await startSession();
  s.catalogOn.value = false;
  try {
    const uri = 'file:///work/test/off.order.json';
    const text = JSON.stringify({
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [
        { lineItemNumber: 0, offerId: W365.catalogItemId, quantity: 1, termDuration: 'P1M' },
        { lineItemNumber: 1, offerId: BASIC.catalogItemId, quantity: 1, termDuration: 'P1M' },
      ],
    });
    await open(s, uri, text);
    const off = await s.until(() => latest(s, uri, 1));
    assert.deepEqual(codes(off), ['pc.catalog.unavailable']);
    assert.match(String(off.diagnostics[0].message), /signed out in the test/);

    s.catalogOn.value = true;
    const before = s.diagnostics.length;
    await s.connection.sendNotification(CatalogChangedNotification.type);
    const on = await s.until(() => (s.diagnostics.length > before ? latest(s, uri) : undefined));
    assert.deepEqual(codes(on), ['pc.catalog.attestationRequired']);
  } finally {
    s.close();
  }
});

test("a 200,000-element array replaces the previous version's diagnostics with its own", async () => {
  const s = await startSession();
  try {
    const uri = 'file:///work/test/huge.order.json';
    await open(s, uri, '{"billingCycle":"monthly"}');
    const small = await s.until(() => latest(s, uri, 1));
    assert.deepEqual(codes(small).sort(), ['pc.attestation.partnerOnRecordMissing', 'pc.schema.required']);
    await change(
      s,
      uri,
      2,
      JSON.stringify({
        partnerOnRecordAttestationAccepted: true,
        billingCycle: 'monthly',
        lineItems: Array<number>(200_000).fill(1),
      }),
    );
    const huge = await s.until(() => latest(s, uri, 2));
    assert.equal(huge.diagnostics.length, 200_000);
    assert.ok(codes(huge).every((c) => c === 'pc.schema.type'));
  } finally {
    s.close();
  }
});

test('while a document with 16,000 unknown properties is checked, the server answers a hover on another one', async () => {
  const s = await startSession();
  try {
    const big = 'file:///work/test/unknown.order.json';
    const body: Record<string, unknown> = {
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: 'A1:B2:C3', quantity: 1 }],
    };
    for (let i = 0; i < 16_000; i++) body[`extra${i}`] = i;
    const other = 'file:///work/test/other.order.json';
    await open(s, other, '{"billingCycle":"monthly"}');
    await s.until(() => latest(s, other, 1));
    await open(s, big, JSON.stringify(body));
    const hover = await s.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri: other },
      position: { line: 0, character: 4 },
    });
    assert.match(JSON.stringify(hover?.contents), /\*\*billingCycle\*\*/);
    const published = await s.until(() => latest(s, big, 1));
    assert.equal(published.diagnostics.filter((d) => d.code === 'pc.property.unknown').length, 16_000);
    assert.deepEqual(
      codes(published).filter((c) => c !== 'pc.property.unknown'),
      ['pc.catalog.itemNotFound'],
    );
  } finally {
    s.close();
  }
});

test('a requestFiles pattern that would hang a regex matcher is refused with a message; the other patterns still apply', async () => {
  const hostile = '*(a|a)*(a|a)*(a|a)*(a|a)b';
  const s = await startSession({ requestFiles: { [hostile]: 'order', 'purchases/*.json': 'order' } });
  try {
    const warning = await s.until(() => s.messages.find((m) => m.includes(hostile)));
    assert.match(
      warning,
      /partnerCenter\.requestFiles: the pattern ".*" is ignored: extglobs such as \*\(a\|b\) are not supported/,
    );
    // A 30-character name the hostile pattern was aimed at: not a request document, answered at once.
    const victim = `file:///work/${'a'.repeat(30)}`;
    await open(s, victim, '{}');
    const none = await s.until(() => latest(s, victim));
    assert.deepEqual(none.diagnostics, []);
    const custom = 'file:///work/purchases/q4.json';
    await open(s, custom, '{"billingCycle": "monthly"}');
    assert.ok(codes(await s.until(() => latest(s, custom, 1))).includes('pc.schema.required'));
  } finally {
    s.close();
  }
});
