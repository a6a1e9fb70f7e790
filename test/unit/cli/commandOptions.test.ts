// The command line's options that the README names, each run as a person runs it (the real
// `node dist/cli.js`) against the real emulator: `send --kind`, `send --sandbox`, `validate --country`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { startEmulator } from '../../../emulator/src/index';
import { startTunnelProxy } from '../../support/tunnelProxy';

const cli = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      { env: { ...process.env, PARTNER_CENTER_TOKEN: 'cli-test', NO_PROXY: '', no_proxy: '', ...env } },
      (err, stdout, stderr) => {
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
      },
    );
    child.stdin?.end();
  });
}

function workspace(): string {
  return mkdtempSync(join(tmpdir(), 'pc-cli-options-'));
}

test('send --kind sends a file whose name says nothing, as that kind; without it the file is refused', async (t) => {
  const emulator = await startEmulator({});
  t.after(() => emulator.close());
  const { customerId, catalog } = emulator.fixtures;
  const file = join(workspace(), 'purchase.json');
  writeFileSync(
    file,
    JSON.stringify({
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: catalog.license, quantity: 2, termDuration: 'P1M' }],
    }),
  );
  const journal = join(workspace(), 'journal.json');
  const orderPosts = () =>
    emulator.requests.filter((r) => r.method === 'POST' && r.path.toLowerCase() === `/v1/customers/${customerId}/orders`);

  const refused = await run(['send', file, '--endpoint', emulator.url, '--customer', customerId, '--yes', '--journal', journal]);
  assert.equal(refused.code, 2);
  assert.match(refused.stderr, /purchase\.json is not a Partner Center request document; .*pass --kind/);
  assert.equal(orderPosts().length, 0);

  const placed = await run([
    'send',
    file,
    '--kind',
    'order',
    '--endpoint',
    emulator.url,
    '--customer',
    customerId,
    '--yes',
    '--journal',
    journal,
  ]);
  assert.equal(placed.code, 0, placed.stderr);
  assert.match(placed.stderr, /Place order for /);
  assert.equal(orderPosts().length, 1, 'sent as an order, once');
  assert.equal((JSON.parse(placed.stdout) as { status: number }).status, 201);
});

test('send --sandbox labels a non-local endpoint an integration sandbox instead of production in the confirmation', async (t) => {
  const emulator = await startEmulator({});
  t.after(() => emulator.close());
  // A host that is not loopback, carried to the emulator by a proxy, as real traffic would be.
  const proxy = await startTunnelProxy(Number(new URL(emulator.url).port));
  t.after(() => proxy.close());
  const { customerId, catalog } = emulator.fixtures;
  const file = join(workspace(), 'sandbox.order.json');
  writeFileSync(
    file,
    JSON.stringify({
      referenceCustomerId: customerId,
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: catalog.license, quantity: 1, termDuration: 'P1M' }],
    }),
  );
  const endpoint = 'http://sandbox.partner-center.test';
  const env = { HTTP_PROXY: proxy.url, http_proxy: proxy.url };

  const sandbox = await run(
    ['send', file, '--endpoint', endpoint, '--sandbox', '--yes', '--journal', join(workspace(), 'j.json')],
    env,
  );
  assert.equal(sandbox.code, 0, sandbox.stderr);
  assert.match(sandbox.stderr, /Environment: http:\/\/sandbox\.partner-center\.test \(integration sandbox\)/);
  assert.doesNotMatch(sandbox.stderr, /PRODUCTION/);
  assert.ok(proxy.connects.length > 0, 'the calls went through the proxy to the non-local host');

  const production = await run(['send', file, '--endpoint', endpoint, '--yes', '--journal', join(workspace(), 'j2.json')], env);
  assert.equal(production.code, 0, production.stderr);
  assert.match(production.stderr, /Environment: http:\/\/sandbox\.partner-center\.test \(PRODUCTION: real money\)/);
});

test('validate --country looks the catalog up in that market', async (t) => {
  const emulator = await startEmulator({});
  t.after(() => emulator.close());
  const file = join(workspace(), 'gb.order.json');
  writeFileSync(
    file,
    JSON.stringify({
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: emulator.fixtures.catalog.attestation, quantity: 1, termDuration: 'P1M' }],
    }),
  );
  const catalogCalls = () =>
    emulator.requests
      .filter((r) => r.path.startsWith('/v1/products/'))
      .map((r) => new URL(r.path, emulator.url).searchParams.get('country'));

  const gb = await run(['validate', file, '--format', 'json', '--endpoint', emulator.url, '--country', 'GB']);
  assert.ok(
    (JSON.parse(gb.stdout) as { code: string }[]).some((d) => d.code === 'pc.catalog.attestationRequired'),
    gb.stdout + gb.stderr,
  );
  const countries = catalogCalls();
  assert.ok(countries.length > 0, 'the catalog was asked');
  assert.deepEqual([...new Set(countries)], ['GB'], 'every catalog call named the GB market');

  const before = catalogCalls().length;
  await run(['validate', file, '--format', 'json', '--endpoint', emulator.url]);
  assert.deepEqual([...new Set(catalogCalls().slice(before))], ['US'], 'without --country the market is US');
});
