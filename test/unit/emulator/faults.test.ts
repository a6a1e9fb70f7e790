import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { waitFor } from '../../support/waitFor';
import { call, movableClock } from './helpers';

type Em = RunningEmulator;

function orderBody(em: Em): unknown {
  return { billingCycle: 'monthly', lineItems: [{ lineItemNumber: 0, offerId: em.fixtures.catalog.license, quantity: 1 }] };
}

async function orderCount(em: Em): Promise<number> {
  return (await call(em, `/v1/customers/${em.fixtures.customerId}/orders`)).body.totalCount;
}

test('reset-after-commit creates the order but drops the answer; a retry with the same MS-RequestId gets it', async (t) => {
  const em = await withEmulator(t);
  const uri = `/v1/customers/${em.fixtures.customerId}/orders`;
  const before = await orderCount(em);
  em.setFaults({ resetAfterCommit: 1 });
  await assert.rejects(call(em, uri, { body: orderBody(em), headers: { 'MS-RequestId': 'retry-me' } }));
  em.setFaults(undefined);
  assert.equal(await orderCount(em), before + 1);
  const retry = await call(em, uri, { body: orderBody(em), headers: { 'MS-RequestId': 'retry-me' } });
  assert.equal(retry.status, 201);
  assert.equal(await orderCount(em), before + 1);
  const faulted = em.requests.find((r) => r.fault === 'reset-after-commit');
  assert.equal(faulted?.status, 201);
  assert.equal(faulted?.requestId, 'retry-me');
});

test('reset-before-commit drops the connection without creating anything', async (t) => {
  const em = await withEmulator(t, { faults: { resetBeforeCommit: 1 } });
  const uri = `/v1/customers/${em.fixtures.customerId}/orders`;
  await assert.rejects(call(em, uri, { body: orderBody(em), headers: { 'MS-RequestId': 'lost' } }));
  em.setFaults({});
  const before = await orderCount(em);
  const retry = await call(em, uri, { body: orderBody(em), headers: { 'MS-RequestId': 'lost' } });
  assert.equal(retry.status, 201);
  assert.equal(await orderCount(em), before + 1);
  assert.equal(em.requests[0].status, 0);
  assert.equal(em.requests[0].fault, 'reset-before-commit');
});

test('status-503 answers 503 with an error body before doing anything', async (t) => {
  const em = await withEmulator(t);
  const before = await orderCount(em);
  em.setFaults({ status503: 1 });
  const reply = await call(em, `/v1/customers/${em.fixtures.customerId}/orders`, { body: orderBody(em) });
  assert.equal(reply.status, 503);
  assert.equal(reply.body.source, 'PartnerFD');
  em.setFaults(undefined);
  assert.equal(await orderCount(em), before);
});

test('fault draws with 0 < p < 1 follow the seed', async (t) => {
  const runs: number[][] = [];
  for (let i = 0; i < 2; i++) {
    const em = await withEmulator(t, { seed: 3, faults: { status503: 0.5 } });
    const statuses: number[] = [];
    for (let n = 0; n < 20; n++) statuses.push((await call(em, '/v1/customers?size=1')).status);
    runs.push(statuses);
  }
  assert.deepEqual(runs[0], runs[1]);
  assert.ok(runs[0].includes(503) && runs[0].includes(200), `expected a mix, got ${runs[0].join(',')}`);
});

test('latency-ms holds /v1 answers but not admin calls', async (t) => {
  const em = await withEmulator(t, { faults: { latencyMs: 60_000 } });
  let held = true;
  const slow = call(em, '/v1/customers?size=1')
    .finally(() => {
      held = false;
    })
    .catch((e: unknown) => e);
  await waitFor('the /v1 request to be processed', async () => (em.requests[0]?.status === 200 ? true : undefined), 5000);
  assert.equal((await call(em, '/_emulator/health')).body.status, 'ok');
  assert.equal(held, true, 'the admin answer came back while the processed /v1 answer was still held');
  await em.close();
  assert.ok((await slow) instanceof Error, 'closing drops the held answer');

  const short = await withEmulator(t, { faults: { latencyMs: 250 } });
  const started = Date.now();
  assert.equal((await call(short, '/v1/customers?size=1')).status, 200);
  assert.ok(Date.now() - started >= 240, `answered after ${Date.now() - started} ms`);
});

