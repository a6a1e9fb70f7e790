// 2xx answers that are not purchases made: a 200 with a business error (400072, reference §6.2)
// and a checkout whose `orderErrors` list groups that were not placed (§3.5) are failures, with
// the codes shown, not "done".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PartnerCenterClient } from '../../../common/src/api';
import { requestKindById } from '../../../common/src/requestKinds';
import { describeExchange, Journal, MemoryJournalStore, runDocument, type RunContext } from '../../../common/src/send';
import { type FakeAnswer, type FakeRequest, startFakeService } from './fakeService';
import { orderDocument, recordingPrompts } from './helpers';

const CUSTOMER = '0c1e1f6b-2d3a-4b5c-8d9e-0f1a2b3c4d5e';
const ITEM = 'CFQ7TTC0LF8S:0001:CFQ7TTC0N81H';

async function runAgainst(answer: (req: FakeRequest) => FakeAnswer | undefined, text: string, kindId: string) {
  const service = await startFakeService(answer);
  const client = new PartnerCenterClient({ endpoint: service.url, tokenProvider: { getToken: async () => 't' } });
  const store = new MemoryJournalStore();
  const ctx: RunContext = { client, environment: { kind: 'emulator', label: 'fake' }, journal: new Journal(store), prompts: recordingPrompts(true), documentUri: 'file:///w/x.json' };
  try {
    return { result: await runDocument(text, requestKindById(kindId)!, ctx), journal: await store.read() };
  } finally {
    await client.close();
    await service.close();
  }
}

test('an order answered 200 with error 400072 failed, with the code and its meaning', async () => {
  const { result, journal } = await runAgainst((req) => (req.method === 'POST' ? { status: 200, body: { code: 400072, description: 'This item isn\'t available' } } : undefined),
    orderDocument(CUSTOMER, [{ item: ITEM, quantity: 1 }]), 'order');
  assert.equal(result.status, 'failed', result.message);
  assert.match(result.message, /400072/);
  assert.deepEqual(result.orderIds, []);
  assert.deepEqual(journal, [], 'a business answer is definite: nothing to check later');
  const shown = describeExchange(result.exchanges.at(-1)!) as { error?: { code?: unknown; meaning?: string } };
  assert.equal(shown.error?.code, 400072);
  assert.match(String(shown.error?.meaning), /not available/);
});

test('an order answered 201 without an order id failed', async () => {
  const { result } = await runAgainst((req) => (req.method === 'POST' ? { status: 201, body: {} } : undefined), orderDocument(CUSTOMER, [{ item: ITEM, quantity: 1 }]), 'order');
  assert.equal(result.status, 'failed', result.message);
  assert.match(result.message, /no order id/);
});

test('a checkout with orderErrors failed, listing each code', async () => {
  const text = JSON.stringify({ method: 'POST', path: `/v1/customers/${CUSTOMER}/carts/cart1/checkout` });
  const { result } = await runAgainst((req) => (req.method === 'POST'
    ? { status: 201, body: { orders: [], orderErrors: [{ orderGroupId: '0', code: 800009, description: 'Error in cart item' }, { orderGroupId: '1', code: 800010, description: 'Inventory not available' }] } }
    : undefined), text, 'request');
  assert.equal(result.status, 'failed', result.message);
  assert.match(result.message, /800009/);
  assert.match(result.message, /800010/);
});
