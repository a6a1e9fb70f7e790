// Which Partner Center the extension talks to, and the API client for it. The client is rebuilt
// when the settings change; everything that calls Partner Center asks this object for it, so
// a changed environment takes effect everywhere at once.
import * as vscode from 'vscode';
import { PartnerCenterClient, type TokenProvider, type RequestLogEvent } from '../../common/src/api';
import { clouds } from '../../common/src/api/clouds';
import { type EnvironmentName, onSettingsChanged, readSettings } from './settings';

/** The emulator accepts any non-empty bearer token; this one says where it came from in its logs. */
const EMULATOR_TOKEN = 'partner-center-vscode-emulator';

export class NotSignedInError extends Error {
  constructor(environment: EnvironmentName) {
    super(`Not signed in to Partner Center (${environment}). Run "Partner Center: Sign In", or "Partner Center: Use the Local Emulator" to try it without an account.`);
    this.name = 'NotSignedInError';
  }
}

export interface ConnectionState {
  environment: EnvironmentName;
  endpoint: string;
  /** A person-readable name of where requests go: "Emulator (http://127.0.0.1:8787)", "Global". */
  label: string;
  signedIn: boolean;
}

export class PartnerCenterConnection implements vscode.Disposable {
  private client: PartnerCenterClient | undefined;
  private state: ConnectionState;
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

  /** The API client, or a NotSignedInError the caller turns into a sign-in prompt or node. */
  getClient(): PartnerCenterClient {
    if (!this.client) throw new NotSignedInError(this.state.environment);
    return this.client;
  }

  tryGetClient(): PartnerCenterClient | undefined {
    return this.client;
  }

  private rebuild(): ConnectionState {
    const settings = readSettings();
    const logger = (event: RequestLogEvent) => this.logRequest(event);
    if (settings.environment === 'emulator') {
      const tokenProvider: TokenProvider = { getToken: async () => EMULATOR_TOKEN };
      this.client = new PartnerCenterClient({ endpoint: settings.emulatorUrl, tokenProvider, logger });
      return { environment: 'emulator', endpoint: settings.emulatorUrl, label: `Emulator (${settings.emulatorUrl})`, signedIn: true };
    }
    // Real clouds need a signed-in account; until one exists the client stays unset.
    this.client = undefined;
    const cloud = clouds[settings.environment];
    return { environment: settings.environment, endpoint: cloud.endpoint ?? '', label: cloud.displayName, signedIn: false };
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
