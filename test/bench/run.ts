// Benchmark of the request language service (not a timed test: it prints numbers). For orders of
// 10, 1,000 and 5,000 lines it compares our validation (schema + rules + ranges) with
// vscode-json-languageservice's doValidation on the same schema and with jsonc-parser's parse
// alone (the three in alternation, see timeInRounds); then the documents that used to take
// quadratic time (16,000 unknown properties; quick fixes on a one-line 195 KB order), against
// jsonc-parser's parse of the same text; then completion latency with a warm cache and the
// server's ready time after spawn; last the start-up numbers (startup.ts): the extension's entry
// bundle, its activation in a real extension host, and the CLI as a whole process.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { parse } from 'jsonc-parser';
import { getLanguageService as getJsonService, TextDocument } from 'vscode-json-languageservice';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { catalogView, type CatalogItemInfo, getLanguageService } from '../../common/src/language';
import { requestKindById } from '../../common/src/requestKinds';
import { makeOrder, median, selfContainedOrderSchema } from './documents';
import { startupBench } from './startup';

const service = getLanguageService();
const orderKind = requestKindById('order')!;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
}

async function time(runs: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < 3; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * Medians of several measured functions, run in alternation (one call of each per round) after a
 * warm-up: a shared machine's load then slows them alike and the ratios stay meaningful.
 */
async function timeInRounds(rounds: number, fns: (() => unknown)[]): Promise<number[]> {
  for (let i = 0; i < 5; i++) for (const fn of fns) await fn();
  const samples: number[][] = fns.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (let f = 0; f < fns.length; f++) {
      const start = performance.now();
      await fns[f]();
      samples[f].push(performance.now() - start);
    }
  }
  return samples.map(median);
}

async function validationBench(): Promise<void> {
  const jsonService = getJsonService({});
  jsonService.configure({
    validate: true,
    schemas: [
      {
        uri: 'https://bench.invalid/order.schema.json',
        fileMatch: ['*.order.json'],
        schema: selfContainedOrderSchema() as never,
      },
    ],
  });
  const catalog = catalogView(true, []);
  console.log(
    'lines   ours(ms)  json-ls(ms)  parse(ms)  json-ls/ours  ours/parse  diagnostics (ours / json-ls, which has no cross-field rules)',
  );
  for (const lines of [10, 1000, 5000]) {
    const text = makeOrder(lines);
    const rounds = lines >= 5000 ? 25 : lines >= 1000 ? 60 : 200;
    let count = 0;
    const doc = TextDocument.create('file:///bench.order.json', 'json', 1, text);
    let theirCount = 0;
    const [ours, theirs, parseOnly] = await timeInRounds(rounds, [
      () => {
        const parsed = service.parse('file:///bench.order.json', text);
        count = service.validate(parsed, orderKind, { catalog, reportSyntaxErrors: true }).length;
      },
      async () => {
        const jsonDoc = jsonService.parseJSONDocument(doc);
        theirCount = (await jsonService.doValidation(doc, jsonDoc)).length;
      },
      () => parse(text),
    ]);
    const target = lines === 1000 ? `  (target >= 5x at 1,000 lines: ${theirs / ours >= 5 ? 'met' : 'NOT met'})` : '';
    console.log(
      `${String(lines).padStart(5)}  ${ours.toFixed(2).padStart(9)}  ${theirs.toFixed(2).padStart(11)}  ${parseOnly.toFixed(2).padStart(9)}  ${(theirs / ours).toFixed(1).padStart(11)}x  ${(ours / parseOnly).toFixed(2).padStart(9)}x  ${count} / ${theirCount}${target}`,
    );
  }
}

