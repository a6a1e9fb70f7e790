// Transport behaviours: what the client puts on the wire and how it follows redirects (scripted
// loopback servers that capture or bend the exchange), and BOM bodies, timeouts, cancellation and
// logging against the emulator (its bom option, latency fault and rate limit).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PartnerCenterError } from '../../../common/src/api';
import { sendJson, startScriptedServer } from '../../support/scriptedServer';
import { waitFor } from '../../support/waitFor';
import { collectLogs, emulatorAndClient, GUID_RE, makeClient, TOKEN } from './helpers';

describe('transport', () => {
  test('sends the Partner Center headers, and Content-Type only with a body', async () => {
    const server = await startScriptedServer((_req, res) => sendJson(res, 200, { id: 'x' }));
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
    const server = await startScriptedServer((_req, res) => sendJson(res, 200, {}));
    const client = makeClient(server.url);
    const requestId = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
    try {
      const res = await client.request({
        method: 'GET',
        path: '/v1/customers/c1',
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

  test('a response starting with a UTF-8 BOM parses as JSON', async (t) => {
    const { emu, client } = await emulatorAndClient(t, { bom: true });
    const id = emu.fixtures.customerId;
    assert.equal((await client.customers.get(id)).id, id);
    const raw = await client.request({ method: 'GET', path: `/customers/${id}` });
    assert.equal((raw.body as { id: string }).id, id);
  });

  test('a 2xx answer that is not JSON is a protocol error, not a crash', async () => {
    const server = await startScriptedServer((_req, res) => sendJson(res, 200, '<html>login</html>'));
    const client = makeClient(server.url);
    try {
      await assert.rejects(
        client.customers.get('c1'),
        (err: PartnerCenterError) => err.kind === 'protocol' && /not valid JSON/.test(err.message),
      );
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('a redirect to another origin does not carry the Authorization header', async () => {
    const other = await startScriptedServer((_req, res) => sendJson(res, 200, { id: 'elsewhere' }));
    const server = await startScriptedServer((req, res) => {
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
    const other = await startScriptedServer((_req, res) => sendJson(res, 200, {}));
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

  test('an answer held past the timeout fails with kind timeout after one retry under the same request id', async (t) => {
    const { emu, client } = await emulatorAndClient(t, { faults: { latencyMs: 60_000 } }, { timeoutMs: 150, maxRetries: 1 });
    const started = Date.now();
    await assert.rejects(client.customers.get(emu.fixtures.customerId), (err: PartnerCenterError) => {
      assert.equal(err.kind, 'timeout');
      assert.match(err.message, /did not answer within 150 ms/);
      assert.match(err.requestId, /^[0-9a-f-]{36}$/);
      assert.equal(err.requestId, emu.requests[0].requestId);
      return true;
    });
    assert.equal(emu.requests.length, 2, 'one retry');
    assert.equal(emu.requests[0].requestId, emu.requests[1].requestId);
    assert.ok(Date.now() - started >= 300);
  });

  test('the timeout also covers a body that stalls half way', async () => {
    const server = await startScriptedServer((_req, res) => {
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

  test('cancelling a held call rejects it with an AbortError, and it is not retried', async (t) => {
    // The answer is held for a minute: only the abort can settle the call.
    const { emu, client } = await emulatorAndClient(t, { faults: { latencyMs: 60_000 } }, { timeoutMs: 120_000, maxRetries: 3 });
    const controller = new AbortController();
    const pending = client.customers.get(emu.fixtures.customerId, { signal: controller.signal });
    await waitFor('request to arrive', () => emu.requests.length === 1, 5000);
    controller.abort();
    await assert.rejects(pending, (err: PartnerCenterError) => {
      assert.ok(err instanceof PartnerCenterError);
      assert.equal(err.kind, 'aborted');
      assert.equal(err.name, 'AbortError');
      return true;
    });
    assert.equal(emu.requests.length, 1);
    const already = AbortSignal.abort();
    await assert.rejects(client.customers.get(emu.fixtures.customerId, { signal: already }), { name: 'AbortError' });
    assert.equal(emu.requests.length, 1, 'an already-aborted call sends nothing');
  });

  test('cancelling during a Retry-After wait stops the wait', async (t) => {
    const { emu, client } = await emulatorAndClient(t, { rateLimitPerMinute: 1 });
    const id = emu.fixtures.customerId;
    await client.customers.get(id);
    const controller = new AbortController();
    const pending = client.customers.get(id, { signal: controller.signal });
    await waitFor('the request to be throttled', () => emu.requests[1]?.status === 429, 5000);
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
    assert.equal(emu.requests.length, 2, 'nothing was sent after the cancel');
  });

  test('the logger gets method, path, status and ids but never the token or query secrets', async (t) => {
    const { events, logger } = collectLogs();
    const { emu, client } = await emulatorAndClient(t, {}, { logger });
    const page = await client.customers.listPage({ size: 5, filter: { field: 'CompanyName', value: 'Contoso' } });
    assert.ok(page.items.length > 0, 'the filter matched, so the value was sent');
    assert.equal(events.length, 1);
    const e = events[0];
    assert.equal(e.method, 'GET');
    assert.equal(e.status, 200);
    assert.equal(e.attempt, 1);
    assert.equal(e.path, '/v1/customers?size=5&filter=***');
    assert.equal(e.requestId, emu.requests[0].requestId);
    assert.equal(e.correlationId, emu.requests[0].correlationId);
    assert.equal(typeof e.durationMs, 'number');
    assert.ok(!JSON.stringify(events).includes(TOKEN));
    assert.ok(!JSON.stringify(events).includes('Contoso'));
  });

  test('a throwing logger does not break the call', async (t) => {
    const { emu, client } = await emulatorAndClient(
      t,
      {},
      {
        logger: () => {
          throw new Error('boom');
        },
      },
    );
    assert.equal((await client.customers.get(emu.fixtures.customerId)).id, emu.fixtures.customerId);
  });
});
