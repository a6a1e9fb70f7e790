// Start-up numbers (issue 14), each against its target:
//  - loading the shipped entry bundle (dist/client.js) in a fresh node with a stand-in `vscode`;
//  - the real activation in VS Code's extension host, measured by the integration harness running
//    the start-up suite (code-server, newest VS Code);
//  - the CLI's validate as a whole process against `node -e 0` on a typical order, and on a
//    20,000-item order against vscode-json-languageservice (a script doing what our CLI does: read,
//    parse, validate the same schema, print), against node + JSON.parse of the file and beside the
//    least checker of that order (leastCheckerScript); on the machine's Node and on the newest
//    runtime's (installed from the npm registry when missing).
// Whole-process runs alternate within each round (see timeInRounds in run.ts), so a shared
// machine's load slows them alike and the ratios stay meaningful; they run without the variables
// that make node do more at start (TIMED_ENV).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeOrder, median, selfContainedOrderSchema } from './documents';
import { ensureRuntimeNode } from '../harness/runtime';

const REPO = join(__dirname, '..', '..', '..');
const DIST = join(REPO, 'dist');

/**
 * The environment of every timed process: the bench's own, less what makes node do work at start
 * that a partner's `node` does not. NODE_EXTRA_CA_CERTS (set on this machine for its proxy) makes
 * Node 20 read and parse a bundle of certificates before running anything: 39 ms of every start
 * here (Node 24 reads it only when TLS is used). It would count in `node -e 0` and every
 * whole-process number alike, hiding what our CLI itself costs. NODE_OPTIONS could add flags or
 * preloaded modules to one side of a ratio.
 */
const TIMED_ENV: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => name !== 'NODE_EXTRA_CA_CERTS' && name !== 'NODE_OPTIONS'),
);

/**
 * Wall time of one process run of `node` (default: the one running the bench), in ms; fails the
 * bench if the process failed in a way `ok` does not allow.
 */
function runProcess(
  args: string[],
  ok: (status: number | null) => boolean = (s) => s === 0,
  node: string = process.execPath,
): number {
  const start = performance.now();
  // Output into a pipe, as CI and `| head` read it (into /dev/null node's stdout costs less).
  const result = spawnSync(node, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 28, env: TIMED_ENV });
  const ms = performance.now() - start;
  if (!ok(result.status)) {
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.toString().slice(0, 2000)}`);
  }
  return ms;
}

/** Medians of whole-process runs, one of each per round after one warm-up round (the file cache). */
function processRounds(rounds: number, runs: (() => number)[]): number[] {
  for (const run of runs) run();
  const samples: number[][] = runs.map(() => []);
  for (let round = 0; round < rounds; round++) runs.forEach((run, i) => samples[i].push(run()));
  return samples.map(median);
}

/**
 * A node script that requires the bundle with a stand-in `vscode` and prints how long the require
 * took. With "host" it first loads the node built-ins every VS Code extension host has loaded
 * before any extension (VS Code's own code uses them), so only the bundle's own cost is timed.
 */
const ENTRY_LOADER = `
if (process.argv[1] === 'host') for (const name of ['child_process', 'crypto', 'fs', 'fs/promises', 'net', 'os', 'path', 'url', 'util']) require('node:' + name);
const Module = require('node:module');
const stub = new Proxy(function () {}, { get: (_t, key) => (key === 'prototype' ? {} : stub), apply: () => stub, construct: () => stub });
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? stub : load.call(this, request, ...rest); };
const start = performance.now();
require(process.argv[process.argv.length - 1]);
process.stdout.write(String(performance.now() - start));
`;

function entryLoadBench(): void {
  const bundle = join(DIST, 'client.js');
  const samples = { host: [] as number[], bare: [] as number[] };
  for (let i = 0; i < 21; i++) {
    for (const mode of ['host', 'bare'] as const) {
      const out = spawnSync(process.execPath, ['-e', ENTRY_LOADER, mode, bundle], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`loading ${bundle} failed: ${out.stderr}`);
      if (i > 0) samples[mode].push(Number(out.stdout));
    }
  }
  const host = median(samples.host);
  const kb = readFileSync(bundle).length / 1024;
  console.log(
    `entry bundle dist/client.js (${kb.toFixed(0)} KB) loaded with a stand-in vscode, median of ${samples.host.length} fresh processes: ${host.toFixed(1)} ms with node's built-ins loaded as in an extension host (target <= 30 ms: ${host <= 30 ? 'met' : 'NOT met'}); ${median(samples.bare).toFixed(1)} ms in a bare node, built-ins included`,
  );
}

