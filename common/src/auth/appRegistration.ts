// Which app signs in where. A partner brings their own Entra ID app registration (client id) and
// signs in against their cloud's authority (reference §1.1); the emulator cloud signs in against
// whatever authority the user points it at (a test authority, or none for the fixed token).
import { createHash } from 'node:crypto';
import { clouds } from '../api/clouds';
import { SECRET_PREFIX } from './secretStore';

export type AuthCloud = 'global' | 'usGovernment' | 'china21Vianet' | 'emulator';
/** App+User flows. */
export type UserFlow = 'interactive' | 'deviceCode';
/** App-only flows: the app proves itself with a secret or a certificate. */
export type AppCredentialKind = 'clientSecret' | 'clientCertificate';
export type SignInFlow = UserFlow | AppCredentialKind;

export interface AppRegistration {
  cloud: AuthCloud;
  /** Authority without the tenant, e.g. https://login.microsoftonline.com. */
  authorityHost: string;
  /** Tenant id or domain, or `organizations` for any work account (App+User only). */
  tenant: string;
  clientId: string;
  /** Delegated scope for App+User (`…/user_impersonation`, the documented Partner Center permission). */
  userScope: string;
  /** Scope for App-only tokens: client credentials always ask for `…/.default`. */
  appScope: string;
}

export interface AppRegistrationInput {
  cloud: AuthCloud;
  clientId: string;
  tenant?: string;
  /** Replaces the cloud's authority host; required for the emulator cloud. */
  authorityHost?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks the settings a person typed and turns them into a registration, or says what is wrong. */
export function resolveAppRegistration(input: AppRegistrationInput): AppRegistration {
  const clientId = input.clientId.trim();
  if (clientId === '') {
    throw new Error(
      'No app registration is set: enter the Application (client) ID of your Entra ID app in the setting partnerCenter.auth.clientId, or run "Partner Center: Set Up Sign-In".',
    );
  }
  if (!GUID.test(clientId)) {
    throw new Error(
      `"${clientId}" is not an Application (client) ID: it should look like 00000000-0000-0000-0000-000000000000 (Entra ID → App registrations → Overview).`,
    );
  }
  const tenant = (input.tenant ?? '').trim() || 'organizations';
  if (!/^[A-Za-z0-9.-]+$/.test(tenant)) {
    throw new Error(`"${tenant}" is not a tenant id or domain (for example contoso.onmicrosoft.com).`);
  }
  // The emulator stands in for the global service, so it accepts the global audience.
  const cloudInfo = clouds[input.cloud === 'emulator' ? 'global' : input.cloud];
  const host = input.authorityHost?.trim() || (input.cloud === 'emulator' ? '' : (cloudInfo.authority ?? ''));
  if (host === '') {
    throw new Error(
      'Signing in to the emulator needs an authority: set partnerCenter.auth.authority (for example the URL an emulator started with --trust-issuer trusts).',
    );
  }
  const appScope = cloudInfo.scope ?? '';
  // Asking for the named permission (not `.default`) for users makes the granted scope equal the
  // requested one, so MSAL finds the cached token again after a restart instead of refreshing.
  const userScope = appScope.replace(/\/\.default$/, '/user_impersonation');
  return { cloud: input.cloud, authorityHost: normalizeAuthorityHost(host), tenant, clientId, userScope, appScope };
}

export function normalizeAuthorityHost(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new Error(`"${raw}" is not a valid authority URL (for example https://login.microsoftonline.com).`);
  }
  // MSAL refuses anything else, and a token must never travel in clear text.
  if (url.protocol !== 'https:') throw new Error(`The sign-in authority must use https, not ${url.protocol} (${url.origin}).`);
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

/** True for the authorities MSAL knows itself; any other host must be declared as known. */
export function isMicrosoftAuthority(authorityHost: string): boolean {
  const host = new URL(authorityHost).hostname.toLowerCase();
  return [
    'login.microsoftonline.com',
    'login.microsoftonline.us',
    'login.chinacloudapi.cn',
    'login.partner.microsoftonline.cn',
    'login.windows.net',
    'login.microsoft.com',
    'sts.windows.net',
  ].includes(host);
}

/** One MSAL cache per app, tenant and kind of sign-in; its key never contains anything secret. */
export function cacheKey(app: AppRegistration, kind: 'user' | 'app'): string {
  return `${SECRET_PREFIX}cache.${kind}.${fingerprint(app)}`;
}

export function credentialKey(app: AppRegistration): string {
  return `${SECRET_PREFIX}credential.${fingerprint(app)}`;
}

function fingerprint(app: AppRegistration): string {
  const text = [app.cloud, app.authorityHost.toLowerCase(), app.tenant.toLowerCase(), app.clientId.toLowerCase()].join('|');
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}
