// Everything the handlers share, in one typed object: the connection, the open documents, the
// language service, settings, the catalog proxy and the validation scheduler.
import { type Connection, type TextDocuments } from 'vscode-languageserver';
import { type TextDocument } from 'vscode-languageserver-textdocument';
import { type ParsedRequest, type RequestLanguageService } from '../../common/src/language';
import { type ServerSettings } from '../../common/src/protocol';
import { type RequestKind } from '../../common/src/requestKinds';
import { type ParsedDocumentCache } from './documentCache';
import { type ServerCatalog } from './serverCatalog';

export interface ServerState {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /**
   * The language service. Its modules load on first use (or right after `initialized`), not at
   * start-up: answering `initialize` needs none of them.
   */
  service(): Promise<RequestLanguageService>;
  parsedDocuments: ParsedDocumentCache;
  catalog: ServerCatalog;
  settings: ServerSettings;
  /** Milliseconds between the last change and validation. */
  validationDelayMs: number;
  /** Revalidates every open request document (settings or catalog changed). */
  requestRefresh(): void;
}

export interface RequestDocument {
  document: TextDocument;
  /** The document version that was parsed. */
  version: number;
  parsed: ParsedRequest;
  kind: RequestKind;
  service: RequestLanguageService;
}

/** The parsed document and its request kind, or undefined for JSON files that are not requests. */
export async function requestDocument(state: ServerState, uri: string): Promise<RequestDocument | undefined> {
  const service = await state.service();
  const document = state.documents.get(uri);
  if (!document) return undefined;
  const parsed = state.parsedDocuments.get(service, document);
  const kind = service.kindOf(parsed, state.settings);
  return kind ? { document, version: document.version, parsed, kind, service } : undefined;
}
