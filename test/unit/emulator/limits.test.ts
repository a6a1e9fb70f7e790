// The request log and the idempotency store are bounded, oldest first, so a long-running emulator
// does not grow without limit. Counted over real HTTP with small caps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withEmulator } from '../../support/emulator';
import { call } from './helpers';

test('the request log keeps the newest maxRecordedRequests entries, in order, for code and the admin endpoint', async (t) => {
  const em = await withEmulator(t, { maxRecordedRequests: 5 });
  for (let i = 0; i < 8; i++) {
    assert.equal((await call(em, '/v1/customers?size=1', { headers: { 'MS-RequestId': `r${i}` } })).status, 200);
  }
  const expected = ['r3', 'r4', 'r5', 'r6', 'r7'];
  assert.deepEqual(
    em.requests.map((r) => r.requestId),
    expected,
  );
  const admin = await call(em, '/_emulator/requests');
  assert.deepEqual(
    admin.body.map((r: { requestId: string }) => r.requestId),
    expected,
  );
});

test('the idempotency store forgets the oldest answers first: a retry of a forgotten request id places a second order', async (t) => {
  const em = await withEmulator(t, { maxIdempotencyKeys: 2 });
  const uri = `/v1/customers/${em.fixtures.customerId}/orders`;
  const body = { billingCycle: 'monthly', lineItems: [{ lineItemNumber: 0, offerId: em.fixtures.catalog.license, quantity: 1 }] };
  const send = (id: string) => call(em, uri, { body, headers: { 'MS-RequestId': id } });
  const placed = new Map<string, string>();
  for (const id of ['a', 'b', 'c']) {
    const reply = await send(id);
    assert.equal(reply.status, 201, id);
    placed.set(id, reply.body.id);
  }
  const count = async () => (await call(em, uri)).body.totalCount as number;
  const before = await count();

  const newest = await send('c');
  assert.equal(newest.body.id, placed.get('c'), 'a kept answer is replayed');
  assert.equal(await count(), before, 'the replay placed nothing');

  const oldest = await send('a');
  assert.equal(oldest.status, 201);
  assert.notEqual(oldest.body.id, placed.get('a'), 'the oldest answer was forgotten');
  assert.equal(await count(), before + 1, 'so the retry was processed as a new order');
  assert.deepEqual(
    em.requests.filter((r) => r.method === 'POST').map((r) => [r.requestId, r.replayed === true]),
    [
      ['a', false],
      ['b', false],
      ['c', false],
      ['c', true],
      ['a', false],
    ],
  );
});

test('caps must be whole numbers of at least 1', async (t) => {
  await assert.rejects(withEmulator(t, { maxRecordedRequests: 0 }), RangeError);
  await assert.rejects(withEmulator(t, { maxIdempotencyKeys: 1.5 }), RangeError);
});
