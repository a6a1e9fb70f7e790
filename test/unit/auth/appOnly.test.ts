// App-only sign-in (client credentials) with a client secret and with a certificate. The
// credential lives in the SecretStore only; sign-out removes it together with the tokens.
// Each test has its own authority and SecretStore.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignInError, credentialKey } from '../../../common/src/auth';
import { authHarness, decodeJwt, leakedIn, testCertificates } from './helpers';

test('client secret: an app token (idtyp app), cached, and the secret only in the SecretStore', async (t) => {
  const h = await authHarness(t);
  const account = await h.auth.signInApp(h.app, { kind: 'clientSecret', secret: h.authority.clientSecret });
  assert.equal(account.kind, 'app');
  assert.equal(account.credential, 'clientSecret');
  assert.ok(!JSON.stringify(account).includes(h.authority.clientSecret), 'the account record holds no secret');
  const token = await h.auth.getToken(account);
  assert.equal(decodeJwt(token).idtyp, 'app');
  assert.deepEqual(
    h.authority.tokenRequests.map((r) => [r.grant, r.status]),
    [['client_credentials', 200]],
    'the sign-in token is reused',
  );

  // A restart (new PartnerCenterAuth, same keychain) finds the token in the persisted cache.
  const again = await h.restart().getToken(account);
  assert.equal(again, token);
  assert.equal(h.authority.tokenRequests.length, 1);

  await h.auth.signOut(account);
  assert.equal(h.secrets.entries.size, 0, 'sign-out leaves no cache and no credential behind');
  assert.deepEqual(leakedIn(h.logs.join('\n'), h.authority), []);
});

test('certificate: an app token from a client assertion, and the certificate key kept in the SecretStore until sign-out', async (t) => {
  const h = await authHarness(t);
  const account = await h.auth.signInApp(h.app, { kind: 'clientCertificate', pem: testCertificates().clientBundlePem });
  assert.equal(account.credential, 'clientCertificate');
  // The authority verifies the assertion's signature against the registered certificate.
  assert.equal(decodeJwt(await h.auth.getToken(account)).idtyp, 'app');
  assert.ok((await h.secrets.get(credentialKey(h.app)))?.includes('PRIVATE KEY'), 'the key is kept in the SecretStore');
  await h.auth.signOut(account);
  assert.equal(h.secrets.entries.size, 0);
});

test('a wrong client secret says to set a new one', async (t) => {
  const h = await authHarness(t);
  await assert.rejects(h.auth.signInApp(h.app, { kind: 'clientSecret', secret: 'not-the-secret' }), (err: unknown) => {
    assert.ok(err instanceof SignInError);
    assert.equal(err.reason, 'invalidClientCredential');
    assert.match(err.message, /Set App Credential/);
    assert.ok(!err.message.includes('not-the-secret'));
    return true;
  });
});

test('App-only needs a real tenant, not "organizations"', async (t) => {
  const h = await authHarness(t);
  await assert.rejects(
    h.auth.signInApp({ ...h.app, tenant: 'organizations' }, { kind: 'clientSecret', secret: 'x' }),
    /partner tenant id/,
  );
  assert.equal(h.authority.tokenRequests.length, 0, 'refused before asking the authority');
});