test('the rate limit is per tenant per minute and answers 429 with Retry-After and its own body', async (t) => {
  const clock = movableClock();
  const em = await withEmulator(t, { rateLimitPerMinute: 3, clock: clock.now });
  const a = `/v1/customers/${em.fixtures.customerId}/subscriptions`;
  for (let i = 0; i < 3; i++) assert.equal((await call(em, a)).status, 200);
  const limited = await call(em, a);
  assert.equal(limited.status, 429);
  const retryAfter = Number(limited.headers.get('retry-after'));
  assert.ok(retryAfter >= 1 && retryAfter <= 60);
  assert.deepEqual(limited.body, { statusCode: 429, message: `Rate limit is exceeded. Try again in ${retryAfter} seconds.` });
  assert.equal((await call(em, `/v1/customers/${em.fixtures.customersWithoutMca[0]}`)).status, 200);
  assert.equal((await call(em, '/v1/customers?size=1')).status, 200);
  assert.equal((await call(em, '/_emulator/health', { token: null })).status, 200);
  clock.advance(60_000);
  assert.equal((await call(em, a)).status, 200, 'a minute later the tenant has a new budget');
});

test('faults can be set over the admin endpoint, and admin calls are neither faulted nor recorded', async (t) => {
  const em = await withEmulator(t);
  const set = await call(em, '/_emulator/faults', { body: { 'status-503': 1 }, token: null });
  assert.equal(set.status, 200);
  assert.deepEqual(set.body, { status503: 1 });
  assert.equal((await call(em, '/v1/customers?size=1')).status, 503);
  assert.equal((await call(em, '/_emulator/health', { token: null })).body.status, 'ok');
  const recorded = await call(em, '/_emulator/requests', { token: null });
  assert.equal(recorded.body.length, 1);
  assert.equal(recorded.body[0].fault, 'status-503');
  assert.equal((await call(em, '/_emulator/faults', { body: { bogus: 1 }, token: null })).status, 400);
  assert.equal((await call(em, '/_emulator/faults', { body: {}, token: null })).status, 200);
  assert.equal((await call(em, '/v1/customers?size=1')).status, 200);
  await call(em, '/_emulator/requests/reset', { body: {}, token: null });
  assert.equal(em.requests.length, 0);
});

test('status-500 answers a write 500 before processing: 800005 to an order create, 800003 otherwise; reads are untouched', async (t) => {
  const em = await withEmulator(t);
  const c = em.fixtures.customerId;
  const before = await orderCount(em);
  em.setFaults({ status500: 1 });
  const post = await call(em, `/v1/customers/${c}/orders`, { body: orderBody(em) });
  assert.equal(post.status, 500);
  assert.deepEqual(post.body, { code: 800005, description: 'Create order not successful.', data: [], source: 'PartnerFD' });
  const cart = await call(em, `/v1/customers/${c}/carts`, {
    body: { lineItems: [{ id: 0, catalogItemId: em.fixtures.catalog.license, quantity: 1, billingCycle: 'monthly' }] },
  });
  assert.equal(cart.status, 500);
  assert.equal(cart.body.code, 800003);
  assert.equal(await orderCount(em), before, 'no order was made, and the GET was answered as usual');
  assert.deepEqual(
    em.requests.map((r) => [r.method, r.status, r.fault]),
    [
      ['GET', 200, undefined],
      ['POST', 500, 'status-500'],
      ['POST', 500, 'status-500'],
      ['GET', 200, undefined],
    ],
  );
});

test('status-500-after-commit places the order, answers 500, and replays the 201 to a retry with the same MS-RequestId', async (t) => {
  const em = await withEmulator(t);
  const uri = `/v1/customers/${em.fixtures.customerId}/orders`;
  const before = await orderCount(em);
  em.setFaults({ status500AfterCommit: 1 });
  const first = await call(em, uri, { body: orderBody(em), headers: { 'MS-RequestId': 'committed' } });
  assert.equal(first.status, 500);
  assert.equal(first.body.code, 800005);
  em.setFaults(undefined);
  assert.equal(await orderCount(em), before + 1, 'the order was made');
  const retry = await call(em, uri, { body: orderBody(em), headers: { 'MS-RequestId': 'committed' } });
  assert.equal(retry.status, 201);
  assert.equal(await orderCount(em), before + 1, 'the retry made no second order');
  const orders = (await call(em, uri)).body.items as { id: string }[];
  assert.ok(
    orders.some((o) => o.id === retry.body.id),
    'the replayed answer names the order that was made',
  );
  const posts = em.requests.filter((r) => r.method === 'POST');
  assert.deepEqual(
    posts.map((r) => [r.status, r.fault, r.replayed]),
    [
      [500, 'status-500-after-commit', undefined],
      [201, undefined, true],
    ],
  );
});

