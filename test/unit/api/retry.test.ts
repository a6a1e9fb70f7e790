// The retry policy as a user sees it: which failures are re-sent, with which ids, after how long.
// The failures are the emulator's (faults with a limit, its rate limit on a movable clock).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  decideRetry,
  defaultRetryOptions,
  parseRetryAfter,
  type PartnerCenterClient,
  type PartnerCenterError,
  type RetryOptions,
} from '../../../common/src/api';
import { type RunningEmulator } from '../../../emulator/src/index';
import { startScriptedServer } from '../../support/scriptedServer';
import { waitFor } from '../../support/waitFor';
import { emulatorAndClient, makeClient, manualClock } from './helpers';

describe('retries', () => {
  /** A plain one-line monthly order the emulator accepts for its scripted customer. */
  const orderFor = (emu: RunningEmulator) => ({
    billingCycle: 'monthly',
    lineItems: [{ lineItemNumber: 0, offerId: emu.fixtures.catalog.license, quantity: 1, termDuration: 'P1M' }],
  });
  const orderCount = async (client: PartnerCenterClient, emu: RunningEmulator) =>
    (await client.orders.list(emu.fixtures.customerId)).length;

  test('a POST whose connection is reset is re-sent once with the same MS-RequestId, and one order is made', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const before = await orderCount(client, emu);
    emu.requests.length = 0;
    emu.setFaults({ resetBeforeCommit: 1, limit: 1 });
    const created = await client.orders.create(emu.fixtures.customerId, orderFor(emu));
    assert.ok(created.id);
    assert.deepEqual(
      emu.requests.map((r) => [r.method, r.status, r.fault]),
      [
        ['POST', 0, 'reset-before-commit'],
        ['POST', 201, undefined],
      ],
    );
    assert.equal(emu.requests[0].requestId, emu.requests[1].requestId);
    assert.equal(emu.requests[0].correlationId, emu.requests[1].correlationId);
    assert.equal(await orderCount(client, emu), before + 1);
  });

  test('a caller-supplied request id is the one sent, on every attempt', async (t) => {
    const { emu, client } = await emulatorAndClient(t, { faults: { resetBeforeCommit: 1, limit: 1 } });
    const requestId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    await client.orders.create(emu.fixtures.customerId, orderFor(emu), { requestId });
    assert.deepEqual(
      emu.requests.map((r) => r.requestId),
      [requestId, requestId],
    );
    await assert.rejects(
      client.orders.create(emu.fixtures.customerId, orderFor(emu), { requestId: 'not-a-guid' }),
      /MS-RequestId must be a GUID/,
    );
    assert.equal(emu.requests.length, 2, 'a bad request id is refused before anything is sent');
  });

  test('a POST answered 503 is final: not re-sent, typed error with the ids', async (t) => {
    const { emu, client } = await emulatorAndClient(t, { faults: { status503: 1 } });
    await assert.rejects(client.orders.create(emu.fixtures.customerId, orderFor(emu)), (err: PartnerCenterError) => {
      assert.equal(err.kind, 'http');
      assert.equal(err.status, 503);
      assert.equal(err.code, 800003);
      assert.equal(err.requestId, emu.requests[0].requestId);
      return true;
    });
    assert.equal(emu.requests.length, 1);
  });

  test('a GET answered 503, or whose connection is reset, is retried under the same request id and then succeeds', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const id = emu.fixtures.customerId;
    for (const [faults, fault, status] of [
      [{ status503: 1 }, 'status-503', 503],
      [{ resetBeforeCommit: 1 }, 'reset-before-commit', 0],
    ] as const) {
      emu.requests.length = 0;
      emu.setFaults({ ...faults, limit: 1 });
      assert.equal((await client.customers.get(id)).id, id, fault);
      assert.deepEqual(
        emu.requests.map((r) => [r.status, r.fault]),
        [
          [status, fault],
          [200, undefined],
        ],
        fault,
      );
      assert.equal(new Set(emu.requests.map((r) => r.requestId)).size, 1, fault);
    }
  });

  test('retries stop after maxRetries and the last error is reported', async (t) => {
    const { emu, client } = await emulatorAndClient(t, { faults: { status503: 1 } }, { maxRetries: 2 });
    await assert.rejects(
      client.customers.get(emu.fixtures.customerId),
      /\(503, code 800003\): The service is temporarily unavailable/,
    );
    assert.equal(emu.requests.length, 3);
  });

  /**
   * With one request per minute and the emulator's clock standing still, `send` is throttled with
   * Retry-After: 1 exactly; once the 429 is recorded the clock moves past the window, so the
   * client's re-send goes through. Returns what the emulator saw and how long the call took.
   */
  async function throughThrottle(emu: RunningEmulator, clock: ReturnType<typeof manualClock>, send: () => Promise<unknown>) {
    const from = emu.requests.length;
    clock.advance(59_000);
    const started = Date.now();
    const call = send();
    await waitFor('the call to be throttled', () => emu.requests.slice(from).some((r) => r.status === 429), 5000);
    clock.advance(1_000);
    await call;
    return { waitedMs: Date.now() - started, seen: emu.requests.slice(from) };
  }

  test('429 waits for Retry-After, then the same request succeeds (reads and writes)', async (t) => {
    const clock = manualClock();
    const { emu, client } = await emulatorAndClient(t, { rateLimitPerMinute: 1, clock: clock.now });
    const c = emu.fixtures.customerId;
    await client.customers.get(c);
    for (const [what, send, ok] of [
      ['read', () => client.customers.get(c), 200],
      ['write', () => client.orders.create(c, orderFor(emu)), 201],
    ] as const) {
      const { waitedMs, seen } = await throughThrottle(emu, clock, send);
      assert.ok(waitedMs >= 950, `${what}: waited ${waitedMs} ms`);
      assert.equal(seen[0].status, 429, what);
      assert.equal(seen.at(-1)?.status, ok, what);
      assert.equal(new Set(seen.map((r) => r.requestId)).size, 1, `${what}: re-sent under the same request id`);
    }
  });

  test('a Retry-After longer than the cap reaches the caller with retryAfterSeconds', async (t) => {
    const clock = manualClock();
    const { emu, client } = await emulatorAndClient(
      t,
      { rateLimitPerMinute: 1, clock: clock.now },
      { retry: { maxRetryAfterMs: 5000 } },
    );
    await client.customers.get(emu.fixtures.customerId);
    clock.advance(3000); // the window now ends in exactly 57 s
    await assert.rejects(client.customers.get(emu.fixtures.customerId), (err: PartnerCenterError) => {
      assert.equal(err.status, 429);
      assert.equal(err.retryAfterSeconds, 57);
      assert.equal(err.description, 'Rate limit is exceeded. Try again in 57 seconds.');
      assert.match(err.message, /try again in 57 s/);
      return true;
    });
    assert.equal(emu.requests.length, 2);
  });

  test('a refused connection is a network error after the retries', async () => {
    const server = await startScriptedServer(() => undefined);
    const url = server.url;
    await server.close();
    const client = makeClient(url, { maxRetries: 1 });
    try {
      await assert.rejects(client.customers.get('c1'), (err: PartnerCenterError) => {
        assert.equal(err.kind, 'network');
        assert.equal(err.networkCode, 'ECONNREFUSED');
        assert.match(err.message, /Could not reach Partner Center/);
        return true;
      });
    } finally {
      await client.close();
    }
  });
});