/**
 * The activation in a real extension host: the harness runs the start-up suite (which opens a
 * package.json in a fresh host) and the suite writes what it measured. Each run is a new
 * code-server, so few runs; PC_BENCH_HOST_RUNS=0 skips them.
 */
function activationBench(dir: string): void {
  const runs = Number(process.env.PC_BENCH_HOST_RUNS ?? 3);
  if (runs <= 0) {
    console.log('activation in the extension host: skipped (PC_BENCH_HOST_RUNS=0)');
    return;
  }
  const activate: number[] = [];
  for (let i = 0; i < runs; i++) {
    const file = join(dir, `timings-${i}.json`);
    const result = spawnSync(process.execPath, [join(REPO, 'out', 'test', 'harness', 'e2e.js')], {
      env: {
        ...process.env,
        PC_VSCODE: process.env.PC_VSCODE ?? 'newest',
        PC_TEST_GREP: 'Start-up cost',
        PC_STARTUP_TIMINGS_FILE: file,
      },
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    let timings: { activateMs: number } | undefined;
    try {
      timings = JSON.parse(readFileSync(file, 'utf8')) as typeof timings;
    } catch {
      console.log(
        `activation in the extension host: not measured, the harness failed:\n${`${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n')}`,
      );
      return;
    }
    activate.push(timings!.activateMs);
  }
  console.log(
    `activation in the extension host (VS Code ${process.env.PC_VSCODE ?? 'newest'}, ${runs} fresh hosts, activated by a JSON file): activate() median ${median(activate).toFixed(1)} ms, parts loaded: none (the start-up suite checks it)`,
  );
}

/** What vscode-json-languageservice's users would run as a CLI: read, parse, validate against the same schema, print. */
function jsonLanguageServiceCli(dir: string): string {
  const schemaFile = join(dir, 'order.schema.json');
  writeFileSync(schemaFile, JSON.stringify(selfContainedOrderSchema()));
  const script = join(dir, 'json-ls-validate.js');
  writeFileSync(
    script,
    `
const { readFileSync } = require('node:fs');
const { getLanguageService, TextDocument } = require(${JSON.stringify(require.resolve('vscode-json-languageservice'))});
const service = getLanguageService({});
service.configure({ validate: true, schemas: [{ uri: 'https://bench.invalid/order.schema.json', fileMatch: ['*.order.json'], schema: JSON.parse(readFileSync(${JSON.stringify(schemaFile)}, 'utf8')) }] });
const document = TextDocument.create('file:///' + process.argv[2].replace(/^\\//, ''), 'json', 1, readFileSync(process.argv[2], 'utf8'));
service.doValidation(document, service.parseJSONDocument(document)).then((diagnostics) => {
  process.stdout.write(diagnostics.map((d) => process.argv[2] + ':' + (d.range.start.line + 1) + ': ' + d.message).join('\\n') + '\\n');
  process.exitCode = diagnostics.length > 0 ? 1 : 0;
});
`,
  );
  return script;
}

/**
 * The least a checker of the benchmark's order can do, as a script: read the file, JSON.parse it,
 * check each line's five values by type and its term against the billing cycle (the one rule the
 * order breaks), find the text line where each reported item starts in one pass over the text, print. No
 * schema, no casing, no other rule, no general position lookup. Timed as a whole process it is
 * about what a checker that does anything costs, so json-ls's time over it is roughly the most any
 * checker can be faster than json-ls; ours over it is what our checks cost on top of that.
 */
function leastCheckerScript(dir: string, order: string): string {
  const script = join(dir, 'least-checker.js');
  writeFileSync(
    script,
    `
const file = process.argv[2];
const text = require('node:fs').readFileSync(file, 'utf8');
const order = JSON.parse(text);
const lines = order.lineItems;
const reported = new Uint8Array(lines.length);
let count = 0;
for (let i = 0; i < lines.length; i++) {
  const l = lines[i];
  const typed = typeof l.lineItemNumber === 'number' && typeof l.offerId === 'string' && typeof l.quantity === 'number' && typeof l.termDuration === 'string' && typeof l.friendlyName === 'string';
  if (!typed || (l.termDuration === 'P1M' && order.billingCycle === 'annual')) { reported[i] = 1; count++; }
}
let out = '';
// The line items are the objects that open two levels down; strings are skipped whole.
let line = 1, depth = 0, item = -1;
for (let pos = 0; pos < text.length && count > 0; pos++) {
  const c = text.charCodeAt(pos);
  if (c === 10) line++;
  else if (c === 34) { do pos = text.indexOf('"', pos + 1); while (text.charCodeAt(pos - 1) === 92); }
  else if (c === 123 || c === 91) { if (++depth === 3 && c === 123 && reported[++item]) { out += file + ':' + line + ': line ' + item + ' has a term its billing cycle does not allow\\n'; count--; } }
  else if (c === 125 || c === 93) depth--;
}
process.stdout.write(out);
process.exitCode = out ? 1 : 0;
`,
  );
  // A script that throws exits 1 too: make sure it reports every line the order breaks before timing it.
  const lines = spawnSync(process.execPath, [script, order], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  const expected = JSON.parse(readFileSync(order, 'utf8')).lineItems.filter(
    (l: { termDuration: string }) => l.termDuration === 'P1M',
  ).length;
  if (lines.length !== expected) throw new Error(`the least checker reported ${lines.length} lines, not ${expected}`);
  return script;
}

/**
 * The command line's numbers on one Node: the machine's (the one running the bench) and the newest
 * runtime's. The targets are ratios to that same Node's own start, which differs a lot between
 * them (Node 24 starts in about half the time of Node 20), so each is reported for both.
 */
function cliBench(dir: string, node: string): void {
  const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
  const run = (args: string[], ok?: (status: number | null) => boolean) => () => runProcess(args, ok, node);
  const cli = join(DIST, 'cli.js');
  const typical = join(dir, 'typical.order.json');
  writeFileSync(typical, makeOrder(15));
  const withErrors = (s: number | null) => s === 0 || s === 1;
  const [nodeMs, typicalMs] = processRounds(21, [run(['-e', '0']), run([cli, 'validate', typical], withErrors)]);
  const ratio = typicalMs / nodeMs;
  console.log(
    `Node ${version}: validate, typical order (15 lines), whole process: median ${typicalMs.toFixed(0)} ms; node -e 0 ${nodeMs.toFixed(0)} ms; ${ratio.toFixed(2)}x node (target <= 1.3x: ${ratio <= 1.3 ? 'met' : 'NOT met'})`,
  );

  const large = join(dir, 'large.order.json');
  writeFileSync(large, makeOrder(20_000));
  const jsonLs = jsonLanguageServiceCli(dir);
  const parseOnly = `JSON.parse(require('node:fs').readFileSync(${JSON.stringify(large)}, 'utf8'))`;
  const [oursMs, theirsMs, parseMs, leastMs] = processRounds(9, [
    run([cli, 'validate', large], withErrors),
    run([jsonLs, large], withErrors),
    run(['-e', parseOnly]),
    run([leastCheckerScript(dir, large), large], (s) => s === 1),
  ]);
  const faster = theirsMs / oursMs;
  const overParse = oursMs / parseMs;
  console.log(
    `Node ${version}: validate, 20,000-item order (${(readFileSync(large).length / 1024 / 1024).toFixed(1)} MB), whole process: median ${oursMs.toFixed(0)} ms; vscode-json-languageservice ${theirsMs.toFixed(0)} ms (${faster.toFixed(2)}x ours, target >= 3x: ${faster >= 3 ? 'met' : 'NOT met'}); node + JSON.parse ${parseMs.toFixed(0)} ms (ours ${overParse.toFixed(2)}x, target <= 2x: ${overParse <= 2 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `Node ${version}: the least checker of that order (read, JSON.parse, five type checks and the term rule a line, one pass for the text line each reported item starts on, print) ${leastMs.toFixed(0)} ms: vscode-json-languageservice ${(theirsMs / leastMs).toFixed(2)}x it (about the most any checker can be faster than it); ours ${(oursMs / leastMs).toFixed(2)}x it`,
  );
}

/** The command line on the newest runtime's Node, which installs only on Linux x64 (and needs the registry). */
function newestNodeCliBench(dir: string): void {
  let node: string;
  try {
    node = ensureRuntimeNode();
  } catch (err) {
    console.log(`command line on the newest runtime's Node: skipped, it could not be installed (${String(err).split('\n')[0]})`);
    return;
  }
  cliBench(dir, node);
}

export function startupBench(): void {
  const dir = mkdtempSync(join(tmpdir(), 'pc-bench-startup-'));
  try {
    if (process.env.NODE_EXTRA_CA_CERTS) {
      console.log('whole-process runs: without NODE_EXTRA_CA_CERTS, which makes Node 20 parse certificates at every start');
    }
    entryLoadBench();
    cliBench(dir, process.execPath);
    newestNodeCliBench(dir);
    activationBench(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
