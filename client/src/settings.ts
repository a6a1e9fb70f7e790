// Typed access to the extension's settings, so no other file spells a setting's name.
import * as vscode from 'vscode';

export type EnvironmentName = 'emulator' | 'global' | 'usGovernment' | 'china21Vianet';

export const SECTION = 'partnerCenter';

export interface Settings {
  environment: EnvironmentName;
  emulatorUrl: string;
  pageSize: number;
  /** First delay between polls of a pending order or subscription; 0 turns polling off. */
  pollIntervalSeconds: number;
  /** VS Code's own proxy setting (`http.proxy`); the API client otherwise honours HTTPS_PROXY. */
  proxy: string | undefined;
}

export function readSettings(): Settings {
  const config = vscode.workspace.getConfiguration(SECTION);
  return {
    environment: config.get<EnvironmentName>('environment', 'emulator'),
    emulatorUrl: config.get<string>('emulatorUrl', 'http://127.0.0.1:8787').replace(/\/+$/, ''),
    pageSize: config.get<number>('explorer.pageSize', 40),
    pollIntervalSeconds: Math.max(0, config.get<number>('explorer.pollIntervalSeconds', 5)),
    proxy: vscode.workspace.getConfiguration('http').get<string>('proxy') || undefined,
  };
}

export function onSettingsChanged(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(SECTION) || e.affectsConfiguration('http.proxy')) listener();
  });
}
