// Validation on change, debounced per document: one pending timer per URI; a result is published
// only if its timer is still the current one and the document has not changed since, so a slow
// catalog answer can never overwrite newer diagnostics. Closing a document clears its diagnostics.
import { type Diagnostic } from 'vscode-languageserver';
import { type TextDocument } from 'vscode-languageserver-textdocument';
import { requestDocument, type ServerState } from '../serverState';

export interface ValidationScheduler {
  schedule(document: TextDocument, delayMs?: number): void;
  refreshAll(): void;
}

export function registerValidationHandlers(state: ServerState): ValidationScheduler {
  const pending = new Map<string, NodeJS.Timeout>();

  const validate = async (uri: string, timer: NodeJS.Timeout): Promise<void> => {
    const target = await requestDocument(state, uri);
    if (!target) {
      // Not (or no longer) a request document, for example after a settings change.
      if (pending.get(uri) === timer) void state.connection.sendDiagnostics({ uri, diagnostics: [] });
      return;
    }
    const { parsed, kind, service, version } = target;
    const catalog = await state.catalog.view(service.catalogItemIds(parsed, kind));
    // Stale: a newer change has its own timer, or the document moved on or closed meanwhile.
    if (pending.get(uri) !== timer || state.documents.get(uri)?.version !== version) return;
    pending.delete(uri);
    let diagnostics: Diagnostic[];
    try {
      // VS Code's JSON support reports syntax errors of these files; reporting them too would show each twice.
      diagnostics = service.validate(parsed, kind, { catalog, reportSyntaxErrors: false });
    } catch (err) {
      state.connection.console.error(
        `Validation of ${uri} failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`,
      );
      // The previous version's diagnostics would stay on screen and describe text that is gone:
      // replace them with the one thing known, that this version was not checked.
      diagnostics = [service.notChecked(err)];
    }
    void state.connection.sendDiagnostics({ uri, version, diagnostics });
  };

  const schedule = (document: TextDocument, delayMs = state.validationDelayMs): void => {
    const uri = document.uri;
    clearTimeout(pending.get(uri));
    const timer: NodeJS.Timeout = setTimeout(() => {
      validate(uri, timer).catch((err: unknown) => state.connection.console.error(`Validation of ${uri} failed: ${String(err)}`));
    }, delayMs);
    pending.set(uri, timer);
  };

  state.documents.onDidOpen((e) => schedule(e.document, 0));
  state.documents.onDidChangeContent((e) => schedule(e.document));
  state.documents.onDidClose((e) => {
    clearTimeout(pending.get(e.document.uri));
    pending.delete(e.document.uri);
    state.parsedDocuments.delete(e.document.uri);
    void state.connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  return {
    schedule,
    refreshAll: () => state.documents.all().forEach((document) => schedule(document, 0)),
  };
}
