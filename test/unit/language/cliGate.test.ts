// `validate` as a CI gate: every file is checked whatever its size; a file it could not check
// fully (the checker failed, or the catalog asked for with --endpoint did not answer) is an error
// and exit 2, never a pass; and one such file does not take the other files' results with it. The CLI runs as a real process, the
// catalog is the real emulator over HTTP.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '../../../emulator/src/index';
import { REPO } from './helpers';

interface JsonResult {
  file: string;
  severity: string;
  code: string;
  message: string;
}

/** Runs the CLI without blocking this process: the emulator answering it lives here. */
function cli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; results: JsonResult[]; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(REPO, 'dist', 'cli.js'), 'validate', '--format', 'json', ...args],
      { env: { ...process.env, PARTNER_CENTER_TOKEN: '', ...env }, maxBuffer: 1 << 30 },
      (err, stdout, stderr) => {
        const code = err ? Number((err as { code?: number }).code ?? -1) : 0;
        let results: JsonResult[] = [];
        try {
          results = JSON.parse(stdout) as JsonResult[];
        } catch {
          // Left empty: the assertions on results then fail and print stdout and stderr.
        }
        resolve({ code, results, stdout, stderr });
      },
    );
  });
}

const dir = mkdtempSync(join(tmpdir(), 'pc-gate-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const codesIn = (results: JsonResult[], path: string) =>
  results.filter((r) => r.file === path).map((r) => `${r.severity} ${r.code}`);

test('a 200,000-element array is reported line by line, and the other file of the run too', async () => {
  const huge = file(
    'huge.order.json',
    JSON.stringify({
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: Array<number>(200_000).fill(1),
    }),
  );
  const normal = join(REPO, 'test', 'fixtures', 'language', 'broken.cart.json');
  const r = await cli([huge, normal]);
  assert.equal(r.code, 1, r.stderr);
  const hugeCodes = codesIn(r.results, huge);
  assert.equal(hugeCodes.length, 200_000, r.stderr);
  assert.ok(hugeCodes.every((c) => c === 'error pc.schema.type'));
  assert.ok(codesIn(r.results, normal).includes('error pc.term.billingCycleMismatch'), r.stdout.slice(-2000));
});

test("a 60,000-line order over the editor's size limit is checked whole: the one bad term is reported, exit 1", async () => {
  // Issue 14: a 13 MB order with one bad term once passed with exit 0. The size limit is for
  // checking as you type; the command line checks every file, whatever its size.
  const bad = 41_234;
  const lineItems = Array.from({ length: 60_000 }, (_, i) => ({
    lineItemNumber: i,
    offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971',
    quantity: 1 + (i % 20),
    termDuration: i === bad ? 'P1M' : 'P1Y',
    friendlyName: `Line ${i}`,
  }));
  const text = JSON.stringify({ partnerOnRecordAttestationAccepted: true, billingCycle: 'annual', lineItems }, null, 2);
  assert.ok(text.length > 5 * 1024 * 1024, `the order is ${text.length} characters, over the 5 MB limit for typing`);
  const big = file('sixty-thousand.order.json', text);
  const fine = join(REPO, 'test', 'fixtures', 'language', 'docs-create.cart.json');
  const r = await cli([big, fine]);
  assert.equal(r.code, 1, r.stderr);
  const errors = r.results.filter((x) => x.file === big && x.severity === 'error') as (JsonResult & {
    range: { start: { line: number } };
  })[];
  assert.deepEqual(
    errors.map((e) => e.code),
    ['pc.term.billingCycleMismatch'],
    r.stdout.slice(0, 2000),
  );
  const badLine = text.split('\n').findIndex((l) => l.includes('"P1M"'));
  assert.equal(errors[0].range.start.line, badLine, 'the error is on the bad term');
  assert.ok(!codesIn(r.results, fine).some((c) => c.startsWith('error')), 'the other file is still reported, clean');

  const plain = await new Promise<{ code: number; stdout: string }>((resolve) =>
    execFile(process.execPath, [join(REPO, 'dist', 'cli.js'), 'validate', big], { maxBuffer: 1 << 26 }, (err, stdout) =>
      resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout }),
    ),
  );
  assert.equal(plain.code, 1);
  assert.match(plain.stdout, new RegExp(`:${badLine + 1}:\\d+: error pc\\.term\\.billingCycleMismatch: `));
  assert.match(plain.stdout, /1 error, 0 warnings\n$/);
});

test('--endpoint with the catalog unreachable, a wrong token or no token: an error saying why, exit 2', async (t) => {
  const emulator = await startEmulator({ requireToken: 'ci-token' });
  t.after(() => emulator.close());
  // A port that was just listening and is now closed: nothing answers there.
  const gone = await startEmulator();
  const closedUrl = gone.url;
  await gone.close();

  const order = file(
    'w365.order.json',
    JSON.stringify({
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: emulator.fixtures.catalog.attestation, quantity: 1, termDuration: 'P1M' }],
    }),
  );

  // The control: with the right token the catalog rules run and find the missing attestation.
  const good = await cli([order, '--endpoint', emulator.url], { PARTNER_CENTER_TOKEN: 'ci-token' });
  assert.equal(good.code, 1, good.stdout + good.stderr);
  assert.deepEqual(codesIn(good.results, order), ['error pc.catalog.attestationRequired']);

  const cases = [
    { what: 'unreachable', args: ['--endpoint', closedUrl], env: { PARTNER_CENTER_TOKEN: 'ci-token' }, why: /ECONNREFUSED/ },
    { what: 'wrong token', args: ['--endpoint', emulator.url], env: { PARTNER_CENTER_TOKEN: 'expired-token' }, why: /401/ },
    { what: 'no token', args: ['--endpoint', emulator.url], env: { PARTNER_CENTER_TOKEN: '' }, why: /401/ },
  ];
  for (const c of cases) {
    const r = await cli([order, ...c.args], c.env);
    assert.equal(r.code, 2, `${c.what}: ${r.stdout}${r.stderr}`);
    assert.deepEqual(codesIn(r.results, order), ['error pc.catalog.unavailable'], c.what);
    const message = r.results.find((x) => x.code === 'pc.catalog.unavailable')!.message;
    assert.match(message, /not fully checked/, c.what);
    assert.match(message, c.why, c.what);
    assert.ok(message.includes(c.args[1]), `${c.what}: the message names the endpoint`);
  }

  // A document that names no catalog item needs no catalog: the wrong token does not fail it.
  const customer = join(REPO, 'test', 'fixtures', 'language', 'contoso.customer.json');
  const noItems = await cli([customer, '--endpoint', emulator.url], { PARTNER_CENTER_TOKEN: 'expired-token' });
  assert.equal(noItems.code, 0, noItems.stdout + noItems.stderr);
  assert.ok(!codesIn(noItems.results, customer).some((c) => c.includes('pc.catalog')));
});

test('without --endpoint the catalog checks are off by choice: a note, not a failure', async () => {
  const order = file(
    'plain.order.json',
    JSON.stringify({
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971', quantity: 1, termDuration: 'P1M' }],
    }),
  );
  const r = await cli([order]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.deepEqual(codesIn(r.results, order), ['information pc.catalog.unavailable']);
});
