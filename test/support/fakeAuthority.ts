// A local Entra ID stand-in for tests: HTTPS with a test CA, OIDC metadata, JWKS, and the v2
// endpoints MSAL uses (/devicecode, /token, /authorize), with signed JWTs. It can also answer as
// a real cloud's authority host (login.microsoftonline.com, reached through a test proxy), so a
// real-cloud sign-in runs the product's unchanged code path against it. It records every
// token, code and secret it issues, so tests can prove none of them leaked anywhere, and can be
// scripted to answer the errors partners meet (MFA required, invalid_grant, expired codes...).
import { X509Certificate, createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import { type AddressInfo } from 'node:net';
// jose is an ES module; this file is bundled as CommonJS, so its code is loaded with import().
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };
import type { CryptoKey, JWK } from 'jose' with { 'resolution-mode': 'import' };

type Jose = typeof JoseModule;

export type Grant = 'device_code' | 'authorization_code' | 'refresh_token' | 'client_credentials';

export interface OAuthError {
  error: string;
  /** AADSTS number, e.g. 50076; becomes error_codes and the description's prefix. */
  aadsts?: number;
  suberror?: string;
}

export interface FakeUser {
  oid: string;
  upn: string;
  name: string;
}

export interface FakeAuthorityOptions {
  tls: { key: string; cert: string };
  clientId?: string;
  clientSecret?: string;
  /** PEM certificate whose key signs the App-only client assertions. */
  clientCertificatePem?: string;
  accessTokenLifetimeSeconds?: number;
  /** Polls answered authorization_pending before a device code is approved. */
  deviceCodePendingPolls?: number;
  deviceCodeIntervalSeconds?: number;
  /** What the device code response tells the client. */
  deviceCodeExpiresInSeconds?: number;
  /** When set, the authority itself treats device codes as expired after this long. */
  deviceCodeServerLifetimeMs?: number;
  /**
   * Real authority hosts it also answers as, e.g. login.microsoftonline.com, for a proxy that
   * tunnels them here (the certificate must name them). A request sent to such a host gets that
   * host in its metadata, endpoints and token issuer, as MSAL expects of a Microsoft authority.
   */
  aliasHosts?: string[];
}

export interface FakeAuthority {
  /** https://127.0.0.1:port: the authority host to configure (the tenant follows it). */
  url: string;
  /** The loopback port, for a proxy that tunnels the alias hosts here. */
  port: number;
  tenantId: string;
  clientId: string;
  clientSecret: string;
  /** The `iss` of every token requested at `url`: `${url}/${tenantId}/v2.0` (an alias host has its own). */
  issuer: string;
  /** Every access token, refresh token, id token, code and device code it issued. */
  issued: Set<string>;
  /** Grants received at /token, in order (error answers included). */
  tokenRequests: { grant: string; status: number }[];
  /** The user the next user sign-in is for. */
  user: FakeUser;
  /** `amr` of user tokens; drop "mfa" to act as a sign-in without MFA. */
  amr: string[];
  options: Required<
    Pick<
      FakeAuthorityOptions,
      'accessTokenLifetimeSeconds' | 'deviceCodePendingPolls' | 'deviceCodeIntervalSeconds' | 'deviceCodeExpiresInSeconds'
    >
  > &
    Pick<FakeAuthorityOptions, 'deviceCodeServerLifetimeMs'>;
  /** The next request for this grant (or any, with '*') gets this error. */
  failNext(grant: Grant | '*', error: OAuthError): void;
  /** How the next /authorize answers the browser: a code, or the user cancelling. */
  nextAuthorize: 'approve' | 'deny';
  /** Signs a token with the authority's key (tests forge expired or wrong-audience tokens). */
  sign(claims: Record<string, unknown>): Promise<string>;
  close(): Promise<void>;
}

