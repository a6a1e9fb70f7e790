// 2xx answers that are not purchases made: a 200 with a business error (400072, reference §6.2)
// and a checkout whose `orderErrors` list groups that were not placed (§3.5) are failures, with
// the codes shown, not "done". Both come from the emulator's faults for those documented answers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PartnerCenterClient } from '../../../common/src/api';
import { requestKindById } from '../../../common/src/requestKinds';
import { describeExchange, Journal, MemoryJournalStore, runDocument, type RunContext } from '../../../common/src/send';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { sendJson, startScriptedServer } from '../../support/scriptedServer';
import { makeContext, orderDocument, recordingPrompts } from './helpers';

const orderCount = async (emu: RunningEmulator, customerId: string): Promise<number> =>
  (
    (await (await fetch(`${emu.url}/v1/customers/${customerId}/orders`, { headers: { Authorization: 'Bearer t' } })).json()) as {
      totalCount: number;
    }
  ).totalCount;

test('an order answered 200 with error 400072 failed, with the code and its meaning, and nothing was bought', async () => {
  await withEmulator(async (emu) => {
    const customerId = emu.fixtures.customerId;
    const before = await orderCount(emu, customerId);
    const store = new MemoryJournalStore();
    const ctx = makeContext(emu, recordingPrompts(true), { journal: new Journal(store) });
    emu.setFaults({ status200Error: 1 });
    try {
      const result = await runDocument(
        orderDocument(customerId, [{ item: emu.fixtures.catalog.license, quantity: 1 }]),
        requestKindById('order')!,
        ctx,
      );
      assert.equal(result.status, 'failed', result.message);
      assert.match(result.message, /400072/);
      assert.deepEqual(result.orderIds, []);
      assert.deepEqual(await store.read(), [], 'a business answer is definite: nothing to check later');
      const shown = describeExchange(result.exchanges.at(-1)!) as {
        status?: number;
        error?: { code?: unknown; meaning?: string };
      };
      assert.equal(shown.status, 200);
      assert.equal(shown.error?.code, 400072);
      assert.match(String(shown.error?.meaning), /not available/);
    } finally {
      await ctx.client.close();
    }
    assert.deepEqual(
      emu.requests.filter((r) => r.fault).map((r) => [r.method, r.fault]),
      [['POST', 'status-200-error']],
    );
    emu.setFaults(undefined);
    assert.equal(await orderCount(emu, customerId), before);
  });
});

// The emulator answers only what Partner Center documents, and a 201 without an order id is not
// among it: this malformed answer needs a server scripted to give it (reads get an empty list).
test('an order answered 201 without an order id failed', async (t) => {
  const server = await startScriptedServer((req, res) =>
    sendJson(res, req.method === 'POST' ? 201 : 200, req.method === 'POST' ? {} : { totalCount: 0, items: [] }),
  );
  t.after(() => server.close());
  const client = new PartnerCenterClient({ endpoint: server.url, tokenProvider: { getToken: async () => 't' } });
  t.after(() => client.close());
  const ctx: RunContext = {
    client,
    environment: { kind: 'emulator', label: 'scripted' },
    journal: new Journal(new MemoryJournalStore()),
    prompts: recordingPrompts(true),
    documentUri: 'file:///w/x.json',
  };
  const result = await runDocument(
    orderDocument('0c1e1f6b-2d3a-4b5c-8d9e-0f1a2b3c4d5e', [{ item: 'CFQ7TTC0LF8S:0001:CFQ7TTC0N81H', quantity: 1 }]),
    requestKindById('order')!,
    ctx,
  );
  assert.equal(result.status, 'failed', result.message);
  assert.match(result.message, /no order id/);
  assert.equal(server.requests.filter((r) => r.method === 'POST').length, 1);
});

test('a checkout with orderErrors failed, listing each unplaced order group with its code', async () => {
  await withEmulator(async (emu) => {
    const customerId = emu.fixtures.customerId;
    const ctx = makeContext(emu, recordingPrompts(true));
    try {
      const cart = await ctx.client.carts.create(customerId, {
        lineItems: [
          { id: 0, catalogItemId: emu.fixtures.catalog.license, quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' },
          { id: 1, catalogItemId: emu.fixtures.catalog.software, quantity: 1, billingCycle: 'one_time' },
        ],
      });
      const before = await orderCount(emu, customerId);
      emu.setFaults({ checkoutOrderErrors: 1 });
      const text = JSON.stringify({ method: 'POST', path: `/v1/customers/${customerId}/carts/${cart.id}/checkout` });
      const result = await runDocument(text, requestKindById('request')!, ctx);
      emu.setFaults(undefined);
      assert.equal(result.status, 'failed', result.message);
      assert.match(result.message, /could not place 2 order group\(s\)/);
      assert.match(result.message, /800010 [^;]*\(order group 0\)/);
      assert.match(result.message, /800010 [^;]*\(order group 1\)/);
      assert.equal(await orderCount(emu, customerId), before, 'nothing was placed');
    } finally {
      await ctx.client.close();
    }
  });
});
