// The request language, as activation sets it up: watch for the first request document and only
// then load the language client part and start the server (issue 14). Until then the only cost of
// a JSON file is the cheap check in requestDocuments.ts. Also registers Check This Document Once,
// for documents too large to check as you type.
import * as vscode from 'vscode';
import { type LanguageClient } from 'vscode-languageclient/node';
import { type CatalogSource } from '../../../common/src/language/catalog';
import { type ServerSettings } from '../../../common/src/protocol';
import { config } from '../config';
import { languageClientPart } from '../parts';
import { type StartedLanguageClient } from '../parts/languageClient';
import { isCheckedRequestDocument, requestKindOf } from './requestDocuments';
import { registerSchemaPlaceholder } from './schemaPlaceholder';

export interface RequestLanguageClient extends vscode.Disposable {
  /** Resolves with the running client once a request document has been opened and the server is ready. */
  readonly ready: Promise<LanguageClient>;
  /** Tell the server the catalog changed (sign-in, sign-out, environment switch): it re-checks open documents. */
  catalogChanged(): void;
}

function readServerSettings(): ServerSettings {
  return { requestFiles: config.requestFiles };
}

export function registerLanguage(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, catalog: CatalogSource): RequestLanguageClient {
  let settings = readServerSettings();
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
    running.ready.then(() => {
      log.info('Request language server started.');
      resolveReady(running.client);
    }, (err: unknown) => {
      log.error(`Request language server failed to start: ${err instanceof Error ? err.message : String(err)}`);
      rejectReady(err);
    });
    return running;
  };

  const maybeStart = (doc: vscode.TextDocument) => {
    if (!started && isCheckedRequestDocument(doc, settings.requestFiles)) start();
  };

  const checkOnce = async (arg?: vscode.Uri): Promise<number | undefined> => {
    const document = arg instanceof vscode.Uri ? await vscode.workspace.openTextDocument(arg) : vscode.window.activeTextEditor?.document;
    if (!document || !requestKindOf(document, settings.requestFiles)) {
      void vscode.window.showInformationMessage('Partner Center: open a request document (*.order.json, *.cart.json, ...) to check it.');
      return undefined;
    }
    const name = document.uri.path.split('/').pop();
    const count = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Partner Center: checking ${name}…` }, () => start().checkOnce(document.uri));
    if (count !== undefined) void vscode.window.showInformationMessage(`Partner Center: checked ${name} once: ${count === 0 ? 'no problems' : `${count} problem${count === 1 ? '' : 's'}, shown in the Problems view`}. It is not checked again as you type.`);
    return count;
  };

  const subscriptions: vscode.Disposable[] = [
    registerSchemaPlaceholder(),
    vscode.workspace.onDidOpenTextDocument(maybeStart),
    config.onDidChange((change) => {
      if (!change.affects('requestFiles')) return;
      settings = readServerSettings();
      if (started) started.settingsChanged(settings);
      else vscode.workspace.textDocuments.forEach(maybeStart);
    }),
    vscode.commands.registerCommand('partnerCenter.checkDocumentOnce', checkOnce),
  ];
  vscode.workspace.textDocuments.forEach(maybeStart);

  return {
    ready,
    catalogChanged: () => started?.catalogChanged(),
    dispose: () => {
      subscriptions.forEach((d) => d.dispose());
      started?.dispose();
    },
  };
}