describe('retry policy table', () => {
  const opts: RetryOptions = { ...defaultRetryOptions, random: () => 0.5 };
  const response = (status: number, headers: Record<string, string> = {}) =>
    ({ type: 'response', response: { status, headers, text: '', json: undefined, url: new URL('http://x/') } }) as const;

  test('writes: only no-answer outcomes and 429 are re-sent', () => {
    for (const method of ['POST', 'PUT', 'PATCH']) {
      assert.equal(decideRetry(method, response(503), 0, opts).retry, false, `${method} 503`);
      assert.equal(decideRetry(method, response(500), 0, opts).retry, false);
      assert.equal(decideRetry(method, response(502), 0, opts).retry, false);
      assert.equal(decideRetry(method, response(409), 0, opts).retry, false);
      assert.equal(decideRetry(method, response(429, { 'retry-after': '2' }), 0, opts).retry, true);
      assert.equal(decideRetry(method, { type: 'timeout' }, 0, opts).retry, true);
      assert.equal(
        decideRetry(method, { type: 'network', code: 'ECONNRESET', detail: 'reset', cause: null }, 0, opts).retry,
        true,
      );
      assert.equal(decideRetry(method, { type: 'aborted' }, 0, opts).retry, false);
    }
  });

  test('reads: 5xx, 408 and 429 are re-sent; 4xx are not', () => {
    for (const status of [408, 500, 502, 503, 504, 429]) {
      assert.equal(decideRetry('GET', response(status), 0, opts).retry, true, `${status}`);
    }
    for (const status of [400, 401, 403, 404, 409, 501]) {
      assert.equal(decideRetry('GET', response(status), 0, opts).retry, false, `${status}`);
    }
    assert.equal(decideRetry('GET', response(503), opts.maxRetries, opts).retry, false, 'bounded');
  });

  test('Retry-After sets the delay; back-off grows exponentially', () => {
    const d = decideRetry('GET', response(429, { 'retry-after': '3' }), 0, opts);
    assert.deepEqual(d.retry && d.delayMs, 3000);
    const first = decideRetry('GET', response(503), 0, opts);
    const third = decideRetry('GET', response(503), 2, opts);
    assert.ok(first.retry && third.retry && third.delayMs === first.delayMs * 4);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:10 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 10_000);
    assert.equal(parseRetryAfter('soon'), undefined);
  });
});
