// Which Partner Center the extension talks to, and the API client for it. The client is rebuilt
// when the settings or the signed-in accounts change; everything that calls Partner Center asks
// this object for it, so a changed environment or account takes effect everywhere at once.
// Real clouds need an account (client/src/auth); the emulator gets a fixed token unless sign-in
// is configured for it (an emulator started with --trust-issuer). The client itself (and undici
// with it, in the api part) is made on first use: knowing where requests would go costs nothing.
import * as vscode from 'vscode';
import { type PartnerCenterClient, type PartnerCenterClientOptions } from '../../common/src/api/client';
import { clouds, isLoopbackHost } from '../../common/src/api/clouds';
import { type RequestLogEvent, requestLogLine } from '../../common/src/api/logging';
import { type TokenProvider } from '../../common/src/api/requester';
import { type Config, type EnvironmentName } from './config';
import { apiPart } from './parts';

/** The emulator accepts any non-empty bearer token; this one says where it came from in its logs. */
const EMULATOR_TOKEN = 'partner-center-vscode-emulator';

export class NotSignedInError extends Error {
  /** `reason` replaces the default text, e.g. "Your sign-in has expired… Sign in again." */
  constructor(environment: EnvironmentName, reason?: string) {
    super(
      reason ??
        `Not signed in to Partner Center (${environment}). Run "Partner Center: Sign In", or "Partner Center: Use the Local Emulator" to try it without an account.`,
    );
    this.name = 'NotSignedInError';
  }
}

/** What the connection needs from the accounts (client/src/auth/accountManager.ts). */
export interface AccountSource {
  requiresSignIn(environment: EnvironmentName): boolean;
  tokenProviderFor(
    environment: EnvironmentName,
  ): { tokenProvider: TokenProvider; account: { id: string; username: string; sandbox: boolean } } | undefined;
  readonly onDidChange: vscode.Event<void>;
}

export interface ConnectionState {
  environment: EnvironmentName;
  endpoint: string;
  /** A person-readable name of where requests go: "Emulator (http://127.0.0.1:8787)", "Global". */
  label: string;
  signedIn: boolean;
  /** The signed-in account's name, when requests use one. */
  account?: string;
  /** A Partner Center integration sandbox account: purchases there spend no real money. */
  sandbox: boolean;
}

/** How long a replaced client may still finish what it started (a purchase's retries) before its pool closes. */
const RETIRED_CLIENT_GRACE_MS = 10 * 60_000;

export class PartnerCenterConnection implements vscode.Disposable {
  /** What the client is made of; undefined while signed out. */
  private clientOptions: PartnerCenterClientOptions | undefined;
  private client: PartnerCenterClient | undefined;
  private state: ConnectionState;
  /** What the current client was built from; a settings change that leaves it equal keeps the client. */
  private identity = '';
  private accountSource: AccountSource | undefined;
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when the environment, endpoint or sign-in state changes. */
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly config: Config,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.state = this.rebuild();
    // Any of our settings: the sign-in settings decide which account (if any) the client uses.
    this.disposables.push(config.onDidChange(() => this.update()));
  }

  get current(): ConnectionState {
    return this.state;
  }

  /** Connects the accounts: real clouds (and an emulator with sign-in) then get a client. */
  attachAccounts(source: AccountSource): vscode.Disposable {
    this.accountSource = source;
    this.update();
    return source.onDidChange(() => this.update());
  }

  /** The API client, or a NotSignedInError the caller turns into a sign-in prompt or node. */
  getClient(): PartnerCenterClient {
    if (!this.clientOptions) throw new NotSignedInError(this.state.environment);
    this.client ??= new (apiPart().PartnerCenterClient)(this.clientOptions);
    return this.client;
  }

  tryGetClient(): PartnerCenterClient | undefined {
    return this.clientOptions ? this.getClient() : undefined;
  }

  /** Whether there is a client to get, without making it (which loads the API client). */
  get hasClient(): boolean {
    return this.clientOptions !== undefined;
  }

  /** Rebuilds the client when what it is made of changed, and only then tells the listeners. */
  private update(): void {
    const before = this.state;
    this.state = this.rebuild();
    if (this.state !== before) this.changed.fire(this.state);
  }

  private rebuild(): ConnectionState {
    const { environment, emulatorUrl, proxy } = this.config;
    const endpoint = environment === 'emulator' ? emulatorUrl : (clouds[environment].endpoint ?? '');
    const place = environment === 'emulator' ? `Emulator (${emulatorUrl})` : clouds[environment].displayName;
    const needsAccount = environment !== 'emulator' || this.accountSource?.requiresSignIn(environment) === true;
    const found = needsAccount ? this.accountSource?.tokenProviderFor(environment) : undefined;
    // A token signed in for the emulator is only ever sent to an emulator on this machine, so a
    // workspace setting cannot point it at another host.
    const signedIn = found && (environment !== 'emulator' || isLoopbackHost(hostOf(endpoint))) ? found : undefined;
    const identity = JSON.stringify([
      environment,
      endpoint,
      proxy ?? null,
      needsAccount,
      signedIn?.account.id ?? null,
      signedIn?.account.sandbox ?? false,
    ]);
    // Unrelated settings (CodeLens, history size...) keep the client: a purchase may be using it.
    if (identity === this.identity && this.state) return this.state;
    this.identity = identity;
    this.retire(this.client);
    this.client = undefined;
    const logger = (event: RequestLogEvent) => this.logRequest(event);
    if (!needsAccount) {
      // The default a new user can try: the emulator accepts any token.
      const tokenProvider: TokenProvider = { getToken: async () => EMULATOR_TOKEN };
      this.clientOptions = { endpoint, tokenProvider, logger, proxy };
      return { environment, endpoint, label: place, signedIn: true, sandbox: false };
    }
    if (!signedIn) {
      // Until an account exists there is no client and callers get NotSignedInError.
      this.clientOptions = undefined;
      return { environment, endpoint, label: place, signedIn: false, sandbox: false };
    }
    this.clientOptions = { endpoint, tokenProvider: signedIn.tokenProvider, logger, proxy };
    return {
      environment,
      endpoint,
      label: `${place} — ${signedIn.account.username}`,
      signedIn: true,
      account: signedIn.account.username,
      sandbox: signedIn.account.sandbox,
    };
  }

  /** A replaced client keeps working for calls already holding it; its pool closes later. */
  private retire(client: PartnerCenterClient | undefined): void {
    if (!client) return;
    setTimeout(() => void client.close(), RETIRED_CLIENT_GRACE_MS).unref();
  }

  private logRequest(event: RequestLogEvent): void {
    const { level, line } = requestLogLine(event);
    this.log[level](line);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
    void this.client?.close();
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
