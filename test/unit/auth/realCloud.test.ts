// Sign-in to a real cloud: the app registration names login.microsoftonline.com, exactly as for a
// partner, and MSAL runs its Microsoft-authority path (built-in metadata, no knownAuthorities).
// A tunnel proxy carries that host to the fake authority, whose certificate names it, the way a
// corporate proxy would; any other host is refused, so nothing reaches Microsoft.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProxyAgent } from 'undici';
import { MemorySecretStore, PartnerCenterAuth, UndiciNetworkModule, resolveAppRegistration } from '../../../common/src/auth';
import { clouds } from '../../../common/src/api/clouds';
import { startFakeAuthority } from '../../support/fakeAuthority';
import { startTunnelProxy } from '../../support/tunnelProxy';
import { decodeJwt, testCertificates } from './helpers';

const GLOBAL_HOST = new URL(clouds.global.authority!).hostname;

test('a device code sign-in to the global cloud goes to login.microsoftonline.com and returns its token', async (t) => {
  const certs = testCertificates();
  const authority = await startFakeAuthority({
    tls: { key: certs.serverKeyPem, cert: certs.serverCertPem },
    deviceCodePendingPolls: 1,
    deviceCodeIntervalSeconds: 1,
    aliasHosts: [GLOBAL_HOST],
  });
  t.after(() => authority.close());
  const proxy = await startTunnelProxy({ [`${GLOBAL_HOST}:443`]: authority.port });
  t.after(() => proxy.close());
  const dispatcher = new ProxyAgent({ uri: proxy.url, requestTls: { ca: certs.caPem } });
  t.after(() => dispatcher.close());
  const auth = new PartnerCenterAuth({
    secrets: new MemorySecretStore(),
    network: (host) => new UndiciNetworkModule({ authority: host, dispatcher }),
  });

  const app = resolveAppRegistration({ cloud: 'global', clientId: authority.clientId, tenant: authority.tenantId });
  assert.equal(app.authorityHost, 'https://login.microsoftonline.com', 'the registration names the real authority');
  const account = await auth.signInUser(app, { flow: 'deviceCode', onCode: () => undefined }, true);
  assert.equal(account.username, 'alice@contoso.example');
  assert.equal(account.tenantId, authority.tenantId);
  assert.equal(account.sandbox, true, 'the sandbox flag the person gave is kept with the account');

  const claims = decodeJwt(await auth.getToken(account));
  assert.equal(
    claims.iss,
    `https://login.microsoftonline.com/${authority.tenantId}/v2.0`,
    'the token came from the authority as login.microsoftonline.com',
  );
  assert.equal(claims.aud, 'https://api.partnercenter.microsoft.com');
  assert.ok(proxy.connects.length > 0, 'every sign-in request went through the proxy');
  assert.deepEqual([...new Set(proxy.connects.map((c) => c.target))], [`${GLOBAL_HOST}:443`], 'to the real authority host only');
});

test('the test proxy refuses a host it does not carry, so a test never reaches the real service', async (t) => {
  const proxy = await startTunnelProxy({ [`${GLOBAL_HOST}:443`]: 9 });
  t.after(() => proxy.close());
  const network = new UndiciNetworkModule({
    authority: 'https://api.partnercenter.microsoft.com',
    env: { HTTPS_PROXY: proxy.url },
  });
  await assert.rejects(
    network.sendGetRequestAsync('https://api.partnercenter.microsoft.com/v1/customers'),
    /Could not reach the sign-in service/,
  );
  assert.deepEqual(proxy.connects, [
    { target: 'api.partnercenter.microsoft.com:443', proxyAuthorization: undefined, refused: true },
  ]);
});
