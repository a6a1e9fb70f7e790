// Completion, hover and quick fixes: look up the document, call the language service, return.
import { type CancellationToken, type CodeAction, CodeActionKind, type CompletionList, type Hover } from 'vscode-languageserver';
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
    answerFor<CodeAction[]>(state, params.textDocument.uri, 'code actions', [], token, ({ parsed, kind, service }) => {
      // A kind is wanted when nothing is asked for, or when it is (or is below) a kind asked for.
      const only = params.context.only;
      const wants = (wanted: string) => !only || only.some((o) => wanted === o || wanted.startsWith(`${o}.`));
      const actions = wants(CodeActionKind.QuickFix) ? service.codeActions(parsed, params.context.diagnostics) : [];
      // Fix all reads the whole document's diagnostics, so it is worked out only when asked for by
      // name (the Source Action menu, editor.codeActionsOnSave), not for every light bulb.
      if (only && wants(CodeActionKind.SourceFixAll)) {
        const catalog = state.catalog.cachedView(service.catalogItemIds(parsed, kind));
        const all = service.validate(parsed, kind, { catalog, reportSyntaxErrors: false });
        const fixAll = service.fixAll(parsed, all);
        if (fixAll) actions.push(fixAll);
      }
      return actions;
    }),
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
