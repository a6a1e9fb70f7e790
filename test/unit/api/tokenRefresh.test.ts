// A 401 to a token the service no longer accepts: the client asks its token provider for a fresh
// token once and sends again under the same request id; a second 401 is the answer.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage } from 'node:http';
import { type AddressInfo } from 'node:net';
import { test } from 'node:test';
import { PartnerCenterClient, type PartnerCenterError } from '../../../common/src/api';

async function serverAccepting(goodToken: string) {
  const seen: { authorization?: string; requestId?: string }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    seen.push({ authorization: req.headers.authorization, requestId: req.headers['ms-requestid'] as string });
    const ok = req.headers.authorization === `Bearer ${goodToken}`;
    res.writeHead(ok ? 201 : 401, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { id: 'order-1', status: 'pending' } : { code: 800001, description: 'Partner token missing', data: [], source: 'PartnerFD' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, close: () => new Promise<void>((r) => server.close(() => r())) };
}

test('a rejected token is refreshed once and the call succeeds under the same request id', async (t) => {
  const server = await serverAccepting('fresh');
  t.after(server.close);
  const asked: (boolean | undefined)[] = [];
  const client = new PartnerCenterClient({ endpoint: server.url, tokenProvider: { getToken: async (_s, o) => { asked.push(o?.forceRefresh); return o?.forceRefresh ? 'fresh' : 'revoked'; } } });
  t.after(() => client.close());
  const order = await client.orders.create('c1', { billingCycle: 'monthly', lineItems: [] });
  assert.equal(order.id, 'order-1');
  assert.deepEqual(asked, [undefined, true]);
  assert.equal(server.seen.length, 2);
  assert.equal(server.seen[0]!.requestId, server.seen[1]!.requestId, 'the purchase keeps its idempotency key');
});

test('a second 401 is the answer: no loop, a PartnerCenterError with the code', async (t) => {
  const server = await serverAccepting('never');
  t.after(server.close);
  const client = new PartnerCenterClient({ endpoint: server.url, tokenProvider: { getToken: async () => 'revoked' } });
  t.after(() => client.close());
  await assert.rejects(client.customers.get('c1'), (err: PartnerCenterError) => err.status === 401 && String(err.code) === '800001');
  assert.equal(server.seen.length, 2);
});
