// The extension's entry: activate only composes the parts. Each takes the same PartContext
// (partContext.ts) and registers its own disposables.
// This bundle is small on purpose (issue 14): the language client, the API client (undici), sign-in
// (msal) and the sending core are parts loaded on first use (parts.ts), so activating for a
// package.json costs only this file.
import * as vscode from 'vscode';
import { registerAgentTools } from './agentTools/registerAgentTools';
import { type AccountManager } from './auth/accountManager';
import { registerAuth } from './auth/registerAuth';
import { registerCommands } from './commands';
import { config } from './config';
import { PartnerCenterConnection } from './connection';
import { type Explorer, registerExplorer } from './explorer/registerExplorer';
import { registerLanguage } from './language/registerLanguage';
import { type PartContext } from './partContext';
import { loadedParts, onPartLoaded } from './parts';
import { registerLifecycle } from './lifecycle/registerLifecycle';
import { registerRun } from './run/registerRun';
import { windowRunHost } from './run/runHost';
import { runTestApi, type RunTestApi } from './run/runTestApi';
import { TestRunHost } from './run/testRunHost';

/** A look into SecretStorage: the names the extension wrote and their values. */
export interface SecretInspection {
  keys(): string[];
  read(key: string): Promise<string | undefined>;
}

/** What activate returns outside production; the integration tests use it to reach the parts. */
export interface PartnerCenterExtensionApi {
  connection: PartnerCenterConnection;
  languageClientReady: Promise<unknown>;
  explorer: Explorer;
  run: RunTestApi;
  auth: { accounts: AccountManager; secrets: SecretInspection };
  /** The parts loaded so far (parts.ts), with their load times; the start-up test reads it. */
  loadedParts(): ReadonlyMap<string, number>;
  /** How long activate took, in milliseconds; the benchmark reads it. */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): PartnerCenterExtensionApi | undefined {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Partner Center', { log: true });
  onPartLoaded((name, ms) => log.info(`Loaded the ${name} part on first use in ${ms.toFixed(1)} ms.`));
  const connection = new PartnerCenterConnection(config, log);
  context.subscriptions.push(log, connection);
  const ctx: PartContext = { extensionContext: context, config, log, connection };

  const language = registerLanguage(ctx);
  const explorer = registerExplorer(ctx);
  registerCommands(ctx);
  const auth = registerAuth(ctx);
  // The test host exists only outside production: no other extension can replace the purchase confirmation.
  const testRunHost = context.extensionMode === vscode.ExtensionMode.Production ? undefined : new TestRunHost();
  const run = registerRun(ctx, explorer, explorer.provider.poller.follower, testRunHost);
  registerAgentTools(ctx);
  registerLifecycle(ctx, explorer, run, testRunHost ?? windowRunHost);

  const activationMs = performance.now() - started;
  log.info(
    `Partner Center activated (${connection.current.label}) in ${activationMs.toFixed(1)} ms; nothing else is loaded until it is used.`,
  );
  // The parts are handed out only to tests and development hosts: in production another
  // extension could otherwise replace the purchase confirmation or ask for a token.
  if (!testRunHost) return undefined;
  const secrets: SecretInspection = { keys: () => auth.secrets.keys(), read: (key) => auth.secrets.get(key) };
  return {
    connection,
    languageClientReady: language.ready,
    explorer,
    run: runTestApi(run, testRunHost),
    auth: { accounts: auth.accounts, secrets },
    loadedParts,
    activationMs,
  };
}

export function deactivate(): void {
  // Everything is in context.subscriptions and is disposed by VS Code.
}
