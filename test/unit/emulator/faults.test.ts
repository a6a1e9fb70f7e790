import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, withEmulator } from './helpers';

type Em = Awaited<ReturnType<typeof withEmulator>>;

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

test('latency-ms delays /v1 responses but not admin calls', async (t) => {
  const em = await withEmulator(t, { faults: { latencyMs: 250 } });
  let started = Date.now();
  await call(em, '/v1/customers?size=1');
  assert.ok(Date.now() - started >= 240);
  started = Date.now();
  await call(em, '/_emulator/health', { token: null });
  assert.ok(Date.now() - started < 240);
});

test('the rate limit is per tenant per minute and answers 429 with Retry-After and its own body', async (t) => {
  const em = await withEmulator(t, { rateLimitPerMinute: 3 });
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
