// What went wrong with a sign-in, in words that say what to do next. MSAL and Entra ID report
// failures as codes (AADSTS50076, invalid_grant, device_code_expired...) and Partner Center adds
// its own answers (MFA required, 900329); each family a partner really meets gets its own reason and advice.
// Messages are built from codes and settings only: a server's description is never quoted, so
// nothing it might echo (a token, a code) can reach a notification or a log.
import { AuthError, InteractionRequiredAuthError } from '@azure/msal-node';
import { SignInNetworkError } from './network';

export type SignInFailure =
  | 'mfaRequired'
  | 'consentRequired'
  | 'appNotFound'
  | 'appNotRegisteredInPartnerCenter'
  | 'appOnlyNotSupported'
  | 'publicClientDisabled'
  | 'redirectUriMismatch'
  | 'invalidClientCredential'
  | 'browserTimedOut'
  | 'cancelled'
  | 'deviceCodeExpired'
  | 'sessionExpired'
  | 'blockedByPolicy'
  | 'notPartnerTenant'
  | 'network'
  | 'configuration'
  | 'unknown';

export interface SignInErrorContext {
  clientId?: string;
  tenant?: string;
  /** Where the sign-in went, e.g. https://login.microsoftonline.com. */
  authorityHost?: string;
}

export class SignInError extends Error {
  constructor(
    readonly reason: SignInFailure,
    message: string,
    /** AADSTS or Partner Center code, e.g. "AADSTS50076" or "900329". */
    readonly code?: string,
    readonly correlationId?: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }

  /** True when signing in again (with the browser or a device code) is the way forward. */
  get needsSignIn(): boolean {
    return ['mfaRequired', 'sessionExpired', 'consentRequired'].includes(this.reason);
  }
}

/** Strong authentication required, MFA registration required, external challenge not satisfied. */
const MFA = new Set([50072, 50074, 50076, 50079, 50158]);
const CONSENT = new Set([65001, 65004, 65005, 90094, 90095, 650057]);
const SESSION_EXPIRED = new Set([50078, 50132, 50133, 50173, 70008, 700082, 700084, 50089, 54005, 70000]);
const BAD_CLIENT_CREDENTIAL = new Set([7000215, 7000222, 700027, 700024, 7000274, 50012]);

export function translateAuthError(err: unknown, context: SignInErrorContext = {}): SignInError {
  if (err instanceof SignInError) return err;
  const app = context.clientId ? `the app ${context.clientId}` : 'the app';
  const tenant = context.tenant ? ` in tenant ${context.tenant}` : '';
  if (err instanceof SignInNetworkError) {
    return new SignInError(
      'network',
      `${err.message} Check the network connection and the proxy (VS Code's http.proxy setting, or HTTPS_PROXY for the CLI), then sign in again.`,
    );
  }
  if (!(err instanceof AuthError)) {
    return new SignInError(
      'unknown',
      `Sign-in failed unexpectedly (${err instanceof Error ? err.name : typeof err}). See the Partner Center log, then try again.`,
    );
  }
  const number = aadstsNumber(err);
  const code = number === undefined ? undefined : `AADSTS${number}`;
  const cid = err.correlationId || undefined;
  const ids = cid ? ` (correlation id ${cid})` : '';
  const make = (reason: SignInFailure, text: string) =>
    new SignInError(reason, `${text}${code ? ` [${code}]` : ''}${ids}`, code, cid);

  switch (err.errorCode) {
    case 'device_code_expired':
      return make(
        'deviceCodeExpired',
        'The device code expired before the sign-in was completed. Run Sign In again and enter the new code within its time limit.',
      );
    case 'device_code_polling_cancelled':
    case 'user_canceled':
      return make('cancelled', 'Sign-in was cancelled.');
    case 'user_timeout_reached':
      return make('deviceCodeExpired', 'The device code sign-in was not completed in time. Run Sign In again.');
    case 'endpoints_resolution_error':
    case 'openid_config_error':
      return make(
        'configuration',
        `Could not read the sign-in metadata of ${context.authorityHost ?? 'the authority'}${tenant}. Check partnerCenter.auth.tenant and the network or proxy.`,
      );
    case 'network_error':
      return make(
        'network',
        'Could not reach the sign-in service. Check the network connection and proxy settings, then try again.',
      );
  }
  // The device code poll answers expired_token (AADSTS70019) or authorization_declined; MSAL
  // passes on just that name when it cannot do better.
  const name = err.errorCode === 'post_request_failed' ? err.errorMessage : err.errorCode;
  if (/^(expired_token|code_expired)$/.test(name) || number === 70019) {
    return make(
      'deviceCodeExpired',
      'The device code expired before the sign-in was completed. Run Sign In again and enter the new code within its time limit.',
    );
  }
  if (name === 'authorization_declined') {
    return make('cancelled', 'The sign-in was declined on the device code page.');
  }
  if (number !== undefined) {
    if (MFA.has(number)) {
      return make(
        'mfaRequired',
        'Partner Center requires multi-factor authentication for App+User sign-in. Sign in again with the browser or a device code and complete the MFA prompt; if none appears, ask your administrator to set up MFA for this account.',
      );
    }
    if (CONSENT.has(number)) {
      return make(
        'consentRequired',
        `${capital(app)} has not been granted consent to use Partner Center${tenant}. In Entra ID → App registrations → API permissions, add "Microsoft Partner Center" (user_impersonation) and have an administrator grant admin consent, then sign in again.`,
      );
    }
    if (number === 700016) {
      return make(
        'appNotFound',
        `${capital(app)} was not found${tenant}. Check partnerCenter.auth.clientId and partnerCenter.auth.tenant: the app must be registered in (or consented to by) your partner tenant.`,
      );
    }
    if (number === 500011 || number === 500014) {
      return make(
        'notPartnerTenant',
        `Partner Center is not available${tenant || ' in this tenant'}. Sign in to the partner tenant (your Partner Center account's Entra ID tenant), not a customer tenant.`,
      );
    }
    if (number === 7000218) {
      return make(
        'publicClientDisabled',
        `${capital(app)} does not allow device code or browser sign-in. In Entra ID → App registrations → Authentication, set "Allow public client flows" to Yes, or sign in App-only with a client secret or certificate.`,
      );
    }
    if (number === 50011 || number === 500113) {
      return make(
        'redirectUriMismatch',
        `${capital(app)} does not list the redirect URI the sign-in uses. Add http://localhost under "Mobile and desktop applications" in Entra ID → App registrations → Authentication, or use device code sign-in.`,
      );
    }
    if (BAD_CLIENT_CREDENTIAL.has(number)) {
      return make(
        'invalidClientCredential',
        `Entra ID rejected the client secret or certificate of ${app}. It may be wrong or expired: run "Partner Center: Set App Credential" with a current one.`,
      );
    }
    if (number === 53003 || number === 53000 || number === 53001 || number === 530032) {
      return make(
        'blockedByPolicy',
        'A Conditional Access policy blocked this sign-in. Sign in from a compliant device or network, or ask your administrator which policy applies.',
      );
    }
    if (SESSION_EXPIRED.has(number)) {
      return make('sessionExpired', 'Your Partner Center sign-in has expired or was revoked. Sign in again.');
    }
    if (number === 50020 || number === 90072) {
      return make(
        'configuration',
        `This account is not a member of the tenant ${context.tenant ?? ''}. Sign in with an account of the partner tenant, or change partnerCenter.auth.tenant.`.replace(
          / {2,}/g,
          ' ',
        ),
      );
    }
  }
  if (err instanceof InteractionRequiredAuthError || err.errorCode === 'invalid_grant') {
    return make('sessionExpired', 'Your Partner Center sign-in has expired or was revoked. Sign in again.');
  }
  if (err.errorCode === 'access_denied') {
    return make('cancelled', 'The sign-in was cancelled in the browser.');
  }
  if (err.errorCode === 'invalid_client' || err.errorCode === 'unauthorized_client') {
    return make(
      'invalidClientCredential',
      `Entra ID rejected ${app}: check partnerCenter.auth.clientId and, for App-only sign-in, the client secret or certificate.`,
    );
  }
  return make('unknown', `Sign-in failed (${safeCode(err.errorCode)}). See the Partner Center log for details, then try again.`);
}

