// Bad input to `send` (and `validate`) gets a clear error at the right place, never a crash or a
// silent repair: a body is checked whatever its size, absurd nesting is refused, bytes that are not
// UTF-8 are named with their offset, a "%" in a file name is just a character, and the journal is
// only mentioned when a send was really kept in it.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { withEmulator } from '../../support/emulator';
import { waitFor } from '../../support/waitFor';
import { orderDocument, orderPosts, runCli, startCli, writeDocument } from './helpers';

describe('send and validate on bad input', () => {
  test('an order too large for the editor to check is still checked before it is sent', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      const order = JSON.parse(
        orderDocument(customerId, [
          { item: catalog.license, quantity: 1 },
          { item: catalog.license, quantity: 2 },
        ]),
      ) as Record<string, unknown>;
      // Errors the language rules report: a billing cycle that does not exist and line numbers 0, 5.
      order.billingCycle = 'montly';
      (order.lineItems as { lineItemNumber: number }[])[1].lineItemNumber = 5;
      // About 1.3 MB as written; re-indented it would pass 5 million characters, where the editor stops checking.
      let bulk: unknown = Array.from({ length: 600_000 }, () => 0);
      for (let i = 0; i < 8; i++) bulk = [bulk];
      order.notes = bulk;
      const text = JSON.stringify(order);
      assert.ok(
        text.length > 1_000_000 && JSON.stringify(order, null, 2).length > 5 * 1024 * 1024,
        'the document is the size the review used',
      );
      const run = await runCli(['send', writeDocument('big.order.json', text), '--endpoint', emu.url, '--yes']);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /Not sent:.*montly/s);
      assert.equal(orderPosts(emu, customerId).length, 0, 'nothing was posted');
    });
  });

  test('a document nested 5,000 levels deep is refused with a message, not a stack overflow', async () => {
    await withEmulator(async (emu) => {
      const body = `${'['.repeat(5000)}${']'.repeat(5000)}`;
      const file = writeDocument(
        'deep.request.json',
        `{"method":"POST","path":"/v1/customers/${emu.fixtures.customerId}/agreements","body":${body}}`,
      );
      const run = await runCli(['send', file, '--endpoint', emu.url, '--yes']);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /nests arrays and objects deeper than 100 levels/);
      assert.doesNotMatch(run.stderr, /call stack/i);
      assert.deepEqual(
        emu.requests.map((r) => r.path),
        [],
      );
    });
  });

  test('bytes that are not UTF-8 are an error naming the file and the offset, for send and validate', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      const text = orderDocument(customerId, [{ item: catalog.license, quantity: 1 }]);
      const at = text.indexOf('monthly');
      const bytes = Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xff]), Buffer.from(text.slice(at))]);
      const file = writeDocument('latin1.order.json', bytes);
      const sent = await runCli(['send', file, '--endpoint', emu.url, '--yes']);
      assert.equal(sent.code, 2, sent.stderr);
      assert.ok(
        sent.stderr.includes(`${file} is not UTF-8 text: the byte at offset ${Buffer.byteLength(text.slice(0, at))} (0xff)`),
        sent.stderr,
      );
      assert.equal(orderPosts(emu, customerId).length, 0);
      const validated = await runCli(['validate', file]);
      assert.notEqual(validated.code, 0, validated.stdout);
      assert.ok(
        validated.stderr.includes(`${file} is not UTF-8 text: the byte at offset ${Buffer.byteLength(text.slice(0, at))}`),
        validated.stderr,
      );
    });
  });

  test('a file named 100%.order.json can be sent', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      // Without "$schema", so the kind comes from the file name.
      const text = orderDocument(customerId, [{ item: catalog.license, quantity: 1 }]).replace(/\s*"\$schema": "[^"]*",/, '');
      assert.doesNotMatch(text, /\$schema/);
      const run = await runCli(['send', writeDocument('100%.order.json', text), '--endpoint', emu.url, '--yes']);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(orderPosts(emu, customerId).length, 1);
    });
  });

  test('a cancelled read does not claim to be kept in a journal', async () => {
    await withEmulator(async (emu) => {
      emu.setFaults({ latencyMs: 600_000 });
      const cache = mkdtempSync(join(tmpdir(), 'pc-cache-'));
      const file = writeDocument('customers.request.json', JSON.stringify({ method: 'GET', path: '/v1/customers' }));
      const run = startCli(['send', file, '--endpoint', emu.url], { XDG_CACHE_HOME: cache });
      await waitFor('the listing to reach the emulator', () => emu.requests.some((r) => r.path === '/v1/customers'));
      run.child.kill('SIGINT');
      const { code, stderr } = await run.done;
      assert.equal(code, 1, stderr);
      assert.match(stderr, /Cancelled/);
      assert.doesNotMatch(stderr, /kept in|journaled/);
      assert.equal(existsSync(join(cache, 'partner-center-vscode', 'cli-journal.json')), false, 'there is no journal');
    });
  });
});
