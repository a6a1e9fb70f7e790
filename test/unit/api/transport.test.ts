// Transport behaviours against scripted loopback servers: headers, BOM, redirects, timeouts,
// cancellation and what is (not) logged.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PartnerCenterError } from '../../../common/src/api';
import { collectLogs, GUID_RE, makeClient, sendJson, startServer, TOKEN, waitFor } from './helpers';

describe('transport', () => {
  test('sends the Partner Center headers, and Content-Type only with a body', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { id: 'x' }));
    const client = makeClient(server.url);
    try {
      await client.customers.get('c1');
      await client.carts.checkout('c1', 'cart1');
      await client.orders.create('c1', { billingCycle: 'monthly', lineItems: [] });
      const [get, checkout, post] = server.requests;
      assert.equal(get.url, '/v1/customers/c1');
      assert.equal(get.headers.authorization, `Bearer ${TOKEN}`);
      assert.equal(get.headers.accept, 'application/json');
      assert.match(String(get.headers['ms-requestid']), GUID_RE);
      assert.match(String(get.headers['ms-correlationid']), GUID_RE);
      assert.equal(get.headers['ms-contract-version'], 'v1');
      assert.equal(get.headers['x-locale'], 'en-US');
      assert.equal(get.headers['content-type'], undefined);
      assert.equal(checkout.method, 'POST');
      assert.equal(checkout.headers['content-type'], undefined);
      assert.equal(checkout.body, '');
      assert.equal(post.headers['content-type'], 'application/json');
      assert.deepEqual(JSON.parse(post.body), { billingCycle: 'monthly', lineItems: [] });
      assert.notEqual(get.headers['ms-requestid'], post.headers['ms-requestid'], 'each logical call gets its own request id');
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('the generic request keeps the pipeline headers: caller ids are used, a caller Authorization is not', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, {}));
    const client = makeClient(server.url);
    const requestId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    try {
      const res = await client.request({
        method: 'GET', path: '/v1/customers/c1',
        headers: { Authorization: 'Bearer forged', 'MS-RequestId': requestId, 'If-Match': 'etag-1' },
      });
      const sent = server.requests[0].headers;
      assert.equal(sent.authorization, `Bearer ${TOKEN}`);
      assert.equal(sent['ms-requestid'], requestId);
      assert.equal(sent['if-match'], 'etag-1');
      assert.equal(res.requestId, requestId);
      assert.equal(res.correlationId, sent['ms-correlationid']);
      assert.equal(typeof res.durationMs, 'number');
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('a response starting with a UTF-8 BOM parses as JSON', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id":"bom-customer"}')]));
    });
    const client = makeClient(server.url);
    try {
      const customer = await client.customers.get('bom-customer');
      assert.equal(customer.id, 'bom-customer');
      const raw = await client.request({ method: 'GET', path: '/customers/bom-customer' });
      assert.deepEqual(raw.body, { id: 'bom-customer' });
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('a 2xx answer that is not JSON is a protocol error, not a crash', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, '<html>login</html>'));
    const client = makeClient(server.url);
    try {
      await assert.rejects(client.customers.get('c1'), (err: PartnerCenterError) => err.kind === 'protocol' && /not valid JSON/.test(err.message));
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('a redirect to another origin does not carry the Authorization header', async () => {
    const other = await startServer((_req, res) => sendJson(res, 200, { id: 'elsewhere' }));
    const server = await startServer((req, res) => {
      if (req.url?.startsWith('/v1/customers/same')) {
        res.writeHead(302, { location: '/v1/customers/moved' }).end();
      } else if (req.url === '/v1/customers/moved') {
        sendJson(res, 200, { id: 'moved' });
      } else {
        res.writeHead(307, { location: `${other.url}/v1/customers/x` }).end();
      }
    });
    const client = makeClient(server.url);
    try {
      assert.equal((await client.customers.get('same')).id, 'moved');
      assert.equal(server.requests[1].headers.authorization, `Bearer ${TOKEN}`, 'same-origin redirect keeps the token');
      assert.equal((await client.customers.get('away')).id, 'elsewhere');
      assert.equal(other.requests.length, 1);
      assert.equal(other.requests[0].headers.authorization, undefined, 'token must not leave the origin');
    } finally {
      await client.close();
      await server.close();
      await other.close();
    }
  });

  test('an absolute URL on another origin is requested without the token', async () => {
    const other = await startServer((_req, res) => sendJson(res, 200, {}));
    const client = makeClient('http://127.0.0.1:9');
    try {
      const res = await client.request({ method: 'GET', path: `${other.url}/v1/anything` });
      assert.equal(res.status, 200);
      assert.equal(other.requests[0].headers.authorization, undefined);
    } finally {
      await client.close();
      await other.close();
    }
  });

  test('a server that never answers times out; a read is retried, then fails with kind timeout', async () => {
    const server = await startServer(() => { /* never answers */ });
    const client = makeClient(server.url, { timeoutMs: 150, maxRetries: 1 });
    const started = Date.now();
    try {
      await assert.rejects(client.customers.get('slow'), (err: PartnerCenterError) => {
        assert.equal(err.kind, 'timeout');
        assert.match(err.message, /did not answer within 150 ms/);
        assert.match(err.requestId, /^[0-9a-f-]{36}$/);
        return true;
      });
      assert.equal(server.requests.length, 2, 'one retry');
      assert.equal(server.requests[0].headers['ms-requestid'], server.requests[1].headers['ms-requestid']);
      assert.ok(Date.now() - started >= 300);
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('the timeout also covers a body that stalls half way', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"items":[');
    });
    const client = makeClient(server.url, { timeoutMs: 150, maxRetries: 0 });
    try {
      await assert.rejects(client.customers.get('c'), (err: PartnerCenterError) => err.kind === 'timeout');
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('cancelling rejects at once with an AbortError and is not retried', async () => {
    const server = await startServer(() => { /* never answers */ });
    const client = makeClient(server.url, { timeoutMs: 10_000, maxRetries: 3 });
    try {
      const controller = new AbortController();
      const pending = client.customers.get('c', { signal: controller.signal });
      await waitFor(() => server.requests.length === 1, 5000, 'request to arrive');
      const started = Date.now();
      controller.abort();
      await assert.rejects(pending, (err: PartnerCenterError) => {
        assert.ok(err instanceof PartnerCenterError);
        assert.equal(err.kind, 'aborted');
        assert.equal(err.name, 'AbortError');
        return true;
      });
      assert.ok(Date.now() - started < 1000);
      assert.equal(server.requests.length, 1);
      const already = AbortSignal.abort();
      await assert.rejects(client.customers.get('c', { signal: already }), { name: 'AbortError' });
      assert.equal(server.requests.length, 1, 'an already-aborted call sends nothing');
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('cancelling during a Retry-After wait stops the wait', async () => {
    const server = await startServer((_req, res) => sendJson(res, 429, { statusCode: 429, message: 'Rate limit is exceeded.' }, { 'retry-after': '30' }));
    const client = makeClient(server.url);
    try {
      const controller = new AbortController();
      const pending = client.customers.get('c', { signal: controller.signal });
      await waitFor(() => server.requests.length === 1);
      controller.abort();
      await assert.rejects(pending, { name: 'AbortError' });
      assert.equal(server.requests.length, 1);
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('the logger gets method, path, status and ids but never the token or query secrets', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { totalCount: 0, items: [] }));
    const { events, logger } = collectLogs();
    const client = makeClient(server.url, { logger });
    try {
      await client.customers.listPage({ size: 5, filter: { field: 'CompanyName', value: 'Contoso' } });
      assert.equal(events.length, 1);
      const e = events[0];
      assert.equal(e.method, 'GET');
      assert.equal(e.status, 200);
      assert.equal(e.attempt, 1);
      assert.equal(e.path, '/v1/customers?size=5&filter=***');
      assert.match(e.requestId, GUID_RE);
      assert.equal(e.correlationId, server.requests[0].headers['ms-correlationid']);
      assert.equal(typeof e.durationMs, 'number');
      assert.ok(!JSON.stringify(events).includes(TOKEN));
      assert.ok(!JSON.stringify(events).includes('Contoso'));
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('a throwing logger does not break the call', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { id: 'ok' }));
    const client = makeClient(server.url, { logger: () => { throw new Error('boom'); } });
    try {
      assert.equal((await client.customers.get('ok')).id, 'ok');
    } finally {
      await client.close();
      await server.close();
    }
  });
});
