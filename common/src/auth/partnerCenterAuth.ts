// The sign-in service the extension (and later the CLI) uses: sign an account in with one of
// the four flows, hand out access tokens for it (refreshed silently before they expire), and
// sign it out again. Accounts are plain records the caller stores; everything secret stays in
// MSAL's cache in the SecretStore, plus an App-only credential beside it.
import {
  AuthError,
  type AuthenticationResult,
  type ConfidentialClientApplication,
  type PublicClientApplication,
  ServerError,
} from '@azure/msal-node';
import { type AppCredential, parseStoredCredential, serializeCredential, toMsalCredential } from './appCredential';
import { type AppCredentialKind, type AppRegistration, cacheKey, credentialKey } from './appRegistration';
import { SignInError, translateAuthError } from './errors';
import { type MsalEnvironment, type MsalParts, createConfidentialApp, createParts, createPublicApp } from './msalFactory';
import { type DeviceCodeOptions, type InteractiveOptions, signInInteractive, signInWithDeviceCode } from './userSignIn';

/** What the caller keeps about an account. No token, secret or code is ever part of it. */
export interface SignedInAccount {
  /** Stable id: the same account signed in again gets the same id. */
  id: string;
  kind: 'user' | 'app';
  app: AppRegistration;
  /** The sign-in name for users (alice@contoso.com); "App <client id>" for App-only. */
  username: string;
  /** The tenant the tokens are for. */
  tenantId: string;
  /** MSAL's account key, for App+User accounts. */
  homeAccountId?: string;
  credential?: AppCredentialKind;
  /** A Partner Center integration sandbox rather than production (the person says which). */
  sandbox: boolean;
}

export type UserFlowRequest = ({ flow: 'interactive' } & InteractiveOptions) | ({ flow: 'deviceCode' } & DeviceCodeOptions);

export interface TokenOptions {
  /** Ignore the cached access token (Partner Center answered 401 to it). */
  forceRefresh?: boolean;
}

