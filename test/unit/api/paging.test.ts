// links.next following: against the emulator's seek paging (relative next links without /v1, the
// continuation token in a header, which it refuses to page without), "Load more" continuations,
// the filter and catalog queries; and against scripted servers for what the emulator never
// sends: a next link that already carries /v1, a link to another origin, a link that repeats.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeContinuation, type PartnerCenterError } from '../../../common/src/api';
import { sendJson, startScriptedServer } from '../../support/scriptedServer';
import { emulatorAndClient, makeClient, TOKEN } from './helpers';

describe('paging', () => {
  test('the item iterator follows next links with the continuation header and one correlation id', async (t) => {
    const { emu, client } = await emulatorAndClient(t, { requireToken: TOKEN });
    const all = await client.customers.listAll({ size: 0 });
    emu.requests.length = 0;
    const ids: string[] = [];
    for await (const c of client.customers.list({ size: 50 })) ids.push(c.id);
    assert.deepEqual(
      ids,
      all.map((c) => c.id),
      'every customer once, in order',
    );
    const pages = Math.ceil(all.length / 50);
    assert.ok(pages >= 3, `${all.length} customers make ${pages} pages`);
    assert.deepEqual(
      emu.requests.map((r) => [r.path, r.status]),
      [
        ['/v1/customers?size=50', 200],
        ...Array.from({ length: pages - 1 }, () => ['/v1/customers?size=50&seekOperation=Next', 200]),
      ],
      'each next page was answered, which the emulator does only with its continuation token',
    );
    assert.equal(new Set(emu.requests.map((r) => r.correlationId)).size, 1, 'one correlation id per listing');
    assert.equal(new Set(emu.requests.map((r) => r.requestId)).size, pages, 'a request id per page');
  });

  test('page iterator and listPage continuations ("Load more…") walk the same pages', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const pages = [];
    for await (const p of client.customers.pages({ size: 60 })) pages.push(p);
    assert.ok(pages.length >= 3);
    assert.deepEqual(
      pages.map((p) => p.hasMore),
      [...pages.slice(1).map(() => true), false],
    );
    assert.ok(
      pages.every((p) => p.totalCount === p.items.length),
      'the emulator counts the items of the page',
    );

    const first = await client.customers.listPage({ size: 60 });
    assert.ok(first.next);
    assert.throws(() => decodeContinuation('garbage'));
    const second = await client.customers.listPage({ size: 60 }, first.next);
    assert.deepEqual(
      second.items.map((c) => c.id),
      pages[1].items.map((c) => c.id),
    );
    const [a, b] = emu.requests.slice(-2);
    assert.equal(b.path, '/v1/customers?size=60&seekOperation=Next');
    assert.equal(a.correlationId, b.correlationId, 'load more keeps the listing correlation id');
  });

  test('a next link that already starts with /v1 is not given a second one', async (t) => {
    // The reference's list example shows a /v1 link once; the emulator always leaves /v1 out.
    const server = await startScriptedServer((req, res) =>
      sendJson(
        res,
        200,
        req.headers['ms-continuationtoken'] === undefined
          ? {
              totalCount: 1,
              items: [{ id: 'a' }],
              links: {
                next: {
                  uri: '/v1/customers?size=1&seekOperation=Next',
                  method: 'GET',
                  headers: [{ key: 'MS-ContinuationToken', value: 'tok' }],
                },
              },
            }
          : { totalCount: 1, items: [{ id: 'b' }] },
      ),
    );
    t.after(() => server.close());
    const client = makeClient(server.url);
    t.after(() => client.close());
    assert.deepEqual(
      (await client.customers.listAll({ size: 1 })).map((c) => c.id),
      ['a', 'b'],
    );
    assert.deepEqual(
      server.requests.map((r) => r.url),
      ['/v1/customers?size=1', '/v1/customers?size=1&seekOperation=Next'],
    );
  });

  test('a next link to another origin is refused and the token is never sent there', async () => {
    const evil = await startScriptedServer((_req, res) => sendJson(res, 200, { items: [] }));
    const server = await startScriptedServer((_req, res) =>
      sendJson(res, 200, {
        totalCount: 2,
        items: [{ id: 'a' }],
        links: { next: { uri: `${evil.url}/v1/customers?steal=1`, headers: [{ key: 'MS-ContinuationToken', value: 'x' }] } },
      }),
    );
    const client = makeClient(server.url);
    try {
      await assert.rejects(
        async () => {
          for await (const _c of client.customers.list()) {
            /* drain */
          }
        },
        (err: PartnerCenterError) => err.kind === 'protocol' && /another origin/.test(err.message),
      );
      await assert.rejects(client.entitlements.getArtifact({ uri: `${evil.url}/customers/x/artifacts/y` }), /another origin/);
      assert.equal(evil.requests.length, 0);
    } finally {
      await client.close();
      await server.close();
      await evil.close();
    }
  });

  test('a service that repeats the same next link does not loop forever', async () => {
    const server = await startScriptedServer((_req, res) =>
      sendJson(res, 200, {
        items: [{ id: 'a' }],
        links: { next: { uri: '/customers?seekOperation=Next', headers: [{ key: 'MS-ContinuationToken', value: 'same' }] } },
      }),
    );
    const client = makeClient(server.url);
    try {
      await assert.rejects(client.customers.listAll(), /same next link/);
      assert.ok(server.requests.length <= 3);
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('a filter is sent as the documented JSON with starts_with, and returns only the matches', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const page = await client.customers.listPage({ size: 10, filter: { field: 'Domain', value: 'contoso' } });
    const url = new URL(emu.requests[0].path, emu.url);
    assert.deepEqual(JSON.parse(url.searchParams.get('filter') ?? ''), {
      Field: 'Domain',
      Value: 'contoso',
      Operator: 'starts_with',
    });
    assert.equal(url.searchParams.get('size'), '10');
    assert.ok(page.items.length > 0);
    assert.ok(page.items.every((c) => (c.companyProfile?.domain ?? '').startsWith('contoso')));
  });

  test('unpaged collections return their items; paths are escaped and catalog queries carry their parameters', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const c = emu.fixtures.customerId;
    const [productId, skuId] = emu.fixtures.catalog.license.split(':');
    const { orderId } = await client.subscriptions.get(c, emu.fixtures.subscriptions.recent.subscriptionId);
    assert.ok(orderId);
    emu.requests.length = 0;

    assert.ok((await client.orders.list(c)).length > 0);
    await assert.rejects(client.orders.list('c 1'), { status: 404 });
    assert.ok((await client.catalog.products({ country: 'US', targetView: 'OnlineServices' })).some((p) => p.id === productId));
    assert.ok((await client.catalog.forCustomer(c).availabilities(productId, skuId, { targetSegment: 'commercial' })).length > 0);
    assert.ok((await client.subscriptions.listByOrder(c, orderId)).length > 0);
    assert.ok((await client.entitlements.list(c, { entitlementType: 'software', showExpiry: true })).length > 0);
    assert.deepEqual(
      emu.requests.map((r) => [r.path, r.status]),
      [
        [`/v1/customers/${c}/orders`, 200],
        ['/v1/customers/c%201/orders', 404],
        ['/v1/products?country=US&targetView=OnlineServices', 200],
        [`/v1/customers/${c}/products/${productId}/skus/${skuId}/availabilities?targetSegment=commercial`, 200],
        [`/v1/customers/${c}/subscriptions?order_id=${orderId}`, 200],
        [`/v1/customers/${c}/entitlements?entitlementType=software&showExpiry=true`, 200],
      ],
    );
  });
});
