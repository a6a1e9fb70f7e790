// The sign-in settings (partnerCenter.auth.*), read in one place, and how they become an app
// registration for the current environment.
import * as vscode from 'vscode';
import { type AppRegistration, type SignInFlow, resolveAppRegistration } from '../../../common/src/auth/appRegistration';
import { type EnvironmentName, SECTION } from '../settings';

export type FlowSetting = 'auto' | SignInFlow;

export interface AuthSettings {
  clientId: string;
  tenant: string;
  flow: FlowSetting;
  /** Authority for signing in to the emulator; empty = the emulator gets a fixed token. */
  authority: string;
  integrationSandbox: boolean;
}

export function readAuthSettings(): AuthSettings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    clientId: config.get<string>('auth.clientId', '').trim(),
    tenant: config.get<string>('auth.tenant', 'organizations').trim(),
    flow: config.get<FlowSetting>('auth.flow', 'auto'),
    authority: config.get<string>('auth.authority', '').trim(),
    integrationSandbox: config.get<boolean>('auth.integrationSandbox', false),
  };
}

/**
 * `auto` picks the browser where VS Code runs on this machine, and a device code where the
 * extension host is remote (SSH, containers, code-server): MSAL's loopback redirect would
 * listen on the remote machine, which the browser cannot reach.
 */
export function effectiveFlow(setting: FlowSetting): SignInFlow {
  if (setting !== 'auto') return setting;
  return vscode.env.remoteName === undefined && vscode.env.uiKind === vscode.UIKind.Desktop ? 'interactive' : 'deviceCode';
}

/** True when the environment needs an account: real clouds always, the emulator only with an authority. */
export function requiresSignIn(environment: EnvironmentName, settings = readAuthSettings()): boolean {
  return environment !== 'emulator' || settings.authority !== '';
}

/**
 * The app registration for an environment. The authority setting applies to the emulator only,
 * so a workspace cannot send a real-cloud sign-in to another host.
 */
export function appRegistrationFor(environment: EnvironmentName, settings = readAuthSettings()): AppRegistration {
  return resolveAppRegistration({
    cloud: environment,
    clientId: settings.clientId,
    tenant: settings.tenant,
    authorityHost: environment === 'emulator' ? settings.authority : undefined,
  });
}
