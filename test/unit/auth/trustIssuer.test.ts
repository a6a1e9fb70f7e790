// The emulator with --trust-issuer: tokens from the fake authority (fetched by the real MSAL
// flows) are accepted; unsigned, foreign, expired, never-expiring, future-dated, wrong-audience
// and no-MFA tokens are not. Each test starts its own authority and emulator.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import { type PartnerCenterError, PartnerCenterClient } from '../../../common/src/api';
import { explainPartnerCenterAuthError } from '../../../common/src/auth';
import { type RunningEmulator, startEmulator } from '../../../emulator/src/index';
import { call } from '../emulator/helpers';
import { type AuthHarness, startAuthHarness, testCertificates } from './helpers';

async function trustingEmulator(t: TestContext): Promise<{ h: AuthHarness; em: RunningEmulator }> {
  const h = await startAuthHarness({ deviceCodePendingPolls: 0 });
  t.after(() => h.close());
  const em = await startEmulator({ trustIssuer: h.authority.issuer, trustIssuerCa: testCertificates().caPem });
  t.after(() => em.close());
  return { h, em };
}

const now = () => Math.floor(Date.now() / 1000);
const YEAR = 365 * 86_400;
const customers = (em: RunningEmulator, token: string) => call(em, '/v1/customers?size=1', { token });

test('a token from the trusted issuer (device code sign-in) is accepted', async (t) => {
  const { h, em } = await trustingEmulator(t);
  const account = await h.auth.signInUser(h.app, { flow: 'deviceCode', onCode: () => undefined });
  const reply = await customers(em, await h.auth.getToken(account));
  assert.equal(reply.status, 200);
});

test('an App-only token works, except on App+User-only APIs (900329)', async (t) => {
  const { h, em } = await trustingEmulator(t);
  const account = await h.auth.signInApp(h.app, { kind: 'clientSecret', secret: h.authority.clientSecret });
  const token = await h.auth.getToken(account);
  assert.equal((await customers(em, token)).status, 200);
  const entitlements = await call(em, `/v1/customers/${em.fixtures.customerId}/entitlements`, { token });
  assert.equal(entitlements.status, 403);
  assert.equal(entitlements.body.code, 900329);
});

test('anything else is refused with 401 and a body that says why', async (t) => {
  const { h, em } = await trustingEmulator(t);
  const base = {
    iss: h.authority.issuer,
    aud: 'https://api.partnercenter.microsoft.com',
    iat: now(),
    nbf: now(),
    exp: now() + 600,
    amr: ['pwd', 'mfa'],
  };
  const { exp: _exp, ...noExp } = base;
  const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(base)).toString('base64url')}.`;
  const cases: [string, string, number, RegExp][] = [
    ['any string', 'partner-center-vscode-emulator', 400, /signature/],
    ['unsigned JWT', unsigned, 400, /signature/],
    ['expired', await h.authority.sign({ ...base, iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }), 400, /expired/],
    ['no exp', await h.authority.sign(noExp), 400, /no "exp" claim/],
    [
      'iat a year ahead',
      await h.authority.sign({ ...base, iat: now() + YEAR, nbf: now(), exp: now() + YEAR + 600 }),
      400,
      /issued in the future/,
    ],
    ['another issuer', await h.authority.sign({ ...base, iss: 'https://login.example/other/v2.0' }), 400, /not issued by/],
    ['another audience', await h.authority.sign({ ...base, aud: 'https://graph.microsoft.com' }), 400, /audience/],
    // deprecate-azure-active-directory-graph-token.md: graph.windows.net audience tokens are retired.
    [
      'the retired Azure AD Graph audience',
      await h.authority.sign({ ...base, aud: 'https://graph.windows.net' }),
      400,
      /retired/,
    ],
  ];
  for (const [what, token, code, why] of cases) {
    const reply = await customers(em, token);
    assert.equal(reply.status, 401, what);
    assert.equal(reply.body.code, code, what);
    assert.equal(reply.body.source, 'PartnerFD', what);
    assert.match(reply.body.description, why, what);
    assert.match(reply.headers.get('www-authenticate') ?? '', /^OAuth realm=/, what);
  }
  assert.equal((await customers(em, await h.authority.sign(base))).status, 200, 'the same claims, well formed, are accepted');
});

test('an App+User token without MFA gets the MFA page\'s answer, and the client reads it as "MFA required"', async (t) => {
  const { h, em } = await trustingEmulator(t);
  const token = await h.authority.sign({
    iss: h.authority.issuer,
    aud: 'https://api.partnercenter.microsoft.com',
    iat: now(),
    nbf: now(),
    exp: now() + 600,
    amr: ['pwd'],
  });
  const reply = await customers(em, token);
  assert.equal(reply.status, 401);
  assert.equal(reply.statusText, 'Unauthorized - MFA required');
  assert.equal(reply.headers.get('www-authenticate'), 'Bearer error="invalid_token"');
  assert.equal(reply.text, '', 'the docs show no error body, so no code is invented');

  const client = new PartnerCenterClient({ endpoint: em.url, tokenProvider: { getToken: async () => token } });
  t.after(() => client.close());
  const err: PartnerCenterError = await client.customers.get(em.fixtures.customerId).then(
    () => assert.fail('the call was accepted'),
    (e: PartnerCenterError) => e,
  );
  assert.equal(explainPartnerCenterAuthError(err.status, err.code, false, err.challenge)?.reason, 'mfaRequired');
});

test('the CLI takes --trust-issuer and lists it in --help', () => {
  const cli = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
  const help = spawnSync(process.execPath, [cli, 'emulator', '--help'], { encoding: 'utf8' });
  assert.match(help.stdout, /--trust-issuer <url>/);
  const bad = spawnSync(process.execPath, [cli, 'emulator', '--trust-issuer', 'not a url'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--trust-issuer needs a URL/);
});
