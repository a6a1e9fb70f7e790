// The words a partner reads when sign-in or a Partner Center call fails for auth reasons, and
// the redaction that keeps credentials out of logs.
import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-node';
import { SignInNetworkError, explainPartnerCenterAuthError, redactSecrets, translateAuthError } from '../../../common/src/auth';

const context = { clientId: '11111111-2222-3333-4444-555555555555', tenant: 'contoso.onmicrosoft.com' };

test('Entra codes partners meet map to a reason and a next step', () => {
  const cases: [AuthError, string, RegExp][] = [
    [new ServerError('invalid_grant', 'c1', 'AADSTS65001: consent', undefined, '65001'), 'consentRequired', /admin consent/],
    [
      new ServerError('unauthorized_client', 'c1', 'AADSTS700016: not found', undefined, '700016'),
      'appNotFound',
      /partnerCenter\.auth\.clientId/,
    ],
    [
      new ServerError('invalid_client', 'c1', 'AADSTS7000218', undefined, '7000218'),
      'publicClientDisabled',
      /Allow public client flows/,
    ],
    [new ServerError('invalid_request', 'c1', 'AADSTS50011', undefined, '50011'), 'redirectUriMismatch', /http:\/\/localhost/],
    [new ServerError('invalid_grant', 'c1', 'AADSTS53003', undefined, '53003'), 'blockedByPolicy', /Conditional Access/],
    [new ServerError('invalid_resource', 'c1', 'AADSTS500011', undefined, '500011'), 'notPartnerTenant', /partner tenant/],
    [
      new InteractionRequiredAuthError('interaction_required', 'c1', 'AADSTS50076: mfa', 'basic_action', '', '', '', '50076'),
      'mfaRequired',
      /multi-factor/,
    ],
    [new AuthError('device_code_expired', 'c1'), 'deviceCodeExpired', /expired/],
    [new AuthError('no_tokens_found', 'c1'), 'unknown', /Sign-in failed \(no_tokens_found\)/],
  ];
  for (const [error, reason, pattern] of cases) {
    const translated = translateAuthError(error, context);
    assert.equal(translated.reason, reason, error.errorCode);
    assert.match(translated.message, pattern);
  }
});

test('a network failure names the host and the proxy, never a body', () => {
  const translated = translateAuthError(new SignInNetworkError('https://login.example', 'ECONNREFUSED'));
  assert.equal(translated.reason, 'network');
  assert.match(translated.message, /login\.example: ECONNREFUSED.*proxy/);
});

test('a server description is never quoted, so a reflected secret cannot surface', () => {
  const error = new ServerError('weird_error', 'c1', 'client_secret=abc123 eyJhbGciOi.eyJzdWIi.sig');
  const translated = translateAuthError(error, context);
  assert.ok(!translated.message.includes('abc123'));
  assert.ok(!translated.message.includes('eyJ'));
});

test('Partner Center answers: MFA required, 900329 App-only, and an app Partner Center does not know', () => {
  // The MFA page's answer: 401, `WWW-Authenticate: Bearer error="invalid_token"`, no code.
  const mfa = explainPartnerCenterAuthError(401, undefined, false, 'Bearer error="invalid_token"');
  assert.equal(mfa?.reason, 'mfaRequired');
  assert.match(mfa.message, /multi-factor authentication.*sign in again/i);
  // App-only tokens need no MFA, and a refusal with a code and the OAuth challenge is about the app.
  assert.equal(
    explainPartnerCenterAuthError(401, undefined, true, 'Bearer error="invalid_token"')?.reason,
    'appNotRegisteredInPartnerCenter',
  );
  assert.equal(
    explainPartnerCenterAuthError(401, 400, false, 'OAuth realm=urn:cpsvc:cpid:1')?.reason,
    'appNotRegisteredInPartnerCenter',
  );
  const appOnly = explainPartnerCenterAuthError(403, '900329', true)!;
  assert.equal(appOnly.reason, 'appOnlyNotSupported');
  assert.match(appOnly.message, /App\+User.*Sign in with a user/);
  const unknownApp = explainPartnerCenterAuthError(401, 400, true)!;
  assert.equal(unknownApp.reason, 'appNotRegisteredInPartnerCenter');
  assert.match(unknownApp.message, /App management/);
  assert.equal(explainPartnerCenterAuthError(404, 20003, false), undefined);
});

test('redaction removes JWTs, form and JSON secrets, PEM blocks and long opaque values', () => {
  const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJ4In0.c2lnbmF0dXJlLXZhbHVl';
  const opaque = `0.AR${'x'.repeat(60)}`;
  const text = `Bearer ${jwt} refresh_token=${opaque}&scope=openid {"client_secret": "s3cr3t"} -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY----- 0.AR${'Y'.repeat(50)}`;
  const out = redactSecrets(text);
  for (const secret of [jwt, opaque, 's3cr3t', 'MIIE', 'Y'.repeat(50)]) assert.ok(!out.includes(secret), secret.slice(0, 10));
  assert.match(out, /scope=openid/, 'harmless parameters stay readable');
  const plain =
    'POST https://login.microsoftonline.com/organizations/oauth2/v2.0/token correlation 1b2c3d4e-0000-1111-2222-333344445555';
  assert.equal(redactSecrets(plain), plain, 'URLs and ids are left alone');
});
