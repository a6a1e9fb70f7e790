// Tokens after sign-in: served from memory or the persisted cache, refreshed silently when they
// are about to expire, and the failures of a refresh (revoked session, MFA) told as such.
// Each test signs in on its own authority.
import * as assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { REFRESH_MARGIN_MS, SignInError, type SignedInAccount } from '../../../common/src/auth';
import { type AuthHarness, authHarness, leakedIn } from './helpers';

async function signedIn(t: TestContext): Promise<{ h: AuthHarness; account: SignedInAccount }> {
  const h = await authHarness(t, { deviceCodePendingPolls: 0 });
  const account = await h.auth.signInUser(h.app, { flow: 'deviceCode', onCode: () => undefined });
  return { h, account };
}

const refreshes = (h: AuthHarness) => h.authority.tokenRequests.filter((r) => r.grant === 'refresh_token');

test('the cache survives a restart: no new request while the token is valid', async (t) => {
  const { h, account } = await signedIn(t);
  const first = await h.auth.getToken(account);
  const requests = h.authority.tokenRequests.length;
  const afterRestart = await h.restart().getToken(account);
  assert.equal(afterRestart, first);
  assert.equal(h.authority.tokenRequests.length, requests, 'the restarted auth asked the authority nothing');
});

test('refresh after expiry: a token near its end is replaced silently with the refresh token', async (t) => {
  const { h, account } = await signedIn(t);
  const first = await h.auth.getToken(account);
  // Move the clock to five seconds before the margin ends: still served from memory.
  t.mock.timers.enable({ apis: ['Date'], now: Date.now() + 3600_000 - REFRESH_MARGIN_MS - 5_000 });
  assert.equal(await h.auth.getToken(account), first);
  assert.equal(refreshes(h).length, 0);
  // Past the token's expiry: both our memory and MSAL's cache decide to refresh.
  t.mock.timers.setTime(Date.now() + 3600_000 + 60_000);
  const second = await h.auth.getToken(account);
  assert.ok(second !== first, 'a new access token');
  assert.deepEqual(
    refreshes(h).map((r) => r.status),
    [200],
  );
  t.mock.timers.reset();
  assert.deepEqual(leakedIn(h.logs.join('\n'), h.authority), []);
});

test('invalid_grant on refresh (session revoked) says to sign in again', async (t) => {
  const { h, account } = await signedIn(t);
  h.authority.failNext('refresh_token', { error: 'invalid_grant', aadsts: 700082 });
  await assert.rejects(h.auth.getToken(account, { forceRefresh: true }), (err: unknown) => {
    assert.ok(err instanceof SignInError);
    assert.equal(err.reason, 'sessionExpired');
    assert.equal(err.needsSignIn, true);
    assert.match(err.message, /expired or was revoked\. Sign in again/);
    assert.equal(err.code, 'AADSTS700082');
    return true;
  });
});

test('MFA required on refresh (AADSTS50076) says to sign in again with MFA', async (t) => {
  const { h, account } = await signedIn(t);
  h.authority.failNext('refresh_token', { error: 'invalid_grant', aadsts: 50076, suberror: 'basic_action' });
  await assert.rejects(h.auth.getToken(account, { forceRefresh: true }), (err: unknown) => {
    assert.ok(err instanceof SignInError);
    assert.equal(err.reason, 'mfaRequired');
    assert.match(err.message, /multi-factor/);
    return true;
  });
});

test('sign-out removes the account and its tokens from the SecretStore', async (t) => {
  const { h, account } = await signedIn(t);
  assert.ok(
    [...h.secrets.entries.values()].some((v) => [...h.authority.issued].some((token) => v.includes(token))),
    'tokens are persisted while signed in',
  );
  await h.auth.signOut(account);
  const stored = [...h.secrets.entries.values()].join('\n');
  assert.deepEqual(leakedIn(stored, h.authority), [], 'no issued token is left in the SecretStore');
  await assert.rejects(
    h.restart().getToken(account),
    (err: unknown) => err instanceof SignInError && err.reason === 'sessionExpired',
  );
});