/** A token is refreshed when less than this is left, so a call never starts with a dying token. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

interface AppEntry {
  parts: MsalParts;
  pca?: PublicClientApplication;
  cca?: ConfidentialClientApplication;
}

export class PartnerCenterAuth {
  private readonly apps = new Map<string, AppEntry>();
  /** The last token per account, held only in memory so most calls skip the keychain. */
  private readonly recent = new Map<string, { token: string; expiresOn: number }>();
  private readonly inFlight = new Map<string, Promise<string>>();

  constructor(
    private readonly env: MsalEnvironment,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async signInUser(app: AppRegistration, request: UserFlowRequest, sandbox = false): Promise<SignedInAccount> {
    const { pca, parts } = this.publicApp(app);
    let result: AuthenticationResult;
    try {
      result =
        request.flow === 'interactive'
          ? await signInInteractive(pca, [app.userScope], request)
          : await signInWithDeviceCode(pca, [app.userScope], request);
    } catch (err) {
      throw this.translate(err, app, parts);
    }
    const account = result.account;
    if (!account) throw new SignInError('unknown', 'The sign-in returned no account. Run Sign In again.');
    const signedIn: SignedInAccount = {
      id: `user:${account.homeAccountId}:${cacheKey(app, 'user')}`,
      kind: 'user',
      app,
      username: account.username || account.name || account.homeAccountId,
      tenantId: account.tenantId || result.tenantId,
      homeAccountId: account.homeAccountId,
      sandbox,
    };
    this.remember(signedIn.id, result);
    return signedIn;
  }

  /** Stores the credential (when given) and proves it by getting a first token. */
  async signInApp(app: AppRegistration, credential: AppCredential | undefined, sandbox = false): Promise<SignedInAccount> {
    if (app.tenant === 'organizations' || app.tenant === 'common') {
      throw new SignInError(
        'configuration',
        'App-only sign-in needs your partner tenant id or domain in partnerCenter.auth.tenant (not "organizations").',
      );
    }
    if (credential) {
      await this.env.secrets.store(credentialKey(app), serializeCredential(credential));
      this.apps.delete(`app:${cacheKey(app, 'app')}`);
    }
    const stored = parseStoredCredential(await this.env.secrets.get(credentialKey(app)));
    if (!stored) {
      throw new SignInError(
        'configuration',
        'No client secret or certificate is stored for this app. Run "Partner Center: Set App Credential".',
      );
    }
    const account: SignedInAccount = {
      id: `app:${cacheKey(app, 'app')}`,
      kind: 'app',
      app,
      username: `App ${app.clientId}`,
      tenantId: app.tenant,
      credential: stored.kind,
      sandbox,
    };
    this.recent.delete(account.id);
    await this.getToken(account);
    return account;
  }

  /** An access token for the account: from memory, from the cache, or refreshed silently. */
  getToken(account: SignedInAccount, options: TokenOptions = {}): Promise<string> {
    if (!options.forceRefresh) {
      const recent = this.recent.get(account.id);
      if (recent && recent.expiresOn - this.now() > REFRESH_MARGIN_MS) return Promise.resolve(recent.token);
      // Concurrent callers share one refresh instead of each starting their own.
      const pending = this.inFlight.get(account.id);
      if (pending) return pending;
    }
    const run = this.acquire(account, options).finally(() => {
      if (this.inFlight.get(account.id) === run) this.inFlight.delete(account.id);
    });
    this.inFlight.set(account.id, run);
    return run;
  }

  /** Removes the account and its tokens from the cache (and an App-only credential). */
  async signOut(account: SignedInAccount): Promise<void> {
    this.recent.delete(account.id);
    this.inFlight.delete(account.id);
    if (account.kind === 'user') {
      const { pca } = this.publicApp(account.app);
      const cache = pca.getTokenCache();
      const found = account.homeAccountId ? await cache.getAccountByHomeId(account.homeAccountId) : null;
      if (found) await cache.removeAccount(found);
      return;
    }
    const key = `app:${cacheKey(account.app, 'app')}`;
    const entry = this.apps.get(key);
    entry?.cca?.clearCache();
    this.apps.delete(key);
    await (entry?.parts.plugin ?? createParts(account.app, this.env, cacheKey(account.app, 'app')).plugin).clear();
    await this.env.secrets.delete(credentialKey(account.app));
  }

  async hasCredential(app: AppRegistration): Promise<boolean> {
    return parseStoredCredential(await this.env.secrets.get(credentialKey(app))) !== undefined;
  }

  private async acquire(account: SignedInAccount, options: TokenOptions): Promise<string> {
    let result: AuthenticationResult | null;
    const app = account.app;
    if (account.kind === 'user') {
      const { pca, parts } = this.publicApp(app);
      try {
        const cached = account.homeAccountId ? await pca.getTokenCache().getAccountByHomeId(account.homeAccountId) : null;
        if (!cached) {
          throw new SignInError(
            'sessionExpired',
            `The sign-in of ${account.username} is no longer stored on this machine. Sign in again.`,
          );
        }
        result = await pca.acquireTokenSilent({
          account: cached,
          scopes: [app.userScope],
          forceRefresh: options.forceRefresh === true,
        });
      } catch (err) {
        throw this.translate(err, app, parts);
      }
    } else {
      const entry = await this.confidentialApp(app);
      try {
        result = await entry.cca!.acquireTokenByClientCredential({
          scopes: [app.appScope],
          skipCache: options.forceRefresh === true,
        });
      } catch (err) {
        throw this.translate(err, app, entry.parts);
      }
    }
    if (!result?.accessToken) throw new SignInError('unknown', 'The sign-in service returned no access token. Sign in again.');
    this.remember(account.id, result);
    return result.accessToken;
  }

  private remember(id: string, result: AuthenticationResult): void {
    const expiresOn = result.expiresOn?.getTime() ?? this.now();
    this.recent.set(id, { token: result.accessToken, expiresOn });
  }

  private publicApp(app: AppRegistration): { pca: PublicClientApplication; parts: MsalParts } {
    const key = `user:${cacheKey(app, 'user')}`;
    let entry = this.apps.get(key);
    if (!entry) {
      const parts = createParts(app, this.env, cacheKey(app, 'user'));
      entry = { parts, pca: createPublicApp(app, this.env, parts) };
      this.apps.set(key, entry);
    }
    return { pca: entry.pca!, parts: entry.parts };
  }

  private async confidentialApp(app: AppRegistration): Promise<AppEntry> {
    const key = `app:${cacheKey(app, 'app')}`;
    const existing = this.apps.get(key);
    if (existing) return existing;
    const stored = parseStoredCredential(await this.env.secrets.get(credentialKey(app)));
    if (!stored) {
      throw new SignInError(
        'configuration',
        'No client secret or certificate is stored for this app. Run "Partner Center: Set App Credential", then sign in again.',
      );
    }
    let credential;
    try {
      credential = toMsalCredential(stored);
    } catch (err) {
      throw new SignInError(
        'configuration',
        `The stored certificate cannot be used: ${err instanceof Error ? err.message : String(err)}`,
      );
    }
    const parts = createParts(app, this.env, cacheKey(app, 'app'));
    const entry: AppEntry = { parts, cca: createConfidentialApp(app, this.env, parts, credential) };
    this.apps.set(key, entry);
    return entry;
  }

  private translate(err: unknown, app: AppRegistration, parts: MsalParts): SignInError {
    const oauth = parts.network.lastOAuthError;
    if (err instanceof AuthError && err.errorCode === 'post_request_failed' && oauth && oauth.errorCodes.length > 0) {
      // Rebuild what MSAL dropped from a device code poll answer: the error with its AADSTS number.
      const code = oauth.errorCodes[0]!;
      err = new ServerError(oauth.error, oauth.correlationId ?? err.correlationId, `AADSTS${code}`, oauth.suberror, String(code));
    }
    const translated = translateAuthError(err, { clientId: app.clientId, tenant: app.tenant, authorityHost: app.authorityHost });
    // MSAL hides why the authority's metadata could not be read; the network module knows.
    const network = parts.network.lastFailure;
    if (translated.reason === 'configuration' && network) return translateAuthError(network);
    this.env.log?.('debug', `Sign-in error ${translated.reason}${translated.code ? ` ${translated.code}` : ''}.`);
    return translated;
  }
}
