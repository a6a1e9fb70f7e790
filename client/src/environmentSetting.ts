// Changing which Partner Center the extension talks to. The setting is written where its current
// value comes from (folder, workspace or user), so a workspace value cannot silently win over it.
import * as vscode from 'vscode';
import { type EnvironmentName, readSettings, SECTION } from './settings';

/** Sets `partnerCenter.environment`; resolves false when nothing had to change. */
export async function setEnvironment(environment: EnvironmentName): Promise<boolean> {
  if (readSettings().environment === environment) return false;
  const config = vscode.workspace.getConfiguration(SECTION);
  const inspected = config.inspect('environment');
  const target = inspected?.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
  await config.update('environment', environment, target);
  return true;
}
