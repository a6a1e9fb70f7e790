// The accounts of this VS Code: signing in (any flow), signing out, switching, and the token
// provider the connection gives the API client. Sign-in itself is common/src/auth; this file
// adds VS Code's storage, UI and settings around it.
import * as vscode from 'vscode';
import { type AppCredential, type PartnerCenterAuth, type SignInFlow, type SignedInAccount } from '../../../common/src/auth';
import { type TokenProvider } from '../../../common/src/api';
import { apiPart } from '../parts';
import { type Config, type EnvironmentName } from '../config';
import { NotSignedInError } from '../connection';
import { type AccountStore } from './accountStore';
import { appRegistrationFor, effectiveFlow, requiresSignIn } from './authSettings';
import { withUserSignInUi } from './signInUi';

export interface SignInOptions {
  flow?: SignInFlow;
  /** A new App-only credential to store before signing in. */
  credential?: AppCredential;
}

export class AccountManager implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private authInstance: PartnerCenterAuth | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /**
   * `makeAuth` makes sign-in on first use: msal is in the api part, and listing the accounts, the
   * status bar and choosing a token provider need none of it.
   */
  constructor(
    private readonly makeAuth: () => PartnerCenterAuth,
    private readonly store: AccountStore,
    private readonly config: Config,
    private readonly log: vscode.LogOutputChannel,
  ) {
    // Sign-in keeps its HTTP modules; a new proxy takes a new one, as the API client is rebuilt.
    // The tokens stay in the SecretStorage cache, which the next instance reads.
    this.disposables.push(
      config.onDidChange((change) => {
        if (change.affects('proxy')) this.authInstance = undefined;
      }),
    );
  }

  private auth(): PartnerCenterAuth {
    this.authInstance ??= this.makeAuth();
    return this.authInstance;
  }

  get accounts(): SignedInAccount[] {
    return this.store.all();
  }

  get active(): SignedInAccount | undefined {
    const id = this.store.activeId();
    return this.accounts.find((a) => a.id === id);
  }

  requiresSignIn(environment: EnvironmentName): boolean {
    return requiresSignIn(environment, this.config.auth);
  }

  /** The account used for an environment: the active one if it fits, else the latest that does. */
  accountFor(environment: EnvironmentName): SignedInAccount | undefined {
    const settings = this.config.auth;
    const fits = (a: SignedInAccount) =>
      a.app.cloud === environment && (environment !== 'emulator' || sameHost(a.app.authorityHost, settings.authority));
    const active = this.active;
    if (active && fits(active)) return active;
    return this.accounts.filter(fits).at(-1);
  }

  tokenProviderFor(environment: EnvironmentName): { tokenProvider: TokenProvider; account: SignedInAccount } | undefined {
    const account = this.accountFor(environment);
    if (!account) return undefined;
    const tokenProvider: TokenProvider = {
      getToken: async (_signal, options) => {
        try {
          return await this.auth().getToken(account, { forceRefresh: options?.forceRefresh });
        } catch (err) {
          const error = apiPart().translateAuthError(err, { clientId: account.app.clientId, tenant: account.app.tenant });
          this.log.warn(`Could not get a Partner Center token for ${account.username}: ${error.message}`);
          // The explorer turns NotSignedInError into a "Sign in" node, with our reason as tooltip.
          if (error.needsSignIn) throw new NotSignedInError(environment, error.message);
          throw error;
        }
      },
    };
    return { tokenProvider, account };
  }

  /** Signs in to the configured environment with the configured (or given) flow. */
  async signIn(options: SignInOptions = {}): Promise<SignedInAccount> {
    const { environment, auth: settings } = this.config;
    const app = appRegistrationFor(environment, settings);
    const flow = options.flow ?? effectiveFlow(settings.flow);
    const where = environment === 'emulator' ? 'emulator' : app.tenant;
    this.log.info(`Signing in to Partner Center (${environment}, tenant ${app.tenant}, app ${app.clientId}) with ${flow}.`);
    const account =
      flow === 'interactive' || flow === 'deviceCode'
        ? await withUserSignInUi(flow, where, (request) => this.auth().signInUser(app, request, settings.integrationSandbox))
        : await this.auth().signInApp(app, options.credential, settings.integrationSandbox);
    await this.store.upsert(account);
    this.log.info(`Signed in to Partner Center as ${account.username} (${environment}).`);
    this.changed.fire();
    return account;
  }

  async signOut(account: SignedInAccount): Promise<void> {
    try {
      await this.auth().signOut(account);
    } finally {
      // Even if the keychain could not be cleaned, the account must stop being used.
      await this.store.remove(account.id);
      this.changed.fire();
    }
    this.log.info(`Signed out ${account.username}.`);
  }

  /** Makes the account active and points the extension at its environment. */
  async switchTo(account: SignedInAccount): Promise<void> {
    await this.store.activate(account.id);
    await this.config.setEnvironment(account.app.cloud);
    this.changed.fire();
  }

  async hasCredential(): Promise<boolean> {
    return this.auth().hasCredential(appRegistrationFor(this.config.environment, this.config.auth));
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}

function sameHost(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
