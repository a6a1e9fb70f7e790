// Bearer token checks. By default the emulator never validates signatures: any non-empty token
// is accepted unless `requireToken` pins one. If the token is a readable JWT, its audience must be
// one Partner Center accepts (the API or its first-party app id), and `idtyp: "app"` marks it as
// app-only. Tokens for the Azure AD Graph audience (https://graph.windows.net), which the older
// app-only example in partner-center-authentication.md requests, are refused: the docs retire
// them ("Graph.windows.net audience tokens retiring on August 31, 2025 ... Partner Center APIs
// are no longer accepting graph.windows.net audience tokens", deprecate-azure-active-directory-graph-token.md).
// With `trustIssuer` (issuerVerifier.ts) it checks real tokens instead: signature, issuer,
// audience and lifetime.

import { ApiError } from './errors';

export const AUDIENCES = new Set(['https://api.partnercenter.microsoft.com', 'fa3d9a0c-3fb0-42cc-9193-47c7ecd2edbd']);

/** The Azure AD Graph audience, retired for Partner Center on August 31, 2025. */
export const RETIRED_AUDIENCES = new Set(['https://graph.windows.net']);

function audienceKey(aud: string): string {
  return aud.replace(/\/+$/, '').toLowerCase();
}

export interface Caller {
  appOnly: boolean;
}

export function challengeHeaders(partnerTenantId: string): Record<string, string> {
  return { 'WWW-Authenticate': `OAuth realm=urn:cpsvc:cpid:${partnerTenantId}` };
}

/** The bearer token of an Authorization header, or the 401 Partner Center answers without one. */
export function bearerToken(header: string | undefined, partnerTenantId: string): string {
  const match = /^Bearer\s+(\S.*)$/i.exec(header ?? '');
  const token = match?.[1].trim();
  if (!token) {
    throw new ApiError('missingToken', 'Partner token missing in request context.', {
      headers: challengeHeaders(partnerTenantId),
    });
  }
  return token;
}

export function isPartnerCenterAudience(aud: unknown): boolean {
  const values = Array.isArray(aud) ? aud : [aud];
  return values.some((v) => typeof v === 'string' && AUDIENCES.has(audienceKey(v)));
}

/** Why a token's audience is refused, or undefined when it is a Partner Center audience. */
export function audienceRefusal(aud: unknown): string | undefined {
  if (isPartnerCenterAudience(aud)) return undefined;
  const values = (Array.isArray(aud) ? aud : [aud]).filter((v): v is string => typeof v === 'string');
  const retired = values.find((v) => RETIRED_AUDIENCES.has(audienceKey(v)));
  if (retired !== undefined) {
    return `the token audience '${retired}' (Azure AD Graph) is retired and no longer accepted by Partner Center; request the token for https://api.partnercenter.microsoft.com.`;
  }
  return values.length > 0
    ? `the token audience '${values.join("', '")}' is not Partner Center.`
    : 'the token audience is not Partner Center.';
}

export function authenticate(header: string | undefined, requireToken: string | undefined, partnerTenantId: string): Caller {
  const challenge = challengeHeaders(partnerTenantId);
  const token = bearerToken(header, partnerTenantId);
  if (requireToken !== undefined && token !== requireToken) {
    throw new ApiError('accessDenied', 'Access denied: the token is not valid for this service.', { headers: challenge });
  }
  const claims = readJwt(token);
  const refusal = claims && claims.aud !== undefined ? audienceRefusal(claims.aud) : undefined;
  if (refusal !== undefined) throw new ApiError('accessDenied', `Access denied: ${refusal}`, { headers: challenge });
  return { appOnly: claims?.idtyp === 'app' };
}

function readJwt(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload: unknown = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    return payload !== null && typeof payload === 'object' ? (payload as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** For APIs documented as App+User only (entitlements, provisioning status, agreements). */
export function requireUser(appOnly: boolean): void {
  if (appOnly) throw new ApiError('appOnlyNotSupported', 'This resource does not support application-only authentication.');
}
