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
  service: RequestLanguageService;
  parsedDocuments: ParsedDocumentCache;
  catalog: ServerCatalog;
  settings: ServerSettings;
  /** Milliseconds between the last change and validation. */
  validationDelayMs: number;
  /** Revalidates every open request document (settings or catalog changed). */
  requestRefresh(): void;
}

/** The parsed document and its request kind, or undefined for JSON files that are not requests. */
export function requestDocument(state: ServerState, uri: string): { document: TextDocument; parsed: ParsedRequest; kind: RequestKind } | undefined {
  const document = state.documents.get(uri);
  if (!document) return undefined;
  const parsed = state.parsedDocuments.get(document);
  const kind = state.service.kindOf(parsed, state.settings);
  return kind ? { document, parsed, kind } : undefined;
}