/**
 * Partner Center's own answers about the token: MFA missing, an App-only token on an
 * App+User-only API (900329), or an app Partner Center does not know. `challenge` is the
 * answer's WWW-Authenticate header. Returns undefined for errors that are not about sign-in.
 */
export function explainPartnerCenterAuthError(
  status: number,
  code: string | number | undefined,
  appOnly: boolean,
  challenge?: string,
): SignInError | undefined {
  const c = code === undefined ? '' : String(code);
  if (!appOnly && isMfaRequiredAnswer(status, c, challenge)) {
    return new SignInError(
      'mfaRequired',
      'Partner Center refused the App+User token as invalid without an error code, which is how it answers a sign-in that did not include multi-factor authentication. Sign out, sign in again and complete the MFA prompt.',
    );
  }
  if (c === '900329') {
    return new SignInError(
      'appOnlyNotSupported',
      'This Partner Center API works only with App+User sign-in, and you are signed in App-only (client secret or certificate). Sign in with a user (browser or device code) to use it. [900329]',
      '900329',
    );
  }
  if (status === 401 || (status === 403 && (c === '900308' || c === '400'))) {
    const who = appOnly ? 'the app' : 'the app or the signed-in user';
    return new SignInError(
      'appNotRegisteredInPartnerCenter',
      `Partner Center did not accept ${who}. Add the app in Partner Center → Account settings → App management${appOnly ? '' : ', and give the user an Admin Agent or Sales Agent role'}, then sign in again.${c ? ` [${c}]` : ''}`,
      c || undefined,
    );
  }
  return undefined;
}

/**
 * The answer partner-security-requirements-mandating-mfa.md shows for an App+User token without
 * MFA: 401 with `WWW-Authenticate: Bearer error="invalid_token"` and no Partner Center code. Its
 * other token refusals carry a code (400, 800001) and an `OAuth realm=...` challenge, and the
 * client has already retried once with a fresh token, so what is left is the missing MFA.
 */
function isMfaRequiredAnswer(status: number, code: string, challenge: string | undefined): boolean {
  return status === 401 && code === '' && /^Bearer\b.*\berror="?invalid_token\b/i.test(challenge ?? '');
}

function aadstsNumber(err: AuthError): number | undefined {
  const errorNo = (err as { errorNo?: unknown }).errorNo;
  if (typeof errorNo === 'string' && /^\d+$/.test(errorNo)) return Number(errorNo);
  if (typeof errorNo === 'number') return errorNo;
  const m = /AADSTS(\d+)/.exec(err.errorMessage ?? '') ?? /AADSTS(\d+)/.exec(err.message);
  return m ? Number(m[1]) : undefined;
}

function safeCode(code: string): string {
  return /^[a-z_]{1,60}$/i.test(code) ? code : 'unknown error';
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
