// The request language, as activation sets it up: watch for the first request document and only
// then load the language client part and start the server (issue 14). Until then the only cost of
// a JSON file is the cheap check in requestDocuments.ts. Also registers Check This Document Once,
// for documents too large to check as you type.
import * as vscode from 'vscode';
import { type LanguageClient } from 'vscode-languageclient/node';
import { type ServerSettings } from '../../../common/src/protocol';
import { type Config } from '../config';
import { type PartContext } from '../partContext';
import { apiPart, languageClientPart } from '../parts';
import { type StartedLanguageClient } from '../parts/languageClient';
import { catalogOnDemand } from './catalogOnDemand';
import { isCheckedRequestDocument, requestKindOf } from './requestDocuments';
import { registerSchemaPlaceholder } from './schemaPlaceholder';

export interface RequestLanguage {
  /** Resolves with the running client once a request document has been opened and the server is ready. */
  readonly ready: Promise<LanguageClient>;
}

function readServerSettings(config: Config): ServerSettings {
  return { requestFiles: config.requestFiles };
}

export function registerLanguage(ctx: PartContext): RequestLanguage {
  const { extensionContext: context, config, log, connection } = ctx;
  // The language server reads the catalog through the extension's client; it never holds a token.
  const catalog = catalogOnDemand(() => apiPart().createExtensionCatalogSource(() => connection.tryGetClient()));
  let settings = readServerSettings(config);
  let started: StartedLanguageClient | undefined;
  let resolveReady!: (client: LanguageClient) => void;
  let rejectReady!: (reason: unknown) => void;
  const ready = new Promise<LanguageClient>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Keep an unobserved failure from being reported as unhandled; callers that await `ready` still see it.
  ready.catch(() => undefined);

  const start = (): StartedLanguageClient => {
    if (started) return started;
    const running = languageClientPart().startLanguageClient(context, log, catalog, settings);
    started = running;
    running.ready.then(
      () => {
        log.info('Request language server started.');
        resolveReady(running.client);
      },
      (err: unknown) => {
        log.error(`Request language server failed to start: ${err instanceof Error ? err.message : String(err)}`);
        rejectReady(err);
      },
    );
    return running;
  };

  const maybeStart = (doc: vscode.TextDocument) => {
    if (!started && isCheckedRequestDocument(doc, settings.requestFiles)) start();
  };

  const checkOnce = async (arg?: vscode.Uri): Promise<number | undefined> => {
    const document =
      arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
    if (!document || !requestKindOf(document, settings.requestFiles)) {
      void vscode.window.showInformationMessage(
        'Partner Center: open a request document (*.order.json, *.cart.json, ...) to check it.',
      );
      return undefined;
    }
    const name = document.uri.path.split('/').pop();
    const count = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Partner Center: checking ${name}…` },
      () => start().checkOnce(document.uri),
    );
    if (count !== undefined) {
      void vscode.window.showInformationMessage(
        `Partner Center: checked ${name} once: ${count === 0 ? 'no problems' : `${count} problem${count === 1 ? '' : 's'}, shown in the Problems view`}. It is not checked again as you type.`,
      );
    }
    return count;
  };

  context.subscriptions.push(
    registerSchemaPlaceholder(),
    vscode.workspace.onDidOpenTextDocument(maybeStart),
    config.onDidChange((change) => {
      if (!change.affects('requestFiles')) return;
      settings = readServerSettings(config);
      if (started) started.settingsChanged(settings);
      else vscode.workspace.textDocuments.forEach(maybeStart);
    }),
    vscode.commands.registerCommand('partnerCenter.checkDocumentOnce', checkOnce),
    // Sign-in, sign-out or another environment: the catalog is refetched and open documents re-checked.
    connection.onDidChange(() => {
      catalog.invalidate();
      started?.catalogChanged();
    }),
    { dispose: () => started?.dispose() },
  );
  vscode.workspace.textDocuments.forEach(maybeStart);
  return { ready };
}
