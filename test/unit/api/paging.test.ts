// links.next following against a scripted seek-paging server: /v1 prefixing, continuation headers,
// shared correlation id, "Load more" continuations, and refusing links to other origins.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeContinuation, type PartnerCenterError } from '../../../common/src/api';
import { makeClient, sendJson, startServer, TOKEN } from './helpers';

const ALL = Array.from({ length: 7 }, (_, i) => ({ id: `c${i}` }));

/** Pages of 3 like the real service: relative next links without /v1, token in a header. */
async function seekServer(nextUri = '/customers?size=3&seekOperation=Next') {
  return startServer((req, res) => {
    const token = req.headers['ms-continuationtoken'];
    const start = token === undefined ? 0 : Number(String(token).replace('tok-', ''));
    const items = ALL.slice(start, start + 3);
    const more = start + 3 < ALL.length;
    sendJson(res, 200, {
      totalCount: ALL.length,
      items,
      links: more ? { next: { uri: nextUri, method: 'GET', headers: [{ key: 'MS-ContinuationToken', value: `tok-${start + 3}` }] } } : {},
      attributes: { objectType: 'Collection' },
    });
  });
}

describe('paging', () => {
  test('the item iterator follows next links with the continuation header and one correlation id', async () => {
    const server = await seekServer();
    const client = makeClient(server.url);
    try {
      const ids: string[] = [];
      for await (const c of client.customers.list({ size: 3 })) ids.push(c.id);
      assert.deepEqual(ids, ALL.map((c) => c.id));
      assert.deepEqual(server.requests.map((r) => r.url), ['/v1/customers?size=3', '/v1/customers?size=3&seekOperation=Next', '/v1/customers?size=3&seekOperation=Next']);
      assert.deepEqual(server.requests.map((r) => r.headers['ms-continuationtoken']), [undefined, 'tok-3', 'tok-6']);
      assert.equal(new Set(server.requests.map((r) => r.headers['ms-correlationid'])).size, 1, 'one correlation id per listing');
      assert.equal(new Set(server.requests.map((r) => r.headers['ms-requestid'])).size, 3, 'a request id per page');
      assert.ok(server.requests.every((r) => r.headers.authorization === `Bearer ${TOKEN}`));
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('page iterator and listPage continuations ("Load more…")', async () => {
    const server = await seekServer('/v1/customers?size=3&seekOperation=Next');
    const client = makeClient(server.url);
    try {
      const pages = [];
      for await (const p of client.customers.pages({ size: 3 })) pages.push(p);
      assert.deepEqual(pages.map((p) => [p.items.length, p.totalCount, p.hasMore]), [[3, 7, true], [3, 7, true], [1, 7, false]]);
      assert.equal(server.requests[1].url, '/v1/customers?size=3&seekOperation=Next', 'no double /v1');

      const first = await client.customers.listPage({ size: 3 });
      assert.ok(first.next);
      assert.throws(() => decodeContinuation('garbage'));
      const second = await client.customers.listPage({ size: 3 }, first.next);
      assert.deepEqual(second.items.map((c) => c.id), ['c3', 'c4', 'c5']);
      const n = server.requests.length;
      assert.equal(server.requests[n - 1].headers['ms-correlationid'], server.requests[n - 2].headers['ms-correlationid'], 'load more keeps the listing correlation id');
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('a next link to another origin is refused and the token is never sent there', async () => {
    const evil = await startServer((_req, res) => sendJson(res, 200, { items: [] }));
    const server = await startServer((_req, res) => sendJson(res, 200, {
      totalCount: 2, items: [{ id: 'a' }],
      links: { next: { uri: `${evil.url}/v1/customers?steal=1`, headers: [{ key: 'MS-ContinuationToken', value: 'x' }] } },
    }));
    const client = makeClient(server.url);
    try {
      await assert.rejects(async () => {
        for await (const _c of client.customers.list()) { /* drain */ }
      }, (err: PartnerCenterError) => err.kind === 'protocol' && /another origin/.test(err.message));
      await assert.rejects(client.entitlements.getArtifact({ uri: `${evil.url}/customers/x/artifacts/y` }), /another origin/);
      assert.equal(evil.requests.length, 0);
    } finally {
      await client.close();
      await server.close();
      await evil.close();
    }
  });

  test('a service that repeats the same next link does not loop forever', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, {
      items: [{ id: 'a' }], links: { next: { uri: '/customers?seekOperation=Next', headers: [{ key: 'MS-ContinuationToken', value: 'same' }] } },
    }));
    const client = makeClient(server.url);
    try {
      await assert.rejects(client.customers.listAll(), /same next link/);
      assert.ok(server.requests.length <= 3);
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('filter is sent as the documented JSON with starts_with', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { totalCount: 0, items: [] }));
    const client = makeClient(server.url);
    try {
      await client.customers.listPage({ size: 10, filter: { field: 'Domain', value: 'contoso' } });
      const url = new URL(server.requests[0].url, server.url);
      assert.deepEqual(JSON.parse(url.searchParams.get('filter') ?? ''), { Field: 'Domain', Value: 'contoso', Operator: 'starts_with' });
      assert.equal(url.searchParams.get('size'), '10');
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('unpaged collections return their items; catalog paths and queries', async () => {
    const server = await startServer((_req, res) => sendJson(res, 200, { totalCount: 1, items: [{ id: 'x' }] }));
    const client = makeClient(server.url);
    try {
      assert.deepEqual(await client.orders.list('c 1'), [{ id: 'x' }]);
      await client.catalog.products({ country: 'US', targetView: 'OnlineServices' });
      await client.catalog.forCustomer('c1').availabilities('P1', '0001', { country: 'US', targetSegment: 'commercial' });
      await client.subscriptions.listByOrder('c1', 'o1');
      await client.entitlements.list('c1', { entitlementType: 'software', showExpiry: true });
      assert.deepEqual(server.requests.map((r) => r.url), [
        '/v1/customers/c%201/orders',
        '/v1/products?country=US&targetView=OnlineServices',
        '/v1/customers/c1/products/P1/skus/0001/availabilities?targetSegment=commercial',
        '/v1/customers/c1/subscriptions?order_id=o1',
        '/v1/customers/c1/entitlements?entitlementType=software&showExpiry=true',
      ]);
    } finally {
      await client.close();
      await server.close();
    }
  });
});
