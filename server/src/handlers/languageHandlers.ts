// Completion, hover and quick fixes: look up the document, call the language service, return.
import { type CodeAction, type CompletionList, type Hover } from 'vscode-languageserver';
import { runSafeAsync } from '../runner';
import { requestDocument, type ServerState } from '../serverState';

export function registerLanguageHandlers(state: ServerState): void {
  const { connection } = state;

  connection.onCompletion((params, token) =>
    runSafeAsync<CompletionList | null>(
      connection,
      async () => {
        const target = await requestDocument(state, params.textDocument.uri);
        if (!target) return null;
        const { parsed, kind, service } = target;
        const ids = service.catalogItemIds(parsed, kind);
        // The lists come from the extension the first time, then from the cache.
        const [catalogItems, customers] = await Promise.all([
          kind.lineItems ? state.catalog.allItems() : undefined,
          kind.customerIdProperty ? state.catalog.allCustomers() : undefined,
        ]);
        return service.complete(parsed, kind, params.position, {
          catalog: state.catalog.cachedView(ids),
          catalogItems,
          customers,
        });
      },
      null,
      `Error while computing completions for ${params.textDocument.uri}`,
      token,
    ),
  );

  connection.onHover((params, token) =>
    runSafeAsync<Hover | null>(
      connection,
      async () => {
        const target = await requestDocument(state, params.textDocument.uri);
        if (!target) return null;
        const { parsed, kind, service } = target;
        return (
          service.hover(parsed, kind, params.position, state.catalog.cachedView(service.catalogItemIds(parsed, kind))) ?? null
        );
      },
      null,
      `Error while computing hover for ${params.textDocument.uri}`,
      token,
    ),
  );

  connection.onCodeAction((params, token) =>
    runSafeAsync<CodeAction[]>(
      connection,
      async () => {
        const target = await requestDocument(state, params.textDocument.uri);
        if (!target) return [];
        return target.service.codeActions(target.parsed, params.context.diagnostics);
      },
      [],
      `Error while computing code actions for ${params.textDocument.uri}`,
      token,
    ),
  );
}
