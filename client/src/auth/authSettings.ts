// How the sign-in settings (read in config.ts) become a flow and an app registration for the
// current environment.
import * as vscode from 'vscode';
import { type AppRegistration, type SignInFlow, resolveAppRegistration } from '../../../common/src/auth/appRegistration';
import { type AuthSettings, type EnvironmentName, type FlowSetting } from '../config';

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
export function requiresSignIn(environment: EnvironmentName, settings: AuthSettings): boolean {
  return environment !== 'emulator' || settings.authority !== '';
}

/**
 * The app registration for an environment. The authority setting applies to the emulator only,
 * so a workspace cannot send a real-cloud sign-in to another host.
 */
export function appRegistrationFor(environment: EnvironmentName, settings: AuthSettings): AppRegistration {
  return resolveAppRegistration({
    cloud: environment,
    clientId: settings.clientId,
    tenant: settings.tenant,
    authorityHost: environment === 'emulator' ? settings.authority : undefined,
  });
}
