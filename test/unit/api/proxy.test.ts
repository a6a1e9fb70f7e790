// Proxies: an explicit proxy URL, HTTPS_PROXY/HTTP_PROXY from the environment, and the loopback
// bypass that keeps the emulator reachable when a corporate proxy is configured.
import assert from 'node:assert/strict';
import * as http from 'node:http';
import * as net from 'node:net';
import { describe, test } from 'node:test';
import { makeClient, sendJson, startServer, TOKEN } from './helpers';

interface TinyProxy {
  url: string;
  connects: { target: string; proxyAuthorization?: string }[];
  close(): Promise<void>;
}

/** A CONNECT proxy that sends every tunnel to `targetPort` on loopback, whatever host was asked. */
async function startProxy(targetPort: number): Promise<TinyProxy> {
  const connects: TinyProxy['connects'] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => res.writeHead(405).end());
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    connects.push({ target: req.url ?? '', proxyAuthorization: req.headers['proxy-authorization'] });
    const upstream = net.connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => s.destroy());
      s.on('close', () => sockets.delete(s));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

describe('proxies', () => {
  test('an explicit proxy tunnels the calls; proxy credentials go to the proxy only', async () => {
    const api = await startServer((_req, res) => sendJson(res, 200, { id: 'via-proxy' }));
    const proxy = await startProxy(api.port);
    const withCreds = proxy.url.replace('http://', 'http://user:p%40ss@');
    const client = makeClient(api.url, { proxy: withCreds });
    try {
      assert.equal((await client.customers.get('c1')).id, 'via-proxy');
      assert.equal(proxy.connects.length, 1);
      assert.equal(proxy.connects[0].target, `127.0.0.1:${api.port}`);
      assert.equal(proxy.connects[0].proxyAuthorization, `Basic ${Buffer.from('user:p@ss').toString('base64')}`);
      assert.equal(api.requests[0].headers['proxy-authorization'], undefined);
      assert.equal(api.requests[0].headers.authorization, `Bearer ${TOKEN}`);
    } finally {
      await client.close();
      await proxy.close();
      await api.close();
    }
  });

  test('HTTP_PROXY from the environment is used for a remote endpoint, skipped for loopback', async () => {
    const api = await startServer((_req, res) => sendJson(res, 200, { id: 'env' }));
    const proxy = await startProxy(api.port);
    const env = { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url };
    const remote = makeClient(`http://partner-center.example.test:${api.port}`, { env, maxRetries: 0 });
    const local = makeClient(api.url, { env, maxRetries: 0 });
    try {
      assert.equal((await remote.customers.get('c1')).id, 'env');
      assert.equal(proxy.connects.length, 1);
      assert.equal(proxy.connects[0].target, `partner-center.example.test:${api.port}`);
      assert.equal((await local.customers.get('c1')).id, 'env');
      assert.equal(proxy.connects.length, 1, 'the loopback emulator is reached directly');
    } finally {
      await remote.close();
      await local.close();
      await proxy.close();
      await api.close();
    }
  });

  test('a malformed proxy setting fails with a clear message', () => {
    assert.throws(() => makeClient('https://api.partnercenter.microsoft.com', { proxy: 'not a url' }), /proxy setting is not a valid URL/);
  });
});
