// Tokens after sign-in: served from memory or the persisted cache, refreshed silently when they
// are about to expire, and the failures of a refresh (revoked session, MFA) told as such.
import * as assert from 'node:assert/strict';
import { after, afterEach, before, mock, test } from 'node:test';
import { REFRESH_MARGIN_MS, SignInError, type SignedInAccount } from '../../../common/src/auth';
import { type AuthHarness, leakedIn, startAuthHarness } from './helpers';

let h: AuthHarness;
let account: SignedInAccount;
before(async () => {
  h = await startAuthHarness({ deviceCodePendingPolls: 0 });
});
after(() => h.close());
afterEach(() => mock.timers.reset());

async function signIn(): Promise<SignedInAccount> {
  h.authority.tokenRequests.length = 0;
  account = await h.auth.signInUser(h.app, { flow: 'deviceCode', onCode: () => undefined });
  return account;
}

const refreshes = () => h.authority.tokenRequests.filter((r) => r.grant === 'refresh_token');

test('the cache survives a restart: no new request while the token is valid', async () => {
  await signIn();
  const first = await h.auth.getToken(account);
  const afterRestart = await h.restart().getToken(account);
  assert.equal(afterRestart, first);
  assert.equal(refreshes().length, 0);
});

test('refresh after expiry: a token near its end is replaced silently with the refresh token', async () => {
  await signIn();
  const first = await h.auth.getToken(account);
  // Move the clock to five seconds before the margin ends: still served from memory.
  mock.timers.enable({ apis: ['Date'], now: Date.now() + 3600_000 - REFRESH_MARGIN_MS - 5_000 });
  assert.equal(await h.auth.getToken(account), first);
  assert.equal(refreshes().length, 0);
  // Past the token's expiry: both our memory and MSAL's cache decide to refresh.
  mock.timers.setTime(Date.now() + 3600_000 + 60_000);
  const second = await h.auth.getToken(account);
  assert.ok(second !== first, 'a new access token');
  assert.deepEqual(refreshes().map((r) => r.status), [200]);
  mock.timers.reset();
  assert.deepEqual(leakedIn(h.logs.join('\n'), h.authority), []);
});

test('invalid_grant on refresh (session revoked) says to sign in again', async () => {
  await signIn();
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

test('MFA required on refresh (AADSTS50076) says to sign in again with MFA', async () => {
  await signIn();
  h.authority.failNext('refresh_token', { error: 'invalid_grant', aadsts: 50076, suberror: 'basic_action' });
  await assert.rejects(h.auth.getToken(account, { forceRefresh: true }), (err: unknown) => {
    assert.ok(err instanceof SignInError);
    assert.equal(err.reason, 'mfaRequired');
    assert.match(err.message, /multi-factor/);
    return true;
  });
});

test('sign-out removes the account and its tokens from the SecretStore', async () => {
  const other = await signIn();
  assert.ok([...h.secrets.entries.values()].some((v) => [...h.authority.issued].some((t) => v.includes(t))), 'tokens are persisted while signed in');
  await h.auth.signOut(other);
  const stored = [...h.secrets.entries.values()].join('\n');
  assert.deepEqual(leakedIn(stored, h.authority), [], 'no issued token is left in the SecretStore');
  await assert.rejects(h.restart().getToken(other), (err: unknown) => err instanceof SignInError && err.reason === 'sessionExpired');
});
