// The server core: wires documents, validation and custom requests onto a connection.
import { type Connection, TextDocuments, TextDocumentSyncKind, type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseTree, type ParseError, printParseErrorCode, findNodeAtLocation } from 'jsonc-parser';
import { requestKinds, requestKindFor } from '../../common/src/requestKinds';
import { ServerInfoRequest, ServerStatusNotification } from '../../common/src/protocol';

declare const SERVER_VERSION: string | undefined;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);

  connection.onInitialize(() => ({
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
    },
    serverInfo: { name: 'Partner Center request server' },
  }));

  connection.onInitialized(() => {
    void connection.sendNotification(ServerStatusNotification.type, { ready: true });
  });

  connection.onRequest(ServerInfoRequest.type, () => ({
    version: typeof SERVER_VERSION === 'string' ? SERVER_VERSION : 'dev',
    kinds: requestKinds.map((kind) => kind.id),
  }));

  const validate = (document: TextDocument): void => {
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: basicDiagnostics(document) });
  };
  documents.onDidOpen((e) => validate(e.document));
  documents.onDidChangeContent((e) => validate(e.document));
  documents.onDidClose((e) => void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] }));

  documents.listen(connection);
  connection.listen();
}

/** Until the full rule set lands: the document must be a JSON object of a known request kind. */
function basicDiagnostics(document: TextDocument): Diagnostic[] {
  const text = document.getText();
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const diagnostics: Diagnostic[] = errors.map((e) => ({
    range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) },
    severity: DiagnosticSeverity.Error,
    code: `syntax.${printParseErrorCode(e.error)}`,
    source: 'Partner Center',
    message: `Invalid JSON: ${printParseErrorCode(e.error)}`,
  }));
  const kind = requestKindFor(document.uri);
  if (root && root.type !== 'object') {
    diagnostics.push({
      range: { start: document.positionAt(root.offset), end: document.positionAt(root.offset + root.length) },
      severity: DiagnosticSeverity.Error,
      code: 'request.notAnObject',
      source: 'Partner Center',
      message: `${kind?.title ?? 'A request'} body must be a JSON object.`,
    });
  }
  if (kind?.id === 'order' && root?.type === 'object' && !findNodeAtLocation(root, ['lineItems'])) {
    diagnostics.push({
      range: { start: document.positionAt(root.offset), end: document.positionAt(root.offset + 1) },
      severity: DiagnosticSeverity.Error,
      code: 'order.missingLineItems',
      source: 'Partner Center',
      message: 'An order needs "lineItems".',
    });
  }
  return diagnostics;
}
