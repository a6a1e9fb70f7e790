// The CLI on the documentation's example bodies and broken ones: exit codes and JSON output.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeOrder } from '../../bench/documents';
import { REPO } from './helpers';

const fixture = (name: string) => join(REPO, 'test', 'fixtures', 'language', name);

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'validate', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `validate` of the documentation's order by the CLI at `cliJs`, with its code cache under `cacheHome`. */
function validateWithCache(cacheHome: string, cliJs = join(REPO, 'dist', 'cli.js')) {
  return spawnSync(process.execPath, [cliJs, 'validate', fixture('docs-create.order.json')], {
    encoding: 'utf8',
    env: { ...process.env, XDG_CACHE_HOME: cacheHome },
  });
}

interface JsonResult {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

test('the documentation example bodies validate with exit 0', () => {
  const r = cli(
    fixture('docs-create.order.json'),
    fixture('docs-reserved-instance.order.json'),
    fixture('docs-create.cart.json'),
    '--format',
    'json',
  );
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const results = JSON.parse(r.stdout) as JsonResult[];
  assert.ok(results.every((x) => x.severity !== 'error'));
  assert.ok(results.some((x) => x.code === 'pc.casing.property' && x.severity === 'hint'));
});

test('broken bodies exit 1 with zero-based ranges, severities and codes in JSON', () => {
  const r = cli(fixture('broken.order.json'), '--format', 'json');
  assert.equal(r.code, 1);
  const results = JSON.parse(r.stdout) as JsonResult[];
  const numbering = results.find((x) => x.code === 'pc.lineItem.numbering')!;
  assert.deepEqual(numbering.range, { start: { line: 5, character: 24 }, end: { line: 5, character: 25 } });
  assert.equal(numbering.severity, 'error');
  assert.equal(numbering.file, fixture('broken.order.json'));
  assert.deepEqual(Object.keys(numbering).sort(), ['code', 'file', 'message', 'range', 'severity']);
});

test('text output, syntax errors, usage and unreadable files', () => {
  const text = cli(fixture('broken.cart.json'));
  assert.equal(text.code, 1);
  assert.match(text.stdout, /broken\.cart\.json:6:\d+: error pc\.term\.billingCycleMismatch/);
  assert.equal(cli().code, 2);
  assert.equal(cli('--format', 'xml', fixture('broken.cart.json')).code, 2);
  assert.equal(cli(fixture('does-not-exist.order.json')).code, 2);
  assert.equal(cli(join(REPO, 'package.json')).code, 2, 'a file of no known kind is a usage error');
  assert.equal(cli(join(REPO, 'package.json'), '--kind', 'order', '--format', 'json').code, 1);
});

test('a reader that closes the pipe early (| head -1) ends the run quietly, with its exit status', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-cli-pipe-'));
  try {
    // 1,000 mismatched lines: far more output than a pipe holds, so most of it is still to be
    // written when the reader has gone.
    const file = join(dir, 'long.order.json');
    writeFileSync(file, makeOrder(50_000));
    const [errFile, statusFile] = [join(dir, 'stderr.txt'), join(dir, 'status.txt')];
    // A shell pipe, as a user's: node's own child pipes are sockets, which fail otherwise.
    const pipeline = spawnSync(
      'sh',
      [
        '-c',
        '( "$1" "$2" validate "$3" 2>"$4"; echo $? >"$5" ) | head -n 1',
        'sh',
        process.execPath,
        join(REPO, 'dist', 'cli.js'),
        file,
        errFile,
        statusFile,
      ],
      { encoding: 'utf8' },
    );
    assert.match(pipeline.stdout, /^[^\n]*long\.order\.json:\d+:\d+: error pc\.term\.billingCycleMismatch[^\n]*\n$/);
    assert.equal(readFileSync(errFile, 'utf8'), '', 'no stack trace, no message');
    assert.equal(readFileSync(statusFile, 'utf8').trim(), '1', 'the exit status of a run that found errors');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('output into a full non-blocking pipe (stderr sent to it as well) waits for a slow reader, and every line arrives', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-cli-nonblocking-'));
  try {
    // 2,000 lines, each with a term its billing cycle does not allow: about 300 KB of diagnostics,
    // several times what a pipe holds, written at once while the reader is still asleep.
    const order = JSON.parse(makeOrder(2000)) as { lineItems: { termDuration: string }[] };
    for (const line of order.lineItems) line.termDuration = 'P1M';
    const file = join(dir, 'long.order.json');
    writeFileSync(file, JSON.stringify(order, null, 2));
    const statusFile = join(dir, 'status.txt');
    // With 2>&1 both descriptors share the pipe, and writing the missing file's error to stderr
    // makes node's stream set it non-blocking: then a full pipe answers EAGAIN.
    const pipeline = spawnSync(
      'sh',
      [
        '-c',
        '( "$1" "$2" validate "$3" "$4" 2>&1; echo $? >"$5" ) | ( sleep 2; cat )',
        'sh',
        process.execPath,
        join(REPO, 'dist', 'cli.js'),
        join(dir, 'missing.order.json'),
        file,
        statusFile,
      ],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    );
    const lines = pipeline.stdout.trimEnd().split('\n');
    assert.match(lines[0], /missing\.order\.json: cannot read \(ENOENT\)/);
    assert.equal(lines.filter((line) => line.includes('error pc.term.billingCycleMismatch')).length, 2000);
    assert.equal(lines[lines.length - 1], '2000 errors, 0 warnings');
    assert.equal(readFileSync(statusFile, 'utf8').trim(), '2', 'a file that could not be read');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("checking an order loads the order schema's validator alone, and keeps it in the code cache for the next run", () => {
  const cache = mkdtempSync(join(tmpdir(), 'pc-cli-cache-'));
  try {
    const first = validateWithCache(cache);
    assert.equal(first.status, 0, first.stdout + first.stderr);
    const cached = () =>
      readdirSync(join(cache, 'partner-center-vscode', 'compile-cache')).map((name) => name.replace(/-v\d.*/, ''));
    // Each schema's validator is a bundle of its own (esbuild.mjs), required through the cache.
    assert.deepEqual(cached().sort(), ['cli-validate', 'validator-order']);
    const second = validateWithCache(cache);
    assert.equal(second.stdout, first.stdout, 'the cached run reports the same');
  } finally {
    rmSync(cache, { recursive: true, force: true });
  }
});

test('a validator rebuilt at the same length is run as rebuilt, not from the code cache of the old one', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-cli-rebuilt-'));
  try {
    const dist = join(dir, 'dist');
    mkdirSync(dist);
    for (const bundle of ['cli.js', 'cli-validate.js', 'validator-order.js']) {
      copyFileSync(join(REPO, 'dist', bundle), join(dist, bundle));
    }
    const run = () => validateWithCache(join(dir, 'cache'), join(dist, 'cli.js'));
    assert.equal(run().status, 0, 'the documented order, billed monthly, is valid');
    // A schema change that keeps the bundle's length: "monthly" is no longer an allowed billing cycle.
    const validator = join(dist, 'validator-order.js');
    const before = readFileSync(validator, 'utf8');
    const after = before.replace(/(===\s*)"monthly"/g, '$1"monthlX"');
    assert.ok(after !== before && after.length === before.length);
    writeFileSync(validator, after);
    const rebuilt = run();
    assert.equal(rebuilt.status, 1, rebuilt.stdout + rebuilt.stderr);
    assert.match(rebuilt.stdout, /error pc\.schema\.enum: "monthly" is not a valid "billingCycle" value/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
