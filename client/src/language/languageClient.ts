// Starts the request language server and its client. This file is in the languageClient part
// (dist/client-languageClient.js, with vscode-languageclient): registerLanguage.ts, in the entry,
// loads it when the first request document opens, so other JSON files never pay for it. The
// client also answers the server's catalog requests (catalogRequests.ts) and forwards
// `partnerCenter.requestFiles`.
import * as vscode from 'vscode';
import { type Diagnostic as LspDiagnostic } from 'vscode-languageserver-types';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
  type DocumentSelector,
} from 'vscode-languageclient/node';
import { type CatalogSource } from '../../../common/src/language/catalog';
import { codes } from '../../../common/src/language/codes';
import {
  CatalogChangedNotification,
  CheckDocumentOnceRequest,
  DidChangeServerSettingsNotification,
  type ServerSettings,
  ServerStatusNotification,
} from '../../../common/src/protocol';
import { registerCatalogHandlers } from './catalogRequests';
import { isCheckedRequestDocument } from './requestDocuments';

/** The running client, as the entry sees it. */
export interface StartedLanguageClient extends vscode.Disposable {
  readonly client: LanguageClient;
  /** Resolves once the server said it is ready. */
  readonly ready: Promise<void>;
  settingsChanged(settings: ServerSettings): void;
  catalogChanged(): void;
  /** Checks the document once whatever its size; resolves with the number of diagnostics, or undefined when it is not a request document. */
  checkOnce(uri: vscode.Uri): Promise<number | undefined>;
}

/**
 * Every JSON document: the user's `partnerCenter.requestFiles` globs can change at any time, so the
 * server sees all JSON files and decides by kind. Middleware keeps requests for other JSON files
 * from travelling to the server at all.
 */
export function requestDocumentSelector(): DocumentSelector {
  return [{ language: 'json' }, { language: 'jsonc' }];
}

export function startLanguageClient(
  context: vscode.ExtensionContext,
  log: vscode.LogOutputChannel,
  catalog: CatalogSource,
  initialSettings: ServerSettings,
): StartedLanguageClient {
  let settings = initialSettings;
  const onlyRequests = <T>(doc: vscode.TextDocument, run: () => T): T | undefined =>
    isCheckedRequestDocument(doc, settings.requestFiles) ? run() : undefined;
  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: requestDocumentSelector(),
    outputChannel: log,
    diagnosticCollectionName: 'partnerCenter',
    initializationOptions: { settings },
    middleware: {
      provideCompletionItem: (doc, position, ctx, token, next) => onlyRequests(doc, () => next(doc, position, ctx, token)),
      provideHover: (doc, position, token, next) => onlyRequests(doc, () => next(doc, position, token)),
      provideCodeActions: (doc, range, ctx, token, next) => onlyRequests(doc, () => next(doc, range, ctx, token)),
    },
  };
  const client = new LanguageClient('partnerCenter', 'Partner Center Requests', serverOptions, clientOptions);
  const disposables: vscode.Disposable[] = [...registerCatalogHandlers(client, catalog), registerCheckOnceAction()];
  const serverReady = new Promise<void>((resolve) => {
    disposables.push(
      client.onNotification(ServerStatusNotification.type, (status) => {
        if (status.ready) resolve();
      }),
    );
  });
  const ready = client.start().then(() => serverReady);
  return {
    client,
    ready,
    settingsChanged: (next) => {
      settings = next;
      if (client.isRunning()) void client.sendNotification(DidChangeServerSettingsNotification.type, settings);
    },
    catalogChanged: () => {
      if (client.isRunning()) void client.sendNotification(CatalogChangedNotification.type);
    },
    checkOnce: async (uri) => {
      await ready;
      const result = await client.sendRequest(CheckDocumentOnceRequest.type, { uri: client.code2ProtocolConverter.asUri(uri) });
      return result.checked ? result.diagnostics : undefined;
    },
    dispose: () => {
      disposables.forEach((d) => d.dispose());
      void client.stop();
    },
  };
}

/** On "too large to check as you type", a quick fix that runs Check This Document Once. */
function registerCheckOnceAction(): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    [{ language: 'json' }, { language: 'jsonc' }],
    {
      provideCodeActions: (document, _range, context) => {
        const tooLarge = context.diagnostics.filter((d) => codeOf(d) === codes.tooLarge);
        if (tooLarge.length === 0) return [];
        const action = new vscode.CodeAction('Check this document once', vscode.CodeActionKind.QuickFix);
        action.diagnostics = tooLarge;
        action.command = {
          command: 'partnerCenter.checkDocumentOnce',
          title: 'Check This Document Once',
          arguments: [document.uri],
        };
        return [action];
      },
    },
    { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
  );
}

function codeOf(diagnostic: vscode.Diagnostic): LspDiagnostic['code'] {
  const code = diagnostic.code;
  return typeof code === 'object' ? code.value : code;
}
