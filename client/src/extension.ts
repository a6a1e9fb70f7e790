// The extension's entry: activate only composes the parts; each part registers its own disposables.
import * as vscode from 'vscode';
import { registerCommands } from './commands';
import { PartnerCenterConnection } from './connection';
import { EmulatorLauncher } from './emulatorLauncher';
import { registerExplorer } from './explorer/registerExplorer';
import { registerLanguageClient } from './language/languageClient';

/** What activate returns; the integration tests use it to reach the parts. */
export interface PartnerCenterExtensionApi {
  connection: PartnerCenterConnection;
  languageClientReady: Promise<unknown>;
  explorer: ReturnType<typeof registerExplorer>;
}

export function activate(context: vscode.ExtensionContext): PartnerCenterExtensionApi {
  const log = vscode.window.createOutputChannel('Partner Center', { log: true });
  const connection = new PartnerCenterConnection(log);
  const emulator = new EmulatorLauncher(context, log);
  const languageClient = registerLanguageClient(context, log);
  context.subscriptions.push(log, connection, emulator, languageClient);
  const explorer = registerExplorer(context, connection, log);
  registerCommands(context, log, emulator);
  log.info(`Partner Center activated (${connection.current.label}).`);
  return { connection, languageClientReady: languageClient.ready, explorer };
}

export function deactivate(): void {
  // Everything is in context.subscriptions and is disposed by VS Code.
}
