// `validate` as a CI gate: one file does not take the other files' results with it. The CLI runs
// as a real process.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO } from './helpers';

interface JsonResult { file: string; severity: string; code: string; message: string }

/** Runs the CLI without blocking this process: the emulator answering it lives here. */
function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; results: JsonResult[]; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(REPO, 'dist', 'cli.js'), 'validate', '--format', 'json', ...args], { env: { ...process.env, PARTNER_CENTER_TOKEN: '', ...env }, maxBuffer: 1 << 30 }, (err, stdout, stderr) => {
      const code = err ? Number((err as { code?: number }).code ?? -1) : 0;
      let results: JsonResult[] = [];
      try {
        results = JSON.parse(stdout) as JsonResult[];
      } catch {
        // Left empty: the assertions on results then fail and print stdout and stderr.
      }
      resolve({ code, results, stdout, stderr });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'pc-gate-'));
function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const codesIn = (results: JsonResult[], path: string) => results.filter((r) => r.file === path).map((r) => `${r.severity} ${r.code}`);

test('a 200,000-element array is reported line by line, and the other file of the run too', async () => {
  const huge = file('huge.order.json', JSON.stringify({ partnerOnRecordAttestationAccepted: true, billingCycle: 'monthly', lineItems: Array<number>(200_000).fill(1) }));
  const normal = join(REPO, 'test', 'fixtures', 'language', 'broken.cart.json');
  const r = await cli([huge, normal]);
  assert.equal(r.code, 1, r.stderr);
  const hugeCodes = codesIn(r.results, huge);
  assert.equal(hugeCodes.length, 200_000, r.stderr);
  assert.ok(hugeCodes.every((c) => c === 'error pc.schema.type'));
  assert.ok(codesIn(r.results, normal).includes('error pc.term.billingCycleMismatch'), r.stdout.slice(-2000));
});
