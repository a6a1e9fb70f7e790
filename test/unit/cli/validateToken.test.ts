// `validate --endpoint` takes its token from PARTNER_CENTER_TOKEN (or --token-file), never only
// from the command line: the catalog rules run only when the emulator accepts that token.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startEmulator } from '../../../emulator/src/index';

const cli = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

function validate(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, 'validate', ...args], { env: { ...process.env, ...env } }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

test('validate reads the token from PARTNER_CENTER_TOKEN or --token-file and then runs the catalog rules', async (t) => {
  const emulator = await startEmulator({ requireToken: 'ci-token-123' });
  t.after(() => emulator.close());
  const dir = mkdtempSync(join(tmpdir(), 'pc-validate-'));
  const file = join(dir, 'w365.order.json');
  writeFileSync(
    file,
    JSON.stringify({
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: emulator.fixtures.catalog.attestation, quantity: 1, termDuration: 'P1M' }],
    }),
  );

  const codes = (stdout: string) => (JSON.parse(stdout) as { code: string }[]).map((d) => d.code);

  const fromEnv = await validate([file, '--format', 'json', '--endpoint', emulator.url], {
    PARTNER_CENTER_TOKEN: 'ci-token-123',
  });
  assert.equal(fromEnv.code, 1, fromEnv.stderr);
  assert.equal(fromEnv.stderr, '');
  assert.ok(codes(fromEnv.stdout).includes('pc.catalog.attestationRequired'));

  const tokenFile = join(dir, 'token');
  writeFileSync(tokenFile, 'ci-token-123\n');
  const fromFile = await validate([file, '--format', 'json', '--endpoint', emulator.url, '--token-file', tokenFile], {
    PARTNER_CENTER_TOKEN: '',
  });
  assert.ok(codes(fromFile.stdout).includes('pc.catalog.attestationRequired'));

  const wrong = await validate([file, '--format', 'json', '--endpoint', emulator.url], { PARTNER_CENTER_TOKEN: 'not-the-token' });
  assert.ok(!codes(wrong.stdout).includes('pc.catalog.attestationRequired'), 'a rejected token turns the catalog rules off');
  assert.ok(codes(wrong.stdout).includes('pc.catalog.unavailable'));
  assert.ok(!wrong.stdout.includes('not-the-token') && !wrong.stderr.includes('not-the-token'), 'the token is never printed');

  const usage = await validate([file, '--token-file', tokenFile, '--token', 'x', '--endpoint', emulator.url], {});
  assert.equal(usage.code, 2);
});