test('status-200-error answers a write 200 with error 400072 and makes nothing; reads are untouched', async (t) => {
  const em = await withEmulator(t);
  const uri = `/v1/customers/${em.fixtures.customerId}/orders`;
  const before = await orderCount(em);
  em.setFaults({ status200Error: 1 });
  const post = await call(em, uri, { body: orderBody(em) });
  assert.equal(post.status, 200);
  assert.deepEqual(post.body, { code: 400072, description: "This item isn't available.", data: [], source: 'PartnerFD' });
  assert.equal(await orderCount(em), before, 'no order was made (and the GET was answered as usual)');
  assert.deepEqual(
    em.requests.map((r) => r.fault),
    [undefined, 'status-200-error', undefined],
  );
});

test('checkout-order-errors lists each unplaced order group in orderErrors; a cart with nothing placed stays Active', async (t) => {
  const em = await withEmulator(t);
  const { license, software } = em.fixtures.catalog;
  const carts = `/v1/customers/${em.fixtures.customerId}/carts`;
  const cart = async () =>
    (
      await call(em, carts, {
        body: {
          lineItems: [
            { id: 0, catalogItemId: license, quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' },
            { id: 1, catalogItemId: software, quantity: 1, billingCycle: 'one_time' },
          ],
        },
      })
    ).body as { id: string; links: { self: { uri: string } }; lineItems: { orderGroup: string }[] };
  const before = await orderCount(em);

  const failed = await cart();
  em.setFaults({ checkoutOrderErrors: 1 });
  const none = await call(em, `/v1${failed.links.self.uri}/checkout`, { method: 'POST' });
  assert.equal(none.status, 201);
  assert.deepEqual(none.body.orders, []);
  assert.deepEqual(
    none.body.orderErrors.map((e: { orderGroupId: string; code: number }) => [e.orderGroupId, e.code]),
    failed.lineItems.map((l) => [l.orderGroup, 800010]),
  );
  assert.equal(await orderCount(em), before);
  assert.equal((await call(em, `/v1${failed.links.self.uri}`)).body.status, 'Active');
  assert.equal(em.requests.find((r) => r.path.endsWith('/checkout'))?.fault, 'checkout-order-errors');

  em.setFaults({ checkoutOrderErrors: 1, limit: 1 });
  const partial = await call(em, `/v1${failed.links.self.uri}/checkout`, { method: 'POST' });
  assert.equal(partial.status, 201);
  assert.deepEqual(
    partial.body.orderErrors.map((e: { orderGroupId: string }) => e.orderGroupId),
    ['0'],
  );
  assert.equal(partial.body.orders.length, 1);
  assert.equal(partial.body.orders[0].lineItems[0].offerId, software);
  assert.equal(await orderCount(em), before + 1);
  assert.equal(
    (await call(em, `/v1${failed.links.self.uri}`)).body.status,
    'Ordered',
    'a cart with a group placed was submitted',
  );
});

test('limit: the faults fire that many times, then stop until they are set again', async (t) => {
  const em = await withEmulator(t, { faults: { status503: 1, limit: 2 } });
  const statuses = async (n: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) out.push((await call(em, '/v1/customers?size=1')).status);
    return out;
  };
  assert.deepEqual(await statuses(4), [503, 503, 200, 200]);
  const set = await call(em, '/_emulator/faults', { body: { 'status-503': 1, limit: 1 } });
  assert.deepEqual(set.body, { status503: 1, limit: 1 });
  assert.deepEqual(await statuses(2), [503, 200]);
  assert.equal((await call(em, '/_emulator/faults', { body: { limit: 0.5 } })).status, 400);
});
