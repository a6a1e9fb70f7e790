import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withEmulator } from '../../support/emulator';
import { call } from './helpers';

test('a request without a bearer token gets 401 800001 with WWW-Authenticate', async (t) => {
  const em = await withEmulator(t);
  const reply = await call(em, '/v1/customers?size=1', { token: null });
  assert.equal(reply.status, 401);
  assert.equal(reply.body.code, 800001);
  assert.match(reply.headers.get('www-authenticate') ?? '', /^OAuth realm=urn:cpsvc:cpid:/);
  assert.equal((await call(em, '/v1/customers?size=1', { token: '' })).status, 401);
});

test('requireToken accepts only that token; JWTs for another audience are refused', async (t) => {
  const em = await withEmulator(t, { requireToken: 'secret' });
  assert.equal((await call(em, '/v1/customers?size=1', { token: 'secret' })).status, 200);
  const wrong = await call(em, '/v1/customers?size=1', { token: 'other' });
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.code, 400);
  const open = await withEmulator(t);
  const jwt = (aud: string): string => `e30.${Buffer.from(JSON.stringify({ aud })).toString('base64url')}.sig`;
  assert.equal((await call(open, '/v1/customers?size=1', { token: jwt('https://api.partnercenter.microsoft.com') })).status, 200);
  assert.equal((await call(open, '/v1/customers?size=1', { token: jwt('fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd') })).status, 200);
  assert.equal((await call(open, '/v1/customers?size=1', { token: jwt('https://management.azure.com') })).status, 401);
});

// deprecate-azure-active-directory-graph-token.md: "Graph.windows.net audience tokens retiring on
// August 31, 2025" and "Partner Center APIs are no longer accepting graph.windows.net audience
// tokens"; the new app-only request asks for resource=https://api.partnercenter.microsoft.com.
test('tokens for the retired Azure AD Graph audience (graph.windows.net) are refused with 401', async (t) => {
  const em = await withEmulator(t);
  const jwt = (aud: unknown): string => `e30.${Buffer.from(JSON.stringify({ aud })).toString('base64url')}.sig`;
  for (const aud of [
    'https://graph.windows.net',
    'https://graph.windows.net/',
    'HTTPS://GRAPH.WINDOWS.NET',
    ['https://graph.windows.net'],
  ]) {
    const reply = await call(em, '/v1/customers?size=1', { token: jwt(aud) });
    assert.equal(reply.status, 401, JSON.stringify(aud));
    assert.equal(reply.body.code, 400);
    assert.match(reply.body.description, /retired/);
    assert.match(reply.body.description, /api\.partnercenter\.microsoft\.com/);
    assert.match(reply.headers.get('www-authenticate') ?? '', /^OAuth realm=/);
  }
  // A token that also names Partner Center is for Partner Center.
  assert.equal(
    (
      await call(em, '/v1/customers?size=1', {
        token: jwt(['https://graph.windows.net', 'https://api.partnercenter.microsoft.com']),
      })
    ).status,
    200,
  );
});

test('responses echo MS-RequestId and MS-CorrelationId and are JSON in UTF-8', async (t) => {
  const em = await withEmulator(t);
  const reply = await call(em, '/v1/customers?size=1', { headers: { 'MS-RequestId': 'req-1', 'MS-CorrelationId': 'corr-1' } });
  assert.equal(reply.headers.get('ms-requestid'), 'req-1');
  assert.equal(reply.headers.get('ms-correlationid'), 'corr-1');
  assert.equal(reply.headers.get('content-type'), 'application/json; charset=utf-8');
  const generated = await call(em, '/v1/customers?size=1');
  assert.match(generated.headers.get('ms-requestid') ?? '', /^[0-9a-f-]{36}$/);
  assert.deepEqual(
    em.requests.map((r) => [r.method, r.path, r.requestId, r.status]),
    [
      ['GET', '/v1/customers?size=1', 'req-1', 200],
      ['GET', '/v1/customers?size=1', undefined, 200],
    ],
  );
});

test('unknown routes are 404 and wrong methods 405, both with error bodies', async (t) => {
  const em = await withEmulator(t);
  const missing = await call(em, '/v1/nothing/here');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.source, 'PartnerFD');
  assert.equal((await call(em, '/customers')).status, 404);
  const wrong = await call(em, `/v1/customers/${em.fixtures.customerId}`, { method: 'DELETE' });
  assert.equal(wrong.status, 405);
  assert.equal(wrong.headers.get('allow'), 'GET');
  assert.equal(typeof wrong.body.code, 'number');
});

test('bom: every JSON body starts with a UTF-8 byte order mark', async (t) => {
  const em = await withEmulator(t, { bom: true });
  const res = await fetch(`${em.url}/v1/customers?size=1`, { headers: { Authorization: 'Bearer x' } });
  const bytes = new Uint8Array(await res.arrayBuffer());
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  const plain = await withEmulator(t);
  const raw = new Uint8Array(
    await (await fetch(`${plain.url}/v1/customers?size=1`, { headers: { Authorization: 'Bearer x' } })).arrayBuffer(),
  );
  assert.equal(raw[0], '{'.charCodeAt(0));
});

test('invalid JSON bodies are 400 800002', async (t) => {
  const em = await withEmulator(t);
  const reply = await call(em, `/v1/customers/${em.fixtures.customerId}/orders`, { body: '{not json' });
  assert.equal(reply.status, 400);
  assert.equal(reply.body.code, 800002);
});

/** Every `{uri, method: "GET"}` link anywhere in a body. */
function getLinks(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const v of value) getLinks(v, out);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (
      typeof record.uri === 'string' &&
      record.method === 'GET' &&
      Array.isArray(record.headers) &&
      record.headers.length === 0
    ) {
      out.push(record.uri);
    }
    for (const v of Object.values(record)) getLinks(v, out);
  }
  return out;
}

test('every GET link the emulator emits is relative, has no /v1, and resolves under /v1', async (t) => {
  const em = await withEmulator(t);
  const c = em.fixtures.customerId;
  const sources = [
    `/v1/customers/${c}`,
    `/v1/customers?size=5`,
    `/v1/customers/${c}/orders`,
    `/v1/customers/${c}/subscriptions`,
    `/v1/customers/${c}/entitlements`,
    '/v1/products?country=US&targetView=OnlineServices',
    '/v1/offers?country=US&size=1',
  ];
  const links = new Set<string>();
  for (const source of sources) for (const uri of getLinks((await call(em, source)).body)) links.add(uri);
  assert.ok(links.size > 20);
  for (const uri of links) {
    assert.ok(uri.startsWith('/') && !uri.startsWith('/v1/'), uri);
    const reply = await call(em, `/v1${uri}`);
    assert.equal(reply.status, 200, `${uri} -> ${reply.status}`);
  }
});

test('faults apply to /v1 only', async (t) => {
  const em = await withEmulator(t, { faults: { status503: 1 } });
  assert.equal((await call(em, '/customers')).status, 404);
  assert.equal((await call(em, '/v1/customers')).status, 503);
});

test('a path with a broken percent-escape is a 400 800002, not a 500', async (t) => {
  const em = await withEmulator(t);
  for (const path of ['/v1/customers/%ZZ/orders', `/v1/customers/${em.fixtures.customerId}/orders/%E0%A4%A`]) {
    const reply = await call(em, path);
    assert.equal(reply.status, 400, path);
    assert.equal(reply.body.code, 800002, path);
    assert.equal(reply.body.source, 'PartnerFD', path);
  }
  assert.deepEqual(
    em.requests.map((r) => r.status),
    [400, 400],
    'the requests are recorded with the answer they got',
  );
});
