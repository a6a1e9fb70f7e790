// App-only sign-in (client credentials) with a client secret and with a certificate. The
// credential lives in the SecretStore only; sign-out removes it together with the tokens.
import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SignInError, credentialKey } from '../../../common/src/auth';
import { type AuthHarness, decodeJwt, leakedIn, startAuthHarness, testCertificates } from './helpers';

let h: AuthHarness;
before(async () => {
  h = await startAuthHarness();
});
after(() => h.close());

test('client secret: an app token (idtyp app), cached, and the secret only in the SecretStore', async () => {
  const account = await h.auth.signInApp(h.app, { kind: 'clientSecret', secret: h.authority.clientSecret });
  assert.equal(account.kind, 'app');
  assert.equal(account.credential, 'clientSecret');
  assert.ok(!JSON.stringify(account).includes(h.authority.clientSecret), 'the account record holds no secret');
  const token = await h.auth.getToken(account);
  assert.equal(decodeJwt(token).idtyp, 'app');
  assert.equal(h.authority.tokenRequests.length, 1, 'the first token is reused');

  // A restart (new PartnerCenterAuth, same keychain) finds the token in the persisted cache.
  const again = await h.restart().getToken(account);
  assert.equal(again, token);
  assert.equal(h.authority.tokenRequests.length, 1);

  await h.auth.signOut(account);
  assert.equal(h.secrets.entries.size, 0, 'sign-out leaves no cache and no credential behind');
  assert.deepEqual(leakedIn(h.logs.join('\n'), h.authority), []);
});

test('certificate: the client assertion is signed with the stored certificate key', async () => {
  const account = await h.auth.signInApp(h.app, { kind: 'clientCertificate', pem: testCertificates().clientBundlePem });
  assert.equal(account.credential, 'clientCertificate');
  assert.equal(decodeJwt(await h.auth.getToken(account)).idtyp, 'app');
  assert.ok((await h.secrets.get(credentialKey(h.app)))?.includes('PRIVATE KEY'), 'the key is kept in the SecretStore');
  await h.auth.signOut(account);
  assert.equal(h.secrets.entries.size, 0);
});

test('a wrong client secret says to set a new one', async () => {
  await assert.rejects(
    h.auth.signInApp(h.app, { kind: 'clientSecret', secret: 'not-the-secret' }),
    (err: unknown) => {
      assert.ok(err instanceof SignInError);
      assert.equal(err.reason, 'invalidClientCredential');
      assert.match(err.message, /Set App Credential/);
      assert.ok(!err.message.includes('not-the-secret'));
      return true;
    },
  );
});

test('App-only needs a real tenant, not "organizations"', async () => {
  await assert.rejects(h.auth.signInApp({ ...h.app, tenant: 'organizations' }, { kind: 'clientSecret', secret: 'x' }), /partner tenant id/);
});
