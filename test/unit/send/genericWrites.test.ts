// A generic `*.request.json` cannot buy around the confirmation: any write under a customer that
// is not on the list of known harmless writes (requestKinds.ts) is confirmed and journaled like a
// purchase: legacy add-ons by PATCH order, subscription transitions, upgrades, conversions...
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { requestKindById } from '../../../common/src/requestKinds';
import { Journal, MemoryJournalStore, planFromText, runDocument } from '../../../common/src/send';
import { withEmulator } from '../../support/emulator';
import { makeContext, recordingPrompts } from './helpers';

const request = requestKindById('request')!;
const C = '0c1e1f6b-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
const plan = (method: string, path: string, body?: unknown) =>
  planFromText(JSON.stringify({ method, path, ...(body === undefined ? {} : { body }) }), request);

describe('generic writes under a customer', () => {
  test('spend money unless they are a known harmless write', () => {
    assert.equal(plan('PATCH', `/v1/customers/${C}/orders/o1`, { status: 'cancelled' }).spendsMoney, true, 'legacy PATCH order');
    assert.equal(
      plan('POST', `/v1/customers/${C}/subscriptions/s1/transitions`, { toCatalogItemId: 'A:B:C', quantity: 1 }).spendsMoney,
      true,
    );
    assert.equal(plan('POST', `/customers/${C}/subscriptions/s1/upgrades`, {}).spendsMoney, true, '/v1 is optional');
    assert.equal(plan('DELETE', `/v1/customers/${C}/something/new`).spendsMoney, true, 'the default is "spends"');
    assert.equal(plan('PUT', `/v1/customers/${C}/carts/abc`, { lineItems: [] }).spendsMoney, false, 'updating a cart');
    assert.equal(plan('POST', `/v1/customers/${C}/agreements`, {}).spendsMoney, false, 'confirming an agreement');
    assert.equal(plan('GET', `/v1/customers/${C}/orders`).spendsMoney, false);
    const literal = plan('POST', '/v1/customers/{customerId}/subscriptions/s1/conversions', {});
    assert.equal(literal.spendsMoney, true);
    assert.equal(literal.needsCustomer, true);
    assert.equal(plan('PATCH', `/v1/customers/${C}/orders/o1`, {}).customerId, C);
  });

  test('are confirmed with the call and its body, and journaled while they are sent', async () => {
    await withEmulator(async (emu) => {
      const { customerId } = emu.fixtures;
      const text = JSON.stringify({
        method: 'PATCH',
        path: `/v1/customers/${customerId}/orders/abc`,
        body: { status: 'cancelled' },
      });
      const writes = () => emu.requests.filter((r) => r.method === 'PATCH');

      const no = recordingPrompts(false);
      const declined = await runDocument(text, request, makeContext(emu, no));
      assert.equal(declined.status, 'declined', declined.message);
      assert.equal(no.asked.length, 1);
      assert.equal(no.asked[0].customer.id, customerId);
      assert.deepEqual(no.asked[0].request, {
        method: 'PATCH',
        path: `/v1/customers/${customerId}/orders/abc`,
        body: { status: 'cancelled' },
      });
      assert.equal(writes().length, 0, 'nothing was sent');

      const store = new MemoryJournalStore();
      const journaled: number[] = [];
      const write = store.write.bind(store);
      store.write = async (entries) => {
        journaled.push(entries.length);
        await write(entries);
      };
      const yes = makeContext(emu, recordingPrompts(true), { journal: new Journal(store) });
      const sent = await runDocument(text, request, yes);
      assert.equal(writes().length, 1);
      assert.equal(writes()[0].requestId, sent.exchanges.at(-1)?.requestId);
      assert.deepEqual(journaled, [1, 0], 'journaled before sending, settled by the definite answer');
      await yes.client.close();
    });
  });
});
