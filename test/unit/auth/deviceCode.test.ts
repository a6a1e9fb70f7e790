// App+User sign-in with a device code, through the real msal-node against the fake authority.
// Each test has its own authority, configured for what it checks.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { type DeviceCodeInfo, SignInError } from '../../../common/src/auth';
import { authHarness, decodeJwt, leakedIn } from './helpers';

test('device code: authorization_pending twice, then a signed-in account with a Partner Center token', async (t) => {
  const h = await authHarness(t, { deviceCodePendingPolls: 2, deviceCodeIntervalSeconds: 1 });
  const shown: DeviceCodeInfo[] = [];
  const account = await h.auth.signInUser(h.app, { flow: 'deviceCode', onCode: (info) => shown.push(info) });
  assert.equal(shown.length, 1, 'the code is shown once');
  assert.match(shown[0]!.userCode, /^[A-Z0-9]{6,}$/);
  assert.ok(shown[0]!.verificationUri.startsWith(h.authority.url));
  const polls = h.authority.tokenRequests.filter((r) => r.grant.endsWith('device_code'));
  assert.deepEqual(
    polls.map((p) => p.status),
    [400, 400, 200],
    'two pending answers, then success',
  );
  assert.equal(account.kind, 'user');
  assert.equal(account.username, 'alice@contoso.example');
  assert.equal(account.tenantId, h.authority.tenantId);

  const token = await h.auth.getToken(account);
  assert.equal(decodeJwt(token).aud, 'https://api.partnercenter.microsoft.com');
  assert.equal(h.authority.tokenRequests.length, 3, 'the first token comes from the sign-in, not another request');
  assert.deepEqual(leakedIn(h.logs.join('\n'), h.authority), [], 'no issued value in any log line');
});

test('device code: an expired code says to sign in again with a new code', async (t) => {
  const h = await authHarness(t, { deviceCodePendingPolls: 100, deviceCodeIntervalSeconds: 1, deviceCodeServerLifetimeMs: 1500 });
  await assert.rejects(h.auth.signInUser(h.app, { flow: 'deviceCode', onCode: () => undefined }), (err: unknown) => {
    assert.ok(err instanceof SignInError);
    assert.equal(err.reason, 'deviceCodeExpired');
    assert.match(err.message, /device code expired.*Sign In again/i);
    return true;
  });
});

test('device code: cancelling while it polls ends the sign-in as cancelled, with no token issued', async (t) => {
  const h = await authHarness(t, { deviceCodePendingPolls: 100, deviceCodeIntervalSeconds: 1 });
  const controller = new AbortController();
  const pendingPoll = () => h.authority.tokenRequests.some((r) => r.grant.endsWith('device_code') && r.status === 400);
  const signIn = h.auth.signInUser(h.app, { flow: 'deviceCode', onCode: () => undefined, signal: controller.signal });
  // Cancel once the authority has answered a poll "pending": the sign-in is mid-way.
  const polled = (async () => {
    while (!pendingPoll()) await new Promise((r) => setTimeout(r, 20));
    controller.abort();
  })();
  await assert.rejects(signIn, (err: unknown) => err instanceof SignInError && err.reason === 'cancelled');
  await polled;
  assert.ok(
    h.authority.tokenRequests.every((r) => r.status !== 200),
    'no token was issued',
  );
});

test('device code: MFA required (AADSTS50076) gets the MFA advice', async (t) => {
  const h = await authHarness(t);
  h.authority.failNext('device_code', { error: 'invalid_grant', aadsts: 50076, suberror: 'basic_action' });
  await assert.rejects(h.auth.signInUser(h.app, { flow: 'deviceCode', onCode: () => undefined }), (err: unknown) => {
    assert.ok(err instanceof SignInError);
    assert.equal(err.reason, 'mfaRequired');
    assert.equal(err.code, 'AADSTS50076');
    assert.match(err.message, /multi-factor authentication/);
    return true;
  });
});