/** One object with `count` unknown properties after a valid order's own: the unknown-property check's worst case. */
function makeUnknownKeys(count: number): string {
  const body: Record<string, unknown> = {
    partnerOnRecordAttestationAccepted: true,
    billingCycle: 'annual',
    lineItems: [{ lineItemNumber: 0, offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971', quantity: 1, termDuration: 'P1Y' }],
  };
  for (let i = 0; i < count; i++) body[`unknownProperty${i}`] = i;
  return JSON.stringify(body);
}

/**
 * Formerly quadratic: the unknown-property check (28-31 s for 16,000 unknown keys) and the
 * Add/Remove quick fixes, which re-formatted the whole text (88 s on a one-line 195 KB order).
 * Each is timed against jsonc-parser parsing the same text, in alternation.
 */
async function quadraticCasesBench(): Promise<void> {
  const catalog = catalogView(true, []);
  const unknownText = makeUnknownKeys(16_000);
  let unknownCount = 0;
  const [unknownMs, unknownParse] = await timeInRounds(15, [
    () => {
      unknownCount = service.validate(service.parse('file:///unknown.order.json', unknownText), orderKind, { catalog }).length;
    },
    () => parse(unknownText),
  ]);
  console.log(
    `16,000 unknown properties (${(unknownText.length / 1024).toFixed(0)} KB), validated: median ${unknownMs.toFixed(1)} ms, ${(unknownMs / unknownParse).toFixed(1)}x jsonc-parser parse (${unknownParse.toFixed(1)} ms); ${unknownCount} diagnostics`,
  );

  // All 16,000 diagnostics in one code-action request, as a selection of the whole line sends them.
  const unknownParsed = service.parse('file:///unknown.order.json', unknownText);
  const unknownDiagnostics = service.validate(unknownParsed, orderKind, { catalog });
  let actionCount = 0;
  const [allActionsMs] = await timeInRounds(9, [
    () => {
      actionCount = service.codeActions(unknownParsed, unknownDiagnostics).length;
    },
  ]);
  console.log(
    `code actions for all ${unknownDiagnostics.length} diagnostics of that one-line document: median ${allActionsMs.toFixed(1)} ms (${actionCount} actions), ${(allActionsMs / unknownParse).toFixed(1)}x its parse`,
  );

  // A one-line order of about 195 KB; line 1,000 lacks its quantity (Add) and has an unknown property (Remove).
  const lines = Array.from({ length: 2000 }, (_, i) => ({
    lineItemNumber: i,
    offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971',
    quantity: 1,
    termDuration: 'P1Y',
  })) as Record<string, unknown>[];
  delete lines[1000].quantity;
  lines[1000].colour = 'red';
  const oneLine = JSON.stringify({ partnerOnRecordAttestationAccepted: true, billingCycle: 'annual', lineItems: lines });
  const parsed = service.parse('file:///one-line.order.json', oneLine);
  const diagnostics = service.validate(parsed, orderKind, { catalog });
  const add = diagnostics.filter((d) => d.code === 'pc.schema.required');
  const remove = diagnostics.filter((d) => d.code === 'pc.property.unknown');
  const [addMs, removeMs, oneLineParse] = await timeInRounds(25, [
    () => service.codeActions(parsed, add),
    () => service.codeActions(parsed, remove),
    () => parse(oneLine),
  ]);
  console.log(
    `quick fixes on a one-line ${(oneLine.length / 1024).toFixed(0)} KB order: Add "quantity" median ${addMs.toFixed(3)} ms, Remove "colour" ${removeMs.toFixed(3)} ms; jsonc-parser parse of the text ${oneLineParse.toFixed(2)} ms (${(oneLineParse / Math.max(addMs, removeMs)).toFixed(0)}x the slower fix)`,
  );
}

function completionBench(): void {
  const items: CatalogItemInfo[] = Array.from({ length: 500 }, (_, i) => ({
    catalogItemId: `CFQ7TTC0L${String(i).padStart(3, '0')}:0001:CFQ7TTC0K971`,
    productId: `P${i}`,
    productTitle: `Product ${i}`,
    skuId: '0001',
    skuTitle: `SKU ${i}`,
    isTrial: false,
    isPurchasable: true,
    terms: [
      { duration: 'P1M', billingCycle: 'monthly' },
      { duration: 'P1Y', billingCycle: 'annual' },
    ],
    provisioningVariables: [],
    purchasePrerequisites: [],
    enforceAttestation: false,
  }));
  const text = makeOrder(15);
  const parsed = service.parse('file:///bench.order.json', text);
  const catalog = catalogView(
    true,
    items.map((i) => [i.catalogItemId, i] as [string, CatalogItemInfo]),
  );
  const positions = [...text.matchAll(/"(offerId|termDuration|quantity)": "?/g)].map((m) =>
    parsed.lines.positionAt(m.index + m[0].length),
  );
  const samples: number[] = [];
  for (let round = 0; round < 40; round++) {
    for (const position of positions) {
      const start = performance.now();
      service.complete(parsed, orderKind, position, { catalog, catalogItems: items });
      samples.push(performance.now() - start);
    }
  }
  const p95 = percentile(samples, 0.95);
  console.log(
    `completion (warm, ${samples.length} requests): p50 ${percentile(samples, 0.5).toFixed(3)} ms, p95 ${p95.toFixed(3)} ms (target < 5 ms: ${p95 < 5 ? 'met' : 'NOT met'})`,
  );
}

/**
 * Two numbers from spawn: "ready" is the LSP handshake answered (the server accepts documents);
 * "first diagnostics" adds opening a typical order and receiving its diagnostics, which includes
 * loading the language core (warmed up right after initialized).
 */
async function serverReadyBench(): Promise<void> {
  const ready: number[] = [];
  const firstDiagnostics: number[] = [];
  const text = makeOrder(15);
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    const child = spawn(process.execPath, [join(__dirname, '..', '..', '..', 'dist', 'server.js'), '--stdio'], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const diagnosed = new Promise<void>((resolve) =>
      connection.onNotification(PublishDiagnosticsNotification.type, () => resolve()),
    );
    connection.listen();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
    ready.push(performance.now() - start);
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: 'file:///ready.order.json', languageId: 'json', version: 1, text },
    });
    await diagnosed;
    firstDiagnostics.push(performance.now() - start);
    connection.dispose();
    child.kill();
  }
  console.log(
    `server ready after spawn (initialize answered): median ${median(ready).toFixed(0)} ms of ${ready.length} (target < 200 ms: ${median(ready) < 200 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `first diagnostics after spawn (typical order, includes the 250 ms debounce): median ${median(firstDiagnostics).toFixed(0)} ms`,
  );
}

async function main(): Promise<void> {
  // PC_BENCH_ONLY=startup runs the start-up numbers alone (they take a few minutes of their own).
  if (process.env.PC_BENCH_ONLY === 'startup') return startupBench();
  const typical = makeOrder(15);
  const typicalMs = await time(500, () =>
    service.validate(service.parse('file:///t.order.json', typical), orderKind, { catalog: catalogView(true, []) }),
  );
  console.log(`typical order (15 lines): ${typicalMs.toFixed(3)} ms (target < 5 ms)`);
  await validationBench();
  await quadraticCasesBench();
  completionBench();
  await serverReadyBench();
  startupBench();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
