// Every setting the extension reads or writes, typed, in one place (issue 13), the way
// rust-analyzer's editors/code/src/config.ts does it: no other file spells a setting's name or
// calls getConfiguration. Values are read when asked for, so a caller never holds a stale copy,
// and onDidChange says which group of settings changed.
import * as vscode from 'vscode';
import { type SignInFlow } from '../../common/src/auth/appRegistration';

export type EnvironmentName = 'emulator' | 'global' | 'usGovernment' | 'china21Vianet';

export type FlowSetting = 'auto' | SignInFlow;

export interface AuthSettings {
  clientId: string;
  tenant: string;
  flow: FlowSetting;
  /** Authority for signing in to the emulator; empty = the emulator gets a fixed token. */
  authority: string;
  integrationSandbox: boolean;
}

export interface ExplorerSettings {
  pageSize: number;
  /** First delay between polls of a pending order or subscription; 0 turns polling off. */
  pollIntervalSeconds: number;
}

export interface RunSettings {
  /** Against production, the customer's domain must be typed to confirm a purchase. */
  requireTypedConfirmation: boolean;
  codeLens: boolean;
  historyLimit: number;
}

/** What the guided sign-in writes: where the account is and how it signs in (nothing secret). */
export interface SignInSetup {
  environment: EnvironmentName;
  clientId: string;
  tenant: string;
  flow: SignInFlow;
  integrationSandbox: boolean;
}

/** The groups a listener can ask about, each with the settings behind it. */
const GROUPS = {
  environment: ['partnerCenter.environment', 'partnerCenter.emulatorUrl'],
  proxy: ['http.proxy'],
  auth: ['partnerCenter.auth'],
  explorer: ['partnerCenter.explorer'],
  run: ['partnerCenter.send', 'partnerCenter.history'],
  requestFiles: ['partnerCenter.requestFiles'],
} as const;

export type SettingGroup = keyof typeof GROUPS;

export interface ConfigChange {
  affects(group: SettingGroup): boolean;
}

const SECTION = 'partnerCenter';

export class Config {
  /** Fires when any setting the extension reads changes. */
  readonly onDidChange: vscode.Event<ConfigChange> = (listener, thisArgs, disposables) =>
    vscode.workspace.onDidChangeConfiguration(
      (e) => {
        const change: ConfigChange = { affects: (group) => GROUPS[group].some((key) => e.affectsConfiguration(key)) };
        if ((Object.keys(GROUPS) as SettingGroup[]).some((group) => change.affects(group))) listener.call(thisArgs, change);
      },
      undefined,
      disposables,
    );

  private get section(): vscode.WorkspaceConfiguration {
    return vscode.workspace.getConfiguration(SECTION);
  }

  get environment(): EnvironmentName {
    return this.section.get<EnvironmentName>('environment', 'emulator');
  }

  get emulatorUrl(): string {
    return this.section.get<string>('emulatorUrl', 'http://127.0.0.1:8787').replace(/\/+$/, '');
  }

  /** VS Code's own proxy setting (`http.proxy`); without it, HTTPS_PROXY is honoured. */
  get proxy(): string | undefined {
    return vscode.workspace.getConfiguration('http').get<string>('proxy') || undefined;
  }

  get auth(): AuthSettings {
    const section = this.section;
    return {
      clientId: section.get<string>('auth.clientId', '').trim(),
      tenant: section.get<string>('auth.tenant', 'organizations').trim(),
      flow: section.get<FlowSetting>('auth.flow', 'auto'),
      authority: section.get<string>('auth.authority', '').trim(),
      integrationSandbox: section.get<boolean>('auth.integrationSandbox', false),
    };
  }

  get explorer(): ExplorerSettings {
    const section = this.section;
    return {
      pageSize: section.get<number>('explorer.pageSize', 40),
      pollIntervalSeconds: Math.max(0, section.get<number>('explorer.pollIntervalSeconds', 5)),
    };
  }

  get run(): RunSettings {
    const section = this.section;
    return {
      requireTypedConfirmation: section.get<boolean>('send.requireTypedConfirmation', true),
      codeLens: section.get<boolean>('send.codeLens', true),
      historyLimit: Math.max(1, section.get<number>('history.maxEntries', 200)),
    };
  }

  /** The user's glob → kind table (`partnerCenter.requestFiles`); a copy the caller may keep. */
  get requestFiles(): Record<string, string> {
    return { ...this.section.get<Record<string, string>>('requestFiles', {}) };
  }

  /**
   * Points the extension at another Partner Center; resolves false when nothing had to change.
   * The value is written where it comes from (folder, workspace or user), so a workspace value
   * cannot silently win over it.
   */
  async setEnvironment(environment: EnvironmentName): Promise<boolean> {
    if (this.environment === environment) return false;
    const section = this.section;
    const inspected = section.inspect('environment');
    const target =
      inspected?.workspaceFolderValue !== undefined
        ? vscode.ConfigurationTarget.WorkspaceFolder
        : inspected?.workspaceValue !== undefined
          ? vscode.ConfigurationTarget.Workspace
          : vscode.ConfigurationTarget.Global;
    await section.update('environment', environment, target);
    return true;
  }

  /** Saves the guided sign-in's answers as user settings. */
  async saveSignInSetup(setup: SignInSetup): Promise<void> {
    const section = this.section;
    const target = vscode.ConfigurationTarget.Global;
    await section.update('auth.clientId', setup.clientId, target);
    await section.update('auth.tenant', setup.tenant, target);
    await section.update('auth.flow', setup.flow, target);
    await section.update('auth.integrationSandbox', setup.integrationSandbox, target);
    await section.update('environment', setup.environment, target);
  }
}

/**
 * The one reader. It holds no state (each value is read when asked for), so sharing it is safe:
 * parts get it in their PartContext and pass it to what they make; a provider deep in a part may
 * import it.
 */
export const config = new Config();
