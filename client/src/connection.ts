// Which Partner Center the extension talks to, and the API client for it. The client is rebuilt
// when the settings or the signed-in accounts change; everything that calls Partner Center asks
// this object for it, so a changed environment or account takes effect everywhere at once.
// Real clouds need an account (client/src/auth); the emulator gets a fixed token unless sign-in
// is configured for it (an emulator started with --trust-issuer).
import * as vscode from 'vscode';
import { PartnerCenterClient, type TokenProvider, type RequestLogEvent } from '../../common/src/api';
import { clouds } from '../../common/src/api/clouds';
import { type EnvironmentName, onSettingsChanged, readSettings } from './settings';

/** The emulator accepts any non-empty bearer token; this one says where it came from in its logs. */
const EMULATOR_TOKEN = 'partner-center-vscode-emulator';

export class NotSignedInError extends Error {
  /** `reason` replaces the default text, e.g. "Your sign-in has expired… Sign in again." */
  constructor(environment: EnvironmentName, reason?: string) {
    super(reason ?? `Not signed in to Partner Center (${environment}). Run "Partner Center: Sign In", or "Partner Center: Use the Local Emulator" to try it without an account.`);
    this.name = 'NotSignedInError';
  }
}

/** What the connection needs from the accounts (client/src/auth/accountManager.ts). */
export interface AccountSource {
  requiresSignIn(environment: EnvironmentName): boolean;
  tokenProviderFor(environment: EnvironmentName): { tokenProvider: TokenProvider; account: { username: string } } | undefined;
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
}

export class PartnerCenterConnection implements vscode.Disposable {
  private client: PartnerCenterClient | undefined;
  private state: ConnectionState;
  private accountSource: AccountSource | undefined;
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when the environment, endpoint or sign-in state changes. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.state = this.rebuild();
    this.disposables.push(onSettingsChanged(() => {
      this.state = this.rebuild();
      this.changed.fire(this.state);
    }));
  }

  get current(): ConnectionState {
    return this.state;
  }

  /** The signed-in accounts; set once by the auth part at activation. */
  get accounts(): AccountSource | undefined {
    return this.accountSource;
  }

  /** Connects the accounts: real clouds (and an emulator with sign-in) then get a client. */
  attachAccounts(source: AccountSource): vscode.Disposable {
    this.accountSource = source;
    const refresh = () => {
      this.state = this.rebuild();
      this.changed.fire(this.state);
    };
    refresh();
    return source.onDidChange(refresh);
  }

  /** The API client, or a NotSignedInError the caller turns into a sign-in prompt or node. */
  getClient(): PartnerCenterClient {
    if (!this.client) throw new NotSignedInError(this.state.environment);
    return this.client;
  }

  tryGetClient(): PartnerCenterClient | undefined {
    return this.client;
  }

  private rebuild(): ConnectionState {
    // The previous client's pool is closed once its requests in flight have finished.
    void this.client?.close();
    const settings = readSettings();
    const logger = (event: RequestLogEvent) => this.logRequest(event);
    const environment = settings.environment;
    const endpoint = environment === 'emulator' ? settings.emulatorUrl : clouds[environment].endpoint ?? '';
    const place = environment === 'emulator' ? `Emulator (${settings.emulatorUrl})` : clouds[environment].displayName;
    const needsAccount = environment !== 'emulator' || this.accountSource?.requiresSignIn(environment) === true;
    if (!needsAccount) {
      // The default a new user can try: the emulator accepts any token.
      const tokenProvider: TokenProvider = { getToken: async () => EMULATOR_TOKEN };
      this.client = new PartnerCenterClient({ endpoint, tokenProvider, logger, proxy: settings.proxy });
      return { environment, endpoint, label: place, signedIn: true };
    }
    const signedIn = this.accountSource?.tokenProviderFor(environment);
    if (!signedIn) {
      // Until an account exists the client stays unset and callers get NotSignedInError.
      this.client = undefined;
      return { environment, endpoint, label: place, signedIn: false };
    }
    this.client = new PartnerCenterClient({ endpoint, tokenProvider: signedIn.tokenProvider, logger, proxy: settings.proxy });
    return { environment, endpoint, label: `${place} — ${signedIn.account.username}`, signedIn: true, account: signedIn.account.username };
  }

  private logRequest(event: RequestLogEvent): void {
    const line = `${event.method} ${event.path} → ${event.status ?? event.error ?? '…'} in ${event.durationMs} ms (attempt ${event.attempt}, request ${event.requestId}, correlation ${event.correlationId})`;
    if (event.status !== undefined && event.status < 400) this.log.debug(line);
    else this.log.warn(line);
  }

  dispose(): void {
    this.disposables.forEach((d) => d.dispose());
  }
}
