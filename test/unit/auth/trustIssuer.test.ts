// The emulator with --trust-issuer: tokens from the fake authority (fetched by the real MSAL
// flows) are accepted; unsigned, foreign, expired, wrong-audience and no-MFA tokens are not.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { type RunningEmulator, startEmulator } from '../../../emulator/src/index';
import { call } from '../emulator/helpers';
import { type AuthHarness, startAuthHarness, testCertificates } from './helpers';

let h: AuthHarness;
let em: RunningEmulator;
before(async () => {
  h = await startAuthHarness({ deviceCodePendingPolls: 0 });
  em = await startEmulator({ trustIssuer: h.authority.issuer, trustIssuerCa: testCertificates().caPem });
});
after(async () => {
  await em.close();
  await h.close();
});

const now = () => Math.floor(Date.now() / 1000);
const customers = (token: string) => call(em, '/v1/customers?size=1', { token });

test('a token from the trusted issuer (device code sign-in) is accepted', async () => {
  const account = await h.auth.signInUser(h.app, { flow: 'deviceCode', onCode: () => undefined });
  const reply = await customers(await h.auth.getToken(account));
  assert.equal(reply.status, 200);
});

test('an App-only token works, except on App+User-only APIs (900329)', async () => {
  const account = await h.auth.signInApp(h.app, { kind: 'clientSecret', secret: h.authority.clientSecret });
  const token = await h.auth.getToken(account);
  assert.equal((await customers(token)).status, 200);
  const customerId = em.fixtures.customerId;
  const entitlements = await call(em, `/v1/customers/${customerId}/entitlements`, { token });
  assert.equal(entitlements.status, 403);
  assert.equal(entitlements.body.code, 900329);
});

test('anything else is refused with 401', async () => {
  const base = { iss: h.authority.issuer, aud: 'https://api.partnercenter.microsoft.com', iat: now(), nbf: now(), exp: now() + 600, amr: ['pwd', 'mfa'] };
  const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(base)).toString('base64url')}.`;
  const cases: [string, string, number][] = [
    ['any string', 'partner-center-vscode-emulator', 400],
    ['unsigned JWT', unsigned, 400],
    ['expired', await h.authority.sign({ ...base, iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 }), 400],
    ['another issuer', await h.authority.sign({ ...base, iss: 'https://login.example/other/v2.0' }), 400],
    ['another audience', await h.authority.sign({ ...base, aud: 'https://graph.microsoft.com' }), 400],
    ['App+User without MFA', await h.authority.sign({ ...base, amr: ['pwd'] }), 900421],
  ];
  for (const [what, token, code] of cases) {
    const reply = await customers(token);
    assert.equal(reply.status, 401, what);
    assert.equal(reply.body.code, code, what);
  }
});

test('the CLI takes --trust-issuer and lists it in --help', () => {
  const cli = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');
  const help = spawnSync(process.execPath, [cli, 'emulator', '--help'], { encoding: 'utf8' });
  assert.match(help.stdout, /--trust-issuer <url>/);
  const bad = spawnSync(process.execPath, [cli, 'emulator', '--trust-issuer', 'not a url'], { encoding: 'utf8' });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--trust-issuer needs a URL/);
});
