// The extension's entry: activate only composes the parts; each part registers its own disposables.
import * as vscode from 'vscode';
import { registerAuth } from './auth/registerAuth';
import { registerCommands } from './commands';
import { PartnerCenterConnection } from './connection';
import { EmulatorLauncher } from './emulatorLauncher';
import { registerExplorer } from './explorer/registerExplorer';
import { createExtensionCatalogSource } from './language/catalogSource';
import { registerLanguageClient } from './language/languageClient';
import { registerRun, type RunApi } from './run/registerRun';

/** What activate returns; the integration tests use it to reach the parts. */
export interface PartnerCenterExtensionApi {
  connection: PartnerCenterConnection;
  languageClientReady: Promise<unknown>;
  explorer: ReturnType<typeof registerExplorer>;
  run: RunApi;
}

export function activate(context: vscode.ExtensionContext): PartnerCenterExtensionApi | undefined {
  const log = vscode.window.createOutputChannel('Partner Center', { log: true });
  const connection = new PartnerCenterConnection(log);
  const emulator = new EmulatorLauncher(context, log);
  // The language server reads the catalog through the extension's client; it never holds a token.
  const catalog = createExtensionCatalogSource(() => connection.tryGetClient());
  const languageClient = registerLanguageClient(context, log, catalog);
  context.subscriptions.push(log, connection, emulator, languageClient);
  context.subscriptions.push(connection.onDidChange(() => {
    catalog.invalidate();
    languageClient.catalogChanged();
  }));
  const explorer = registerExplorer(context, connection, log);
  registerCommands(context, log, emulator);
  registerAuth(context, log, connection);
  const run = registerRun(context, connection, log, explorer);
  log.info(`Partner Center activated (${connection.current.label}).`);
  // The parts are handed out only to tests and development hosts: in production another
  // extension could otherwise replace the purchase confirmation or ask for a token.
  if (context.extensionMode === vscode.ExtensionMode.Production) return undefined;
  return { connection, languageClientReady: languageClient.ready, explorer, run };
}

export function deactivate(): void {
  // Everything is in context.subscriptions and is disposed by VS Code.
}
