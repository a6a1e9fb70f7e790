// The server core: builds the shared state on a connection and registers one handler module per
// concern (validation, language features, settings). The entry file (server.ts) only makes the
// connection.
import { CodeActionKind, type Connection, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { type RequestLanguageService } from '../../common/src/language';
import { ServerInfoRequest, type ServerSettings, ServerStatusNotification } from '../../common/src/protocol';
import { requestKinds } from '../../common/src/requestKinds';
import { ParsedDocumentCache } from './documentCache';
import { languagePart } from './parts';
import { registerCheckOnceHandler } from './handlers/checkOnceHandler';
import { registerLanguageHandlers } from './handlers/languageHandlers';
import { normalizeSettings, registerSettingsHandlers, settingsWarner } from './handlers/settingsHandlers';
import { registerValidationHandlers } from './handlers/validationHandler';
import { ServerCatalog } from './serverCatalog';
import { type ServerState } from './serverState';

declare const SERVER_VERSION: string | undefined;

/** What the extension passes in `initializationOptions`. */
export interface InitializationOptions {
  settings?: Partial<ServerSettings>;
  /** Debounce of validation after a change; tests shorten it. Default 250 ms. */
  validationDelayMs?: number;
}

export function runLanguageServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  // The language modules (parser, schemas, validators, rules) are a part of their own (parts.ts),
  // loaded when first needed: after `initialized`, or by the first request.
  let service: Promise<RequestLanguageService> | undefined;
  const loadService = () => (service ??= Promise.resolve().then(() => languagePart().getLanguageService()));
  const state: ServerState = {
    connection,
    documents,
    service: loadService,
    parsedDocuments: new ParsedDocumentCache(),
    catalog: new ServerCatalog(connection),
    settings: { requestFiles: {} },
    validationDelayMs: 250,
    requestRefresh: () => undefined,
  };

  const warn = settingsWarner(state);

  connection.onInitialize((params) => {
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    state.settings = normalizeSettings(options.settings, warn);
    if (typeof options.validationDelayMs === 'number' && options.validationDelayMs >= 0) {
      state.validationDelayMs = options.validationDelayMs;
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['"', ':'] },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll] },
      },
      serverInfo: { name: 'Partner Center request server', version: typeof SERVER_VERSION === 'string' ? SERVER_VERSION : 'dev' },
    };
  });

  connection.onInitialized(() => {
    void connection.sendNotification(ServerStatusNotification.type, { ready: true });
    // Warm up now, so the first document does not wait for the modules.
    loadService().catch((err: unknown) => connection.console.error(`Loading the language service failed: ${String(err)}`));
  });

  connection.onRequest(ServerInfoRequest.type, () => ({
    version: typeof SERVER_VERSION === 'string' ? SERVER_VERSION : 'dev',
    kinds: requestKinds.map((kind) => kind.id),
  }));

  const validation = registerValidationHandlers(state);
  state.requestRefresh = validation.refreshAll;
  registerLanguageHandlers(state);
  registerSettingsHandlers(state, warn);
  registerCheckOnceHandler(state);

  documents.listen(connection);
  connection.listen();
}
