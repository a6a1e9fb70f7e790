// Starts the request language server the first time a request document is open, not at activation:
// people who only browse the explorer never pay for a server process.
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind, type DocumentSelector } from 'vscode-languageclient/node';
import { allRequestFilePatterns } from '../../../common/src/requestKinds';
import { ServerStatusNotification } from '../../../common/src/protocol';

export interface RequestLanguageClient extends vscode.Disposable {
  /** Resolves with the running client once a request document has been opened and the server is ready. */
  readonly ready: Promise<LanguageClient>;
}

export function requestDocumentSelector(): DocumentSelector {
  return allRequestFilePatterns().map((glob) => ({ pattern: `**/${glob}` }));
}

export function registerLanguageClient(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): RequestLanguageClient {
  const selector = requestDocumentSelector();
  let client: LanguageClient | undefined;
  let resolveReady!: (client: LanguageClient) => void;
  let rejectReady!: (reason: unknown) => void;
  const ready = new Promise<LanguageClient>((resolve, reject) => {
    resolveReady = resolve;
    rejectReady = reject;
  });
  // Keep an unobserved failure from being reported as unhandled; callers that await `ready` still see it.
  ready.catch(() => undefined);

  const start = async (): Promise<void> => {
    if (client) return;
    const serverModule = context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: selector,
      outputChannel: log,
      diagnosticCollectionName: 'partnerCenter',
      // The server is started by the open of a request document, usually before its editor tab is
      // visible. Without delayed open notifications, the client would park such a document and never
      // send it; with them it is sent as soon as its tab shows (and background documents cost nothing).
      textSynchronization: { delayOpenNotifications: true },
    };
    client = new LanguageClient('partnerCenter', 'Partner Center Requests', serverOptions, clientOptions);
    const serverReady = new Promise<void>((resolve) => {
      client!.onNotification(ServerStatusNotification.type, (status) => {
        if (status.ready) resolve();
      });
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

  const isRequestDocument = (doc: vscode.TextDocument) => vscode.languages.match(selector as vscode.DocumentSelector, doc) > 0;
  const maybeStart = (doc: vscode.TextDocument) => {
    if (!client && isRequestDocument(doc)) void start();
  };
  const subscription = vscode.workspace.onDidOpenTextDocument(maybeStart);
  vscode.workspace.textDocuments.forEach(maybeStart);

  return {
    ready,
    dispose: () => {
      subscription.dispose();
      if (client?.isRunning()) void client.stop();
    },
  };
}
