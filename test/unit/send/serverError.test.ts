// A 5xx to a purchase can come after the order was committed (reference §6.2: 800005 is a 500), so
// it is not a definite "no": the journal keeps the send, the next run asks the service first and
// sends again under the SAME request id, which Partner Center de-duplicates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PartnerCenterClient } from '../../../common/src/api';
import { requestKindById } from '../../../common/src/requestKinds';
import { Journal, MemoryJournalStore, runDocument, type RunContext } from '../../../common/src/send';
import { startFakeService } from './fakeService';
import { orderDocument, recordingPrompts } from './helpers';

const CUSTOMER = '0c1e1f6b-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
const ITEM = 'CFQ7TTC0LF8S:0001:CFQ7TTC0N81H';

test('a 500 to an order keeps the journal entry, and the next run re-sends under the same request id', async () => {
  const service = await startFakeService((req) => {
    if (req.method !== 'POST') return undefined;
    const first = service.requests.filter((r) => r.method === 'POST').length === 1;
    return first ? { status: 500, body: { code: 800005, description: 'Create order not successful' } }
      : { status: 201, body: { id: 'o2', billingCycle: 'monthly', lineItems: [{ lineItemNumber: 0, offerId: ITEM, quantity: 1 }] } };
  });
  const client = new PartnerCenterClient({ endpoint: service.url, tokenProvider: { getToken: async () => 't' } });
  const store = new MemoryJournalStore();
  const ctx = (): RunContext => ({ client, environment: { kind: 'emulator', label: 'fake' }, journal: new Journal(store),
    documentUri: 'file:///w/a.order.json', prompts: recordingPrompts(true), retry: { baseDelayMs: 10 } });
  const doc = orderDocument(CUSTOMER, [{ item: ITEM, quantity: 1 }]);
  try {
    const first = await runDocument(doc, requestKindById('order')!, ctx());
    assert.equal(first.status, 'unknown', first.message);
    assert.match(first.message, /journaled/);
    assert.equal((await store.read()).length, 1, 'the send stays journaled');

    const second = await runDocument(doc, requestKindById('order')!, ctx());
    assert.equal(second.status, 'done', second.message);
    const posts = service.requests.filter((r) => r.method === 'POST');
    assert.equal(posts.length, 2);
    assert.equal(new Set(posts.map((p) => p.requestId)).size, 1, 'the second send re-used the journaled request id');
    assert.ok(service.requests.findIndex((r) => r.method === 'GET' && /\/orders/.test(r.path)) < service.requests.lastIndexOf(posts[1]),
      'the service was asked about the first send before the second');
    assert.deepEqual(await store.read(), [], 'the 201 settled it');
  } finally {
    await client.close();
    await service.close();
  }
});
