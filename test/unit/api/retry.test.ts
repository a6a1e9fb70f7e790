// The retry policy as a user sees it: which failures are re-sent, with which ids, after how long.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decideRetry, defaultRetryOptions, parseRetryAfter, type PartnerCenterError, type RetryOptions } from '../../../common/src/api';
import { makeClient, sendJson, startServer } from './helpers';

const order = { billingCycle: 'monthly', lineItems: [{ lineItemNumber: 0, offerId: 'P:0001:A', quantity: 1 }] };

describe('retries', () => {
  test('a POST whose connection is reset is re-sent once with the same MS-RequestId', async () => {
    const server = await startServer((req, res, _body, index) => {
      if (index === 0) {
        req.socket.destroy();
        return;
      }
      sendJson(res, 201, { id: 'order-1', ...order });
    });
    const client = makeClient(server.url);
    try {
      const created = await client.orders.create('c1', order);
      assert.equal(created.id, 'order-1');
      assert.equal(server.requests.length, 2);
      assert.equal(server.requests[0].headers['ms-requestid'], server.requests[1].headers['ms-requestid']);
      assert.equal(server.requests[0].headers['ms-correlationid'], server.requests[1].headers['ms-correlationid']);
      assert.equal(server.requests[1].body, server.requests[0].body);
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('a caller-supplied request id is the one sent, on every attempt', async () => {
    const server = await startServer((req, res, _body, index) => {
      if (index === 0) return void req.socket.destroy();
      sendJson(res, 201, order);
    });
    const client = makeClient(server.url);
    const requestId = '0f8fad5b-d9cb-469f-a165-70867728950e';
    try {
      await client.orders.create('c1', order, { requestId });
      assert.deepEqual(server.requests.map((r) => r.headers['ms-requestid']), [requestId, requestId]);
      await assert.rejects(client.orders.create('c1', order, { requestId: 'not-a-guid' }), /MS-RequestId must be a GUID/);
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('a POST answered 503 is final: not re-sent, typed error with the ids', async () => {
    const server = await startServer((_req, res) => sendJson(res, 503, { code: 800003, description: 'Unexpected service error', data: [], source: 'PartnerFD' }));
    const client = makeClient(server.url);
    try {
      await assert.rejects(client.orders.create('c1', order), (err: PartnerCenterError) => {
        assert.equal(err.kind, 'http');
        assert.equal(err.status, 503);
        assert.equal(err.code, 800003);
        assert.equal(err.requestId, server.requests[0].headers['ms-requestid']);
        return true;
      });
      assert.equal(server.requests.length, 1);
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('a GET answered 503 or reset is retried with back-off and then succeeds', async () => {
    const server = await startServer((req, res, _body, index) => {
      if (index === 0) return sendJson(res, 503, 'Service Unavailable');
      if (index === 1) return void req.socket.destroy();
      sendJson(res, 200, { id: 'c1' });
    });
    const client = makeClient(server.url);
    try {
      assert.equal((await client.customers.get('c1')).id, 'c1');
      assert.equal(server.requests.length, 3);
      assert.equal(new Set(server.requests.map((r) => r.headers['ms-requestid'])).size, 1);
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('retries stop after maxRetries and the last error is reported', async () => {
    const server = await startServer((_req, res) => sendJson(res, 500, { code: 800003, description: 'Unexpected service error' }));
    const client = makeClient(server.url, { maxRetries: 2 });
    try {
      await assert.rejects(client.customers.get('c1'), /failed to process the request \(500, code 800003\): Unexpected service error/);
      assert.equal(server.requests.length, 3);
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('429 waits for Retry-After, then the same request succeeds (reads and writes)', async () => {
    const server = await startServer((_req, res, _body, index) => {
      if (index % 2 === 0) return sendJson(res, 429, { statusCode: 429, message: 'Rate limit is exceeded. Try again in 1 seconds.' }, { 'retry-after': '1' });
      sendJson(res, index === 1 ? 200 : 201, { id: 'ok', billingCycle: 'monthly', lineItems: [] });
    });
    const client = makeClient(server.url);
    try {
      let started = Date.now();
      await client.customers.get('c1');
      assert.ok(Date.now() - started >= 950, `waited ${Date.now() - started} ms`);
      started = Date.now();
      await client.orders.create('c2', order);
      assert.ok(Date.now() - started >= 950);
      assert.equal(server.requests.length, 4);
      assert.equal(server.requests[2].headers['ms-requestid'], server.requests[3].headers['ms-requestid']);
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('a Retry-After longer than the cap reaches the caller with retryAfterSeconds', async () => {
    const server = await startServer((_req, res) => sendJson(res, 429, { statusCode: 429, message: 'Rate limit is exceeded. Try again in 57 seconds.' }, { 'retry-after': '57' }));
    const client = makeClient(server.url, { retry: { maxRetryAfterMs: 5000 } });
    try {
      await assert.rejects(client.customers.get('c1'), (err: PartnerCenterError) => {
        assert.equal(err.status, 429);
        assert.equal(err.retryAfterSeconds, 57);
        assert.equal(err.description, 'Rate limit is exceeded. Try again in 57 seconds.');
        assert.match(err.message, /try again in 57 s/);
        return true;
      });
      assert.equal(server.requests.length, 1);
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('a refused connection is a network error after the retries', async () => {
    const server = await startServer(() => undefined);
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
      assert.equal(decideRetry(method, { type: 'network', code: 'ECONNRESET', detail: 'reset', cause: null }, 0, opts).retry, true);
      assert.equal(decideRetry(method, { type: 'aborted' }, 0, opts).retry, false);
    }
  });

  test('reads: 5xx, 408 and 429 are re-sent; 4xx are not', () => {
    for (const status of [408, 500, 502, 503, 504, 429]) assert.equal(decideRetry('GET', response(status), 0, opts).retry, true, `${status}`);
    for (const status of [400, 401, 403, 404, 409, 501]) assert.equal(decideRetry('GET', response(status), 0, opts).retry, false, `${status}`);
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
