// Proxies: an explicit proxy URL, HTTPS_PROXY/HTTP_PROXY from the environment, and the loopback
// bypass that keeps the emulator reachable when a corporate proxy is configured.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { sendJson, startScriptedServer } from '../../support/scriptedServer';
import { makeClient, TOKEN } from './helpers';
import { startTunnelProxy } from '../../support/tunnelProxy';

describe('proxies', () => {
  test('an explicit proxy tunnels the calls; proxy credentials go to the proxy only', async () => {
    const api = await startScriptedServer((_req, res) => sendJson(res, 200, { id: 'via-proxy' }));
    const proxy = await startTunnelProxy(api.port);
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
    const api = await startScriptedServer((_req, res) => sendJson(res, 200, { id: 'env' }));
    const proxy = await startTunnelProxy(api.port);
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
    assert.throws(
      () => makeClient('https://api.partnercenter.microsoft.com', { proxy: 'not a url' }),
      /proxy setting is not a valid URL/,
    );
  });
});
