// A purchase addressed through another spelling of its path (dot segments, escapes, doubled or
// backward slashes) is still a purchase: the path is classified as the URL the client really
// sends, so it is confirmed, journaled and checked like any order, and a subscription PATCH is
// still merged. Driven through the command line as a script runs it (no terminal, no --yes).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { requestKindById } from '../../../common/src/requestKinds';
import { runDocument } from '../../../common/src/send';
import { withEmulator } from '../../support/emulator';
import { makeContext, orderDocument, recordingPrompts, runCli, writeDocument } from './helpers';

describe('a request is classified by the URL that is sent', () => {
  test('an order addressed through dot segments, escapes or odd slashes is refused without --yes, and nothing is posted', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      const body = JSON.parse(orderDocument(undefined, [{ item: catalog.license, quantity: 1 }])) as Record<string, unknown>;
      delete body.$schema;
      const spellings = [
        `/v1/./customers/${customerId}/orders`,
        `/v1/x/../customers/${customerId}/orders`,
        `/v1/%2e/customers/${customerId}/orders`,
        `/v1//customers//${customerId}/orders/`,
        `/v1/%63ustomers/${customerId}/ORDERS`,
        `/v1\\customers\\${customerId}\\orders`,
      ];
      for (const path of spellings) {
        const file = writeDocument('buy.request.json', JSON.stringify({ method: 'POST', path, body }));
        const run = await runCli(['send', file, '--endpoint', emu.url]);
        assert.equal(run.code, 2, `${path}: ${run.stderr}`);
        assert.match(run.stderr, /refusing to make a purchase without --yes/, path);
        assert.match(run.stderr, /Line 0: 1 ×/, `${path}: confirmed as an order, line by line`);
      }
      assert.deepEqual(
        emu.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`),
        [],
        'nothing but reads reached the service',
      );
    });
  });

  test('a path with a bad %-escape, or one that climbs out of /v1, is refused with a clear message', async () => {
    await withEmulator(async (emu) => {
      const { customerId } = emu.fixtures;
      for (const [path, why] of [
        [`/v1/customers/${customerId}/orders%zz`, /does not start an escape/],
        [`/v1/customers/${customerId}%2Forders`, /encodes "\/"/],
        ['/v1/../../customers', /climbs above the root|outside the Partner Center API/],
      ] as const) {
        const file = writeDocument('bad.request.json', JSON.stringify({ method: 'POST', path, body: {} }));
        const run = await runCli(['send', file, '--endpoint', emu.url, '--yes']);
        assert.equal(run.code, 2, `${path}: ${run.stderr}`);
        assert.match(run.stderr, why, path);
        assert.doesNotMatch(run.stderr, /URIError|URI malformed|at .*\.js:\d+/, `${path}: no stack or raw exception`);
      }
      assert.deepEqual(
        emu.requests.map((r) => r.path),
        [],
        'nothing was sent',
      );
    });
  });

  test('a path value that is a dot segment is refused before anything is sent', async () => {
    await withEmulator(async (emu) => {
      const prompts = recordingPrompts(true);
      const ctx = makeContext(emu, prompts);
      const result = await runDocument(JSON.stringify({ id: '..', quantity: 3 }), requestKindById('subscription')!, {
        ...ctx,
        customerId: emu.fixtures.customerId,
      });
      assert.equal(result.status, 'blocked', result.message);
      assert.match(result.message, /cannot be the \{subscriptionId\}/);
      assert.deepEqual(
        emu.requests.map((r) => r.path),
        [],
      );
      await ctx.client.close();
    });
  });
});
