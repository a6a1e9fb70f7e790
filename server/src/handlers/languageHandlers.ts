// Completion, hover and quick fixes: look up the document, call the language service, return.
import { type CancellationToken, type CodeAction, type CompletionList, type Hover } from 'vscode-languageserver';
import { documentSnippets } from '../documentSnippets';
import { runSafeAsync } from '../runner';
import { type RequestDocument, requestDocument, type ServerState } from '../serverState';

export function registerLanguageHandlers(state: ServerState): void {
  const { connection } = state;

  connection.onCompletion((params, token) =>
    answerFor<CompletionList | null>(state, params.textDocument.uri, 'completions', null, token, async (target) => {
      const { parsed, kind, service } = target;
      const ids = service.catalogItemIds(parsed, kind);
      // The lists come from the extension the first time, then from the cache.
      const [catalogItems, customers, snippets] = await Promise.all([
        kind.lineItems ? state.catalog.allItems() : undefined,
        kind.customerIdProperty ? state.catalog.allCustomers() : undefined,
        parsed.text.trim() === '' ? documentSnippets((m) => connection.console.error(m)) : undefined,
      ]);
      return service.complete(parsed, kind, params.position, {
        catalog: state.catalog.cachedView(ids),
        catalogItems,
        customers,
        snippets,
      });
    }),
  );

  connection.onHover((params, token) =>
    answerFor<Hover | null>(state, params.textDocument.uri, 'hover', null, token, ({ parsed, kind, service }) => {
      const catalog = state.catalog.cachedView(service.catalogItemIds(parsed, kind));
      return service.hover(parsed, kind, params.position, catalog) ?? null;
    }),
  );

  connection.onCodeAction((params, token) =>
    answerFor<CodeAction[]>(state, params.textDocument.uri, 'code actions', [], token, (target) =>
      target.service.codeActions(target.parsed, params.context.diagnostics),
    ),
  );
}

/**
 * A request about one document: answered by `answer` when it is a request document, else with
 * `fallback`, which is also the answer when `answer` fails (the failure goes to the log).
 */
function answerFor<T>(
  state: ServerState,
  uri: string,
  what: string,
  fallback: T,
  token: CancellationToken,
  answer: (target: RequestDocument) => Promise<T> | T,
) {
  return runSafeAsync<T>(
    state.connection,
    async () => {
      const target = await requestDocument(state, uri);
      return target ? answer(target) : fallback;
    },
    fallback,
    `Error while computing ${what} for ${uri}`,
    token,
  );
}
