// App+User sign-in in the browser: authorization code with PKCE through MSAL's loopback, the
// browser played by a script that loads the fake authority's page and posts its form back.
// Each test has its own authority and SecretStore.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignInError } from '../../../common/src/auth';
import { BOB } from '../../support/fakeAuthority';
import { scriptedBrowser } from '../../support/scriptedBrowser';
import { type AuthHarness, authHarness, decodeJwt, leakedIn } from './helpers';

async function signInInteractive(h: AuthHarness) {
  const browser = scriptedBrowser(h.dispatcher);
  const account = await h.auth.signInUser(h.app, { flow: 'interactive', openBrowser: (url) => browser.open(url) });
  await browser.done();
  return { account, browser };
}

test('interactive: the code with PKCE is exchanged at the loopback, and the account is signed in', async (t) => {
  const h = await authHarness(t);
  const { account, browser } = await signInInteractive(h);
  const opened = new URL(browser.opened[0]!);
  assert.equal(opened.searchParams.get('code_challenge_method'), 'S256');
  assert.ok(opened.searchParams.get('code_challenge'), 'a PKCE challenge is sent');
  assert.match(opened.searchParams.get('redirect_uri') ?? '', /^http:\/\/localhost:\d+/);
  assert.equal(opened.searchParams.get('code'), null, 'the URL the browser gets holds no code or secret');
  // The authority checks the verifier against the challenge; a successful exchange proves it matched.
  assert.deepEqual(
    h.authority.tokenRequests.map((r) => [r.grant, r.status]),
    [['authorization_code', 200]],
  );
  assert.equal(account.username, 'alice@contoso.example');
  assert.equal(decodeJwt(await h.auth.getToken(account)).oid, account.homeAccountId!.split('.')[0]);
  assert.deepEqual(leakedIn(h.logs.join('\n'), h.authority), []);
});

test('interactive: a second user becomes a second account in the same cache', async (t) => {
  const h = await authHarness(t);
  const { account: alice } = await signInInteractive(h);
  h.authority.user = BOB;
  const { account: bob } = await signInInteractive(h);
  assert.equal(alice.username, 'alice@contoso.example');
  assert.equal(bob.username, 'bob@contoso.example');
  const cache = JSON.parse((await h.secrets.get([...h.secrets.entries.keys()].find((k) => k.includes('.cache.user.'))!))!) as {
    Account: object;
  };
  assert.equal(Object.keys(cache.Account).length, 2, 'both accounts are in the stored cache');
});

test('interactive: a browser closed without signing in times out with advice, and the loopback is closed', async (t) => {
  const h = await authHarness(t);
  const browser = scriptedBrowser(h.dispatcher, 'close');
  await assert.rejects(
    h.auth.signInUser(h.app, { flow: 'interactive', openBrowser: (url) => browser.open(url), timeoutMs: 500 }),
    (err: unknown) => {
      assert.ok(err instanceof SignInError);
      assert.equal(err.reason, 'browserTimedOut');
      assert.match(err.message, /did not finish.*closed.*deviceCode/s);
      return true;
    },
  );
  assert.deepEqual(h.authority.tokenRequests, [], 'no code was ever exchanged');
  // MSAL's loopback server must be gone: nothing should still listen on its port.
  const port = Number(new URL(new URL(browser.opened[0]!).searchParams.get('redirect_uri')!).port);
  await assert.rejects(fetch(`http://127.0.0.1:${port}/`), 'the loopback server is closed');
});

test('interactive: cancelling from VS Code stops the wait', async (t) => {
  const h = await authHarness(t);
  const browser = scriptedBrowser(h.dispatcher, 'close');
  const controller = new AbortController();
  // The person cancels once the browser was opened and the sign-in waits for it.
  const signIn = h.auth.signInUser(h.app, {
    flow: 'interactive',
    openBrowser: async (url) => {
      await browser.open(url);
      setTimeout(() => controller.abort(), 50);
    },
    signal: controller.signal,
  });
  await assert.rejects(signIn, (err: unknown) => err instanceof SignInError && err.reason === 'cancelled');
  assert.deepEqual(h.authority.tokenRequests, [], 'no code was ever exchanged');
});

test('interactive: consent declined in the browser gets the consent advice', async (t) => {
  const h = await authHarness(t);
  h.authority.nextAuthorize = 'deny';
  const browser = scriptedBrowser(h.dispatcher);
  await assert.rejects(
    h.auth.signInUser(h.app, { flow: 'interactive', openBrowser: (url) => browser.open(url) }),
    (err: unknown) => {
      assert.ok(err instanceof SignInError);
      assert.equal(err.reason, 'consentRequired');
      assert.match(err.message, /admin consent/);
      return true;
    },
  );
});
