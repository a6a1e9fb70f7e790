// `--trust-issuer <url>`: the emulator checks real bearer tokens from one issuer instead of
// accepting any token: the signature against the issuer's published keys (OIDC discovery, then
// its JWKS), the issuer, a Partner Center audience, and the lifetime. App+User tokens without MFA
// in `amr` are refused with the answer partner-security-requirements-mandating-mfa.md shows:
// 401 "Unauthorized - MFA required", `WWW-Authenticate: Bearer error="invalid_token"`, no body.
import { type Dispatcher, Agent, fetch as undiciFetch, request } from 'undici';
import { type Caller, audienceRefusal, bearerToken, challengeHeaders } from './auth';
import { ApiError } from './errors';

// jose is an ES module and the emulator is CommonJS: its code is loaded with import() on first use.
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };

type Jose = typeof JoseModule;
type RemoteJWKSet = ReturnType<Jose['createRemoteJWKSet']>;

export interface IssuerVerifierOptions {
  issuer: string;
  /** Extra certificate authorities (PEM) for reaching the issuer; the CLI uses NODE_EXTRA_CA_CERTS. */
  ca?: string;
  clock: () => number;
  partnerTenantId: string;
}

export type IssuerVerifier = (authorization: string | undefined) => Promise<Caller>;

export function createIssuerVerifier(options: IssuerVerifierOptions): IssuerVerifier {
  const issuer = options.issuer;
  const dispatcher: Dispatcher | undefined = options.ca ? new Agent({ connect: { ca: options.ca } }) : undefined;
  let keys: Promise<{ jose: Jose; jwks: RemoteJWKSet }> | undefined;
  const challenge = challengeHeaders(options.partnerTenantId);
  const deny = (why: string) => new ApiError('accessDenied', `Access denied: ${why}`, { headers: challenge });

  // Discovery runs on the first request, and again after a failure (the issuer may start later).
  const load = async () => {
    const jose: Jose = await import('jose');
    const res = await request(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, { dispatcher, signal: AbortSignal.timeout(10_000) });
    const metadata = (await res.body.json()) as { jwks_uri?: unknown };
    if (res.statusCode !== 200 || typeof metadata.jwks_uri !== 'string') throw new Error(`no OIDC metadata at ${issuer} (status ${res.statusCode})`);
    const jwks = jose.createRemoteJWKSet(new URL(metadata.jwks_uri), {
      [jose.customFetch]: (url, init) => undiciFetch(url, { method: 'GET', redirect: 'manual', signal: init.signal, headers: Object.fromEntries(init.headers), dispatcher }) as unknown as Promise<Response>,
    });
    return { jose, jwks };
  };

  return async (authorization) => {
    const token = bearerToken(authorization, options.partnerTenantId);
    let verifier: { jose: Jose; jwks: RemoteJWKSet };
    try {
      keys ??= load();
      verifier = await keys;
    } catch (err) {
      keys = undefined;
      throw new ApiError('unexpectedError', `The emulator could not read the keys of the trusted issuer ${issuer}: ${err instanceof Error ? err.message : String(err)}`);
    }
    let claims: Record<string, unknown>;
    try {
      // Entra always stamps exp and iat; a token without them, or issued in the future, is forged
      // or broken. maxTokenAge is what makes jose check iat at all; no Entra access token lives
      // longer than 28 hours (CAE tokens), so it never refuses a token exp still allows.
      const result = await verifier.jose.jwtVerify(token, verifier.jwks, {
        issuer, currentDate: new Date(options.clock()), clockTolerance: 30, algorithms: ['RS256'], requiredClaims: ['exp', 'iat'], maxTokenAge: '28h',
      });
      claims = result.payload as Record<string, unknown>;
    } catch (err) {
      throw deny(refusal(err, issuer));
    }
    const audienceProblem = audienceRefusal(claims.aud);
    if (audienceProblem !== undefined) throw deny(audienceProblem);
    const appOnly = claims.idtyp === 'app';
    const amr = Array.isArray(claims.amr) ? claims.amr : [];
    if (!appOnly && !amr.includes('mfa')) {
      throw new ApiError('mfaRequired', 'Multi-factor authentication is required for App+User calls.', {
        statusText: 'Unauthorized - MFA required', headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      });
    }
    return { appOnly };
  };
}

/** Why jose refused a token, in the words of the 401 body. */
function refusal(err: unknown, issuer: string): string {
  const { code, claim, reason } = err as { code?: unknown; claim?: unknown; reason?: unknown };
  if (code === 'ERR_JWT_EXPIRED') return claim === 'iat' ? 'the token was issued more than 28 hours ago.' : 'the token has expired.';
  if (code !== 'ERR_JWT_CLAIM_VALIDATION_FAILED') return 'the token signature is not valid for the trusted issuer.';
  if (reason === 'missing') return `the token has no "${String(claim)}" claim.`;
  if (claim === 'iat') return 'the token was issued in the future ("iat").';
  if (claim === 'nbf') return 'the token is not valid yet ("nbf").';
  return `the token was not issued by ${issuer}.`;
}
