// `--trust-issuer <url>`: the emulator checks real bearer tokens from one issuer instead of
// accepting any token: the signature against the issuer's published keys (OIDC discovery, then
// its JWKS), the issuer, a Partner Center audience, and the lifetime. App+User tokens without MFA
// in `amr` are refused with the answer partner-security-requirements-mandating-mfa.md shows:
// 401 "Unauthorized - MFA required", `WWW-Authenticate: Bearer error="invalid_token"`, no body.
import { get as httpGet, type IncomingMessage } from 'node:http';
import { get as httpsGet } from 'node:https';
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
  let keys: Promise<{ jose: Jose; jwks: RemoteJWKSet }> | undefined;
  const challenge = challengeHeaders(options.partnerTenantId);
  const deny = (why: string) => new ApiError('accessDenied', `Access denied: ${why}`, { headers: challenge });

  // Discovery runs on the first request, and again after a failure (the issuer may start later).
  const load = async () => {
    const jose: Jose = await import('jose');
    const res = await getUrl(`${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`, {
      ca: options.ca,
      signal: AbortSignal.timeout(10_000),
    });
    const metadata = JSON.parse(res.body.toString('utf8')) as { jwks_uri?: unknown };
    if (res.status !== 200 || typeof metadata.jwks_uri !== 'string') {
      throw new Error(`no OIDC metadata at ${issuer} (status ${res.status})`);
    }
    const jwks = jose.createRemoteJWKSet(new URL(metadata.jwks_uri), {
      [jose.customFetch]: async (url, init) => {
        const answer = await getUrl(url, {
          ca: options.ca,
          signal: init.signal ?? undefined,
          headers: Object.fromEntries(init.headers),
        });
        return new Response(answer.body.length > 0 ? answer.body : null, { status: answer.status, headers: answer.headers });
      },
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
      throw new ApiError(
        'unexpectedError',
        `The emulator could not read the keys of the trusted issuer ${issuer}: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    let claims: Record<string, unknown>;
    try {
      // Entra always stamps exp and iat; a token without them, or issued in the future, is forged
      // or broken. maxTokenAge is what makes jose check iat at all; no Entra access token lives
      // longer than 28 hours (CAE tokens), so it never refuses a token exp still allows.
      const result = await verifier.jose.jwtVerify(token, verifier.jwks, {
        issuer,
        currentDate: new Date(options.clock()),
        clockTolerance: 30,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat'],
        maxTokenAge: '28h',
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
        statusText: 'Unauthorized - MFA required',
        headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
      });
    }
    return { appOnly };
  };
}

/** Why jose refused a token, in the words of the 401 body. */
function refusal(err: unknown, issuer: string): string {
  const { code, claim, reason } = err as { code?: unknown; claim?: unknown; reason?: unknown };
  if (code === 'ERR_JWT_EXPIRED') {
    return claim === 'iat' ? 'the token was issued more than 28 hours ago.' : 'the token has expired.';
  }
  if (code !== 'ERR_JWT_CLAIM_VALIDATION_FAILED') return 'the token signature is not valid for the trusted issuer.';
  if (reason === 'missing') return `the token has no "${String(claim)}" claim.`;
  if (claim === 'iat') return 'the token was issued in the future ("iat").';
  if (claim === 'nbf') return 'the token is not valid yet ("nbf").';
  return `the token was not issued by ${issuer}.`;
}

interface GetAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
}

/**
 * One GET with node's own http/https. They take a certificate authority per request (`ca`, which
 * replaces the default ones), which node's built-in fetch cannot; undici can, but it was three
 * quarters of the emulator's bundle for these two GETs. Redirects are not followed, as before:
 * an issuer's keys come from where its metadata says.
 */
function getUrl(
  url: string,
  options: { ca?: string; signal?: AbortSignal; headers?: Record<string, string> },
): Promise<GetAnswer> {
  const get = new URL(url).protocol === 'https:' ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const req = get(url, { ca: options.ca, signal: options.signal, headers: options.headers }, (res: IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, v);
        }
        resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
      });
    });
    req.on('error', reject);
  });
}
