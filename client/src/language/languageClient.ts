// Starts the request language server the first time a request document is open, not at activation:
// people who only browse the explorer never pay for a server process. The client also answers the
// server's catalog requests (catalogRequests.ts) and forwards `partnerCenter.requestFiles`.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind, type DocumentSelector } from 'vscode-languageclient/node';
import { type CatalogSource } from '../../../common/src/language/catalog';
import { requestKindFor, schemaRefIn } from '../../../common/src/requestKinds';
import { CatalogChangedNotification, DidChangeServerSettingsNotification, type ServerSettings, ServerStatusNotification } from '../../../common/src/protocol';
import { registerCatalogHandlers } from './catalogRequests';
import { registerSchemaPlaceholder } from './schemaPlaceholder';

export interface RequestLanguageClient extends vscode.Disposable {
  /** Resolves with the running client once a request document has been opened and the server is ready. */
  readonly ready: Promise<LanguageClient>;
  /** Tell the server the catalog changed (sign-in, sign-out, environment switch): it re-checks open documents. */
  catalogChanged(): void;
}

/**
 * Every JSON document: the user's `partnerCenter.requestFiles` globs can change at any time, so the
 * server sees all JSON files and decides by kind. Middleware keeps requests for other JSON files
 * from travelling to the server at all.
 */
export function requestDocumentSelector(): DocumentSelector {
  return [{ language: 'json' }, { language: 'jsonc' }];
}

function readServerSettings(): ServerSettings {
  const requestFiles = vscode.workspace.getConfiguration('partnerCenter').get<Record<string, string>>('requestFiles', {});
  return { requestFiles: { ...requestFiles } };
}

function isRequestDocument(doc: vscode.TextDocument, settings: ServerSettings): boolean {
  if (doc.languageId !== 'json' && doc.languageId !== 'jsonc') return false;
  const schemaRef = schemaRefIn(doc.getText(new vscode.Range(0, 0, 20, 0)));
  return requestKindFor(doc.uri.toString(), schemaRef, settings.requestFiles) !== undefined;
}

/** Until the extension passes its API-backed source, catalog rules report themselves off. */
const NO_CATALOG: CatalogSource = {
  resolveItems: () => Promise.resolve({ available: false, reason: 'no Partner Center account is connected.', items: {} }),
  listItems: () => Promise.resolve({ available: false, items: [] }),
  listCustomers: () => Promise.resolve({ available: false, customers: [] }),
};

export function registerLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, catalog: CatalogSource = NO_CATALOG): RequestLanguageClient {
  let settings = readServerSettings();
  let client: LanguageClient | undefined;
  const clientDisposables: vscode.Disposable[] = [];
  let resolveReady!: (client: LanguageClient) => void;
  let rejectReady!: (reason: unknown) => void;
  const ready = new Promise<LanguageClient>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Keep an unobserved failure from being reported as unhandled; callers that await `ready` still see it.
  ready.catch(() => undefined);

  const onlyRequests = <T>(doc: vscode.TextDocument, run: () => T): T | undefined => (isRequestDocument(doc, settings) ? run() : undefined);

  const start = async (): Promise<void> => {
    if (client) return;
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
    client = new LanguageClient('partnerCenter', 'Partner Center Requests', serverOptions, clientOptions);
    clientDisposables.push(...registerCatalogHandlers(client, catalog));
    const serverReady = new Promise<void>((resolve) => {
      clientDisposables.push(client!.onNotification(ServerStatusNotification.type, (status) => {
        if (status.ready) resolve();
      }));
    });
    try {
      await client.start();
      await serverReady;
      log.info('Request language server started.');
      resolveReady(client);
    } catch (err) {
      log.error(`Request language server failed to start: ${err instanceof Error ? err.message : String(err)}`);
      rejectReady(err);
    }
  };

  const maybeStart = (doc: vscode.TextDocument) => {
    if (!client && isRequestDocument(doc, settings)) void start();
  };
  const subscriptions: vscode.Disposable[] = [
    registerSchemaPlaceholder(),
    vscode.workspace.onDidOpenTextDocument(maybeStart),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('partnerCenter.requestFiles')) return;
      settings = readServerSettings();
      if (client?.isRunning()) void client.sendNotification(DidChangeServerSettingsNotification.type, settings);
      else vscode.workspace.textDocuments.forEach(maybeStart);
    }),
  ];
  vscode.workspace.textDocuments.forEach(maybeStart);

  return {
    ready,
    catalogChanged: () => {
      if (client?.isRunning()) void client.sendNotification(CatalogChangedNotification.type);
    },
    dispose: () => {
      subscriptions.forEach((d) => d.dispose());
      clientDisposables.forEach((d) => d.dispose());
      void client?.stop();
    },
  };
}
