// Where a call may go. A host whose name merely starts with "127." is a remote host: it is
// production in a confirmation and goes through the configured proxy. A purchase answered with a
// redirect to another origin is not re-posted there: its body and request id stay with the service
// it was addressed to, and the redirect is the (failed) answer.
import assert from 'node:assert/strict';
import * as http from 'node:http';
import { type AddressInfo, type Socket } from 'node:net';
import { test } from 'node:test';
import { PartnerCenterClient } from '../../../common/src/api';
import { requestKindById } from '../../../common/src/requestKinds';
import { describeSummary, runDocument } from '../../../common/src/send';
import { environmentOf } from '../../../cli/src/send';
import { startEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { makeContext, orderDocument, orderPosts, recordingPrompts, startGateway, TOKEN } from './helpers';

const LOOKALIKE = 'https://127.0.0.1.partner-center.example';

test('a host named 127.0.0.1.<domain> is production in the confirmation, not the emulator', () => {
  const summary = describeSummary({
    action: 'Place order',
    environment: environmentOf(LOOKALIKE, false),
    customer: { id: 'c' },
    lines: [],
  });
  assert.match(summary, /PRODUCTION: real money/);
  assert.doesNotMatch(summary, /no money is spent/);
  assert.match(
    describeSummary({
      action: 'Place order',
      environment: environmentOf('http://127.0.0.1:8787', false),
      customer: { id: 'c' },
      lines: [],
    }),
    /local emulator/,
  );
});

test('a host named 127.0.0.1.<domain> is reached through HTTPS_PROXY', async () => {
  const connects: string[] = [];
  const sockets = new Set<Socket>();
  const proxy = http.createServer((_req, res) => res.writeHead(405).end());
  proxy.on('connect', (req: http.IncomingMessage, socket: Socket) => {
    connects.push(String(req.url));
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  proxy.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((ready) => proxy.listen(0, '127.0.0.1', ready));
  const client = new PartnerCenterClient({
    endpoint: LOOKALIKE,
    tokenProvider: { getToken: async () => TOKEN },
    maxRetries: 0,
    env: { HTTPS_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` },
  });
  try {
    await assert.rejects(client.customers.get('c'));
    assert.deepEqual(connects, ['127.0.0.1.partner-center.example:443'], 'the call went to the proxy, not around it');
  } finally {
    await client.close();
    for (const s of sockets) s.destroy();
    await new Promise<void>((done) => proxy.close(() => done()));
  }
});

test('an order answered 307 to another origin is not posted there, and is not taken as placed', async () => {
  await withEmulator(async (emu) => {
    const elsewhere = await startEmulator({ seed: 7 });
    const gateway = await startGateway(emu, (req) =>
      req.method === 'POST' ? { status: 307, headers: { location: `${elsewhere.url}${req.path}` } } : 'forward',
    );
    const { customerId, catalog } = emu.fixtures;
    const ctx = makeContext(emu, recordingPrompts(true));
    const client = new PartnerCenterClient({ endpoint: gateway.url, tokenProvider: { getToken: async () => TOKEN } });
    try {
      const result = await runDocument(
        orderDocument(customerId, [{ item: catalog.license, quantity: 1 }]),
        requestKindById('order')!,
        { ...ctx, client },
      );
      assert.equal(result.status, 'failed', result.message);
      assert.match(result.message, /307.*not followed/);
      assert.deepEqual(
        elsewhere.requests.map((r) => `${r.method} ${r.path}`),
        [],
        'the other origin received nothing',
      );
      assert.equal(orderPosts(emu, customerId).length, 0);
      assert.deepEqual(await ctx.journal.unsettled(), [], 'a redirect is a definite answer: nothing was taken');
    } finally {
      await client.close();
      await ctx.client.close();
      await gateway.close();
      await elsewhere.close();
    }
  });
});