export const ALICE: FakeUser = { oid: '0b7f9e4c-2a11-4c8e-9a57-6f2f1f3d2a01', upn: 'alice@contoso.example', name: 'Alice Admin' };
export const BOB: FakeUser = { oid: '5d2e8c1a-77b4-4f3c-8f0e-1c9b2e4a6d02', upn: 'bob@contoso.example', name: 'Bob Sales' };
const KNOWN_USERS: readonly FakeUser[] = [ALICE, BOB];
export const PARTNER_CENTER_AUDIENCE = 'https://api.partnercenter.microsoft.com';

interface DeviceCodeEntry {
  polls: number;
  scope: string;
  issuedAt: number;
  user: FakeUser;
}
interface AuthCodeEntry {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  nonce?: string;
  user: FakeUser;
}
interface RefreshEntry {
  scope: string;
  user: FakeUser;
}

const DESCRIPTIONS: Record<number, string> = {
  50076:
    'Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.',
  65001: 'The user or administrator has not consented to use the application.',
  700016: 'Application was not found in the directory.',
  70019: 'Verification code expired.',
  700082: 'The refresh token has expired due to inactivity.',
  7000215: 'Invalid client secret provided.',
};

export async function startFakeAuthority(options: FakeAuthorityOptions): Promise<FakeAuthority> {
  const { SignJWT, exportJWK, generateKeyPair, importX509, jwtVerify }: Jose = await import('jose');
  const tenantId = randomUUID();
  const clientId = options.clientId ?? randomUUID();
  const clientSecret = options.clientSecret ?? `secret~${randomBytes(24).toString('base64url')}`;
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomBytes(8).toString('hex');
  const jwk: JWK = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256' };
  const assertionKey: CryptoKey | undefined = options.clientCertificatePem
    ? await importX509(options.clientCertificatePem, 'PS256')
    : undefined;
  const certificateThumbprint = options.clientCertificatePem
    ? new X509Certificate(options.clientCertificatePem).fingerprint256.replace(/:/g, '')
    : undefined;

  const deviceCodes = new Map<string, DeviceCodeEntry>();
  const authCodes = new Map<string, AuthCodeEntry>();
  const refreshTokens = new Map<string, RefreshEntry>();
  const failures: { grant: Grant | '*'; error: OAuthError }[] = [];
  let url = '';

  const authority: FakeAuthority = {
    url: '',
    port: 0,
    tenantId,
    clientId,
    clientSecret,
    issuer: '',
    issued: new Set(),
    tokenRequests: [],
    user: ALICE,
    amr: ['pwd', 'mfa'],
    options: {
      accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds ?? 3600,
      deviceCodePendingPolls: options.deviceCodePendingPolls ?? 2,
      deviceCodeIntervalSeconds: options.deviceCodeIntervalSeconds ?? 1,
      deviceCodeExpiresInSeconds: options.deviceCodeExpiresInSeconds ?? 900,
      deviceCodeServerLifetimeMs: options.deviceCodeServerLifetimeMs,
    },
    failNext: (grant, error) => failures.push({ grant, error }),
    nextAuthorize: 'approve',
    sign: (claims) => sign(claims),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };

  function issue(value: string): string {
    authority.issued.add(value);
    return value;
  }

  async function sign(claims: Record<string, unknown>): Promise<string> {
    return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(privateKey);
  }

  /** Opaque values look like Entra's: a version prefix and a long base64url body. */
  const opaque = (prefix: string) => issue(`${prefix}${randomBytes(48).toString('base64url')}`);

  function resourceOf(scope: string): string {
    const resource = scope.split(' ').find((s) => s.includes('/'));
    return resource ? resource.replace(/\/(\.default|user_impersonation)$/, '') : PARTNER_CENTER_AUDIENCE;
  }

  async function userTokens(issuer: string, scope: string, user: FakeUser, nonce?: string): Promise<Record<string, unknown>> {
    const now = Math.floor(Date.now() / 1000);
    const lifetime = authority.options.accessTokenLifetimeSeconds;
    const access = issue(
      await sign({
        aud: resourceOf(scope),
        iss: issuer,
        iat: now,
        nbf: now,
        exp: now + lifetime,
        tid: tenantId,
        oid: user.oid,
        sub: user.oid,
        upn: user.upn,
        name: user.name,
        appid: clientId,
        azp: clientId,
        scp: 'user_impersonation',
        amr: authority.amr,
        idtyp: 'user',
        ver: '1.0',
      }),
    );
    const id = issue(
      await sign({
        aud: clientId,
        iss: issuer,
        iat: now,
        nbf: now,
        exp: now + 3600,
        tid: tenantId,
        oid: user.oid,
        sub: user.oid,
        preferred_username: user.upn,
        name: user.name,
        ver: '2.0',
        ...(nonce ? { nonce } : {}),
      }),
    );
    const refresh = opaque('0.AR');
    refreshTokens.set(refresh, { scope, user });
    return {
      token_type: 'Bearer',
      scope: `${resourceOf(scope)}/user_impersonation openid profile offline_access`,
      expires_in: lifetime,
      ext_expires_in: lifetime,
      access_token: access,
      refresh_token: refresh,
      id_token: id,
      client_info: Buffer.from(JSON.stringify({ uid: user.oid, utid: tenantId })).toString('base64url'),
    };
  }

  async function appToken(issuer: string, scope: string): Promise<Record<string, unknown>> {
    const now = Math.floor(Date.now() / 1000);
    const lifetime = authority.options.accessTokenLifetimeSeconds;
    const access = issue(
      await sign({
        aud: resourceOf(scope),
        iss: issuer,
        iat: now,
        nbf: now,
        exp: now + lifetime,
        tid: tenantId,
        oid: randomUUID(),
        sub: clientId,
        appid: clientId,
        azp: clientId,
        roles: [],
        idtyp: 'app',
        ver: '1.0',
      }),
    );
    return { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: access };
  }

  function oauthError(e: OAuthError, status = 400): { status: number; body: Record<string, unknown> } {
    const prefix = e.aadsts ? `AADSTS${e.aadsts}: ` : '';
    return {
      status,
      body: {
        error: e.error,
        error_description: `${prefix}${e.aadsts ? (DESCRIPTIONS[e.aadsts] ?? 'Error.') : e.error} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()}`,
        error_codes: e.aadsts ? [e.aadsts] : [],
        timestamp: new Date().toISOString(),
        trace_id: randomUUID(),
        correlation_id: randomUUID(),
        ...(e.suberror ? { suberror: e.suberror } : {}),
      },
    };
  }

  function takeFailure(grant: string): OAuthError | undefined {
    const i = failures.findIndex((f) => f.grant === grant || f.grant === '*');
    return i < 0 ? undefined : failures.splice(i, 1)[0]!.error;
  }

  async function clientAuthenticated(form: URLSearchParams, tokenUrl: string): Promise<boolean> {
    if (form.get('client_id') !== clientId) return false;
    const secret = form.get('client_secret');
    if (secret !== null) return secret === clientSecret;
    const assertion = form.get('client_assertion');
    if (assertion === null || !assertionKey) return false;
    try {
      // MSAL signs with PS256 and names the certificate by its SHA-256 thumbprint, as Entra expects.
      // MSAL rounds "now" to the nearest second, so nbf can be half a second ahead: allow skew as Entra does.
      const { protectedHeader } = await jwtVerify(assertion, assertionKey, {
        audience: tokenUrl,
        issuer: clientId,
        subject: clientId,
        algorithms: ['PS256'],
        clockTolerance: 300,
      });
      const x5t = protectedHeader['x5t#S256'];
      return typeof x5t === 'string' && Buffer.from(x5t, 'base64url').toString('hex').toUpperCase() === certificateThumbprint;
    } catch {
      return false;
    }
  }

  async function token(
    form: URLSearchParams,
    tokenUrl: string,
    issuer: string,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const grant = (form.get('grant_type') ?? '').replace('urn:ietf:params:oauth:grant-type:device_code', 'device_code');
    const scope = form.get('scope') ?? '';
    const failure = takeFailure(grant);
    if (failure) return oauthError(failure);
    if (form.get('client_id') !== clientId) return oauthError({ error: 'unauthorized_client', aadsts: 700016 });
    switch (grant) {
      case 'device_code': {
        const entry = deviceCodes.get(form.get('device_code') ?? '');
        if (!entry) return oauthError({ error: 'invalid_grant', aadsts: 70000 });
        const lifetime = authority.options.deviceCodeServerLifetimeMs;
        if (lifetime !== undefined && Date.now() - entry.issuedAt > lifetime) {
          return oauthError({ error: 'expired_token', aadsts: 70019 });
        }
        if (entry.polls++ < authority.options.deviceCodePendingPolls) {
          return oauthError({ error: 'authorization_pending', aadsts: 70016 });
        }
        deviceCodes.delete(form.get('device_code')!);
        return { status: 200, body: await userTokens(issuer, entry.scope, entry.user) };
      }
      case 'authorization_code': {
        const code = form.get('code') ?? '';
        const entry = authCodes.get(code);
        authCodes.delete(code);
        if (!entry || entry.redirectUri !== form.get('redirect_uri')) {
          return oauthError({ error: 'invalid_grant', aadsts: 70000 });
        }
        const verifier = form.get('code_verifier') ?? '';
        if (createHash('sha256').update(verifier).digest('base64url') !== entry.challenge) {
          return oauthError({ error: 'invalid_grant', aadsts: 501481 });
        }
        return { status: 200, body: await userTokens(issuer, scope || entry.scope, entry.user, entry.nonce) };
      }
      case 'refresh_token': {
        const rt = form.get('refresh_token') ?? '';
        const entry = refreshTokens.get(rt);
        if (!entry) return oauthError({ error: 'invalid_grant', aadsts: 700082 });
        refreshTokens.delete(rt);
        return { status: 200, body: await userTokens(issuer, scope || entry.scope, entry.user) };
      }
      case 'client_credentials':
        if (!(await clientAuthenticated(form, tokenUrl))) return oauthError({ error: 'invalid_client', aadsts: 7000215 }, 401);
        return { status: 200, body: await appToken(issuer, scope) };
      default:
        return oauthError({ error: 'unsupported_grant_type' });
    }
  }

  function authorize(query: URLSearchParams): { status: number; html: string } {
    const redirectUri = query.get('redirect_uri') ?? '';
    const state = query.get('state') ?? '';
    if (query.get('client_id') !== clientId || !/^http:\/\/localhost:\d+\/?$/.test(redirectUri)) {
      return { status: 400, html: '<p>AADSTS50011: The redirect URI does not match.</p>' };
    }
    if (query.get('code_challenge_method') !== 'S256' || !query.get('code_challenge')) {
      return { status: 400, html: '<p>AADSTS501491: PKCE is required.</p>' };
    }
    let fields: Record<string, string>;
    if (authority.nextAuthorize === 'deny') {
      authority.nextAuthorize = 'approve';
      fields = { error: 'access_denied', error_description: 'AADSTS65004: User declined to consent to access the app.', state };
    } else {
      const code = opaque('1.AR');
      authCodes.set(code, {
        clientId,
        redirectUri,
        challenge: query.get('code_challenge')!,
        scope: query.get('scope') ?? '',
        nonce: query.get('nonce') ?? undefined,
        user: authority.user,
      });
      fields = {
        code,
        state,
        client_info: Buffer.from(JSON.stringify({ uid: authority.user.oid, utid: tenantId })).toString('base64url'),
      };
    }
    // Entra answers form_post requests with a page that posts the result to the redirect URI.
    const inputs = Object.entries(fields)
      .map(([k, v]) => `<input type="hidden" name="${k}" value="${escapeHtml(v)}">`)
      .join('');
    return {
      status: 200,
      html: `<!doctype html><html><body onload="document.forms[0].submit()"><form method="POST" action="${escapeHtml(redirectUri)}">${inputs}</form></body></html>`,
    };
  }

  const aliasHosts = new Set((options.aliasHosts ?? []).map((h) => h.toLowerCase()));
  /** The origin the client addressed: an alias host as such (on 443, through the proxy), anything else as `url`. */
  const originOf = (host: string | undefined): string => {
    const name = (host ?? '').toLowerCase().replace(/:443$/, '');
    return aliasHosts.has(name) ? `https://${name}` : url;
  };

  const server: Server = createServer({ key: options.tls.key, cert: options.tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const origin = originOf(req.headers.host);
      const issuer = `${origin}/${tenantId}/v2.0`;
      const reqUrl = new URL(req.url ?? '/', origin);
      const path = reqUrl.pathname;
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
      const base = `/${tenantId}`;
      const tenantPath = path.startsWith(`${base}/`) ? path.slice(base.length) : path.replace(/^\/[^/]+/, '');
      (async () => {
        if (req.method === 'GET' && /^\/(v2\.0\/)?\.well-known\/openid-configuration$/.test(tenantPath)) {
          return json(200, {
            issuer,
            token_endpoint: `${origin}${base}/oauth2/v2.0/token`,
            authorization_endpoint: `${origin}${base}/oauth2/v2.0/authorize`,
            device_authorization_endpoint: `${origin}${base}/oauth2/v2.0/devicecode`,
            jwks_uri: `${origin}${base}/discovery/v2.0/keys`,
            end_session_endpoint: `${origin}${base}/oauth2/v2.0/logout`,
            response_modes_supported: ['query', 'fragment', 'form_post'],
            response_types_supported: ['code'],
            subject_types_supported: ['pairwise'],
            id_token_signing_alg_values_supported: ['RS256'],
            scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
            tenant_region_scope: 'WW',
            cloud_instance_name: 'fake.authority',
          });
        }
        if (req.method === 'GET' && tenantPath === '/discovery/v2.0/keys') return json(200, { keys: [jwk] });
        if (req.method === 'GET' && tenantPath === '/oauth2/v2.0/authorize') {
          const answer = authorize(reqUrl.searchParams);
          return res.writeHead(answer.status, { 'content-type': 'text/html; charset=utf-8' }).end(answer.html);
        }
        const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
        if (req.method === 'POST' && tenantPath === '/oauth2/v2.0/devicecode') {
          if (form.get('client_id') !== clientId) {
            return json(400, oauthError({ error: 'unauthorized_client', aadsts: 700016 }).body);
          }
          const device = opaque('DAQAB');
          deviceCodes.set(device, { polls: 0, scope: form.get('scope') ?? '', issuedAt: Date.now(), user: authority.user });
          const userCode = randomBytes(5).toString('hex').toUpperCase().slice(0, 9);
          return json(200, {
            user_code: userCode,
            device_code: device,
            verification_uri: `${origin}/devicelogin`,
            expires_in: authority.options.deviceCodeExpiresInSeconds,
            interval: authority.options.deviceCodeIntervalSeconds,
            message: `To sign in, use a web browser to open the page ${origin}/devicelogin and enter the code ${userCode} to authenticate.`,
          });
        }
        if (req.method === 'POST' && tenantPath === '/oauth2/v2.0/token') {
          const answer = await token(form, `${origin}${base}/oauth2/v2.0/token`, issuer);
          authority.tokenRequests.push({ grant: form.get('grant_type') ?? '', status: answer.status });
          return json(answer.status, answer.body);
        }
        // Tests inside the extension host ask which values were issued, to look for leaks.
        if (req.method === 'GET' && path === '/_test/issued') return json(200, [...authority.issued]);
        // Suites with several accounts choose who approves the next sign-in (the server listens on
        // loopback only); only the known test users, so a test cannot invent claims through it.
        if (req.method === 'POST' && path === '/_test/user') {
          const upn = (JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { upn?: unknown }).upn;
          const user = KNOWN_USERS.find((u) => u.upn === upn);
          if (!user) return json(400, { error: 'unknown_user', known: KNOWN_USERS.map((u) => u.upn) });
          authority.user = user;
          return json(200, { upn: user.upn });
        }
        return json(404, { error: 'not_found' });
      })().catch((err: unknown) => json(500, { error: 'server_error', error_description: String(err) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  authority.port = (server.address() as AddressInfo).port;
  url = `https://127.0.0.1:${authority.port}`;
  authority.url = url;
  authority.issuer = `${url}/${tenantId}/v2.0`;
  return authority;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
