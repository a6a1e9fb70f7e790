// Check This Document Once: a document too large to check as you type is checked whole, once, when
// the extension asks (the size limit only keeps typing responsive). Its diagnostics stay until the
// document changes; the next debounced check reports it too large again.
import { CheckDocumentOnceRequest } from '../../../common/src/protocol';
import { type ServerState } from '../serverState';

export function registerCheckOnceHandler(state: ServerState): void {
  state.connection.onRequest(CheckDocumentOnceRequest.type, async ({ uri }) => {
    const service = await state.service();
    const document = state.documents.get(uri);
    if (!document) return { checked: false, diagnostics: 0 };
    const parsed = service.parse(uri, document.getText(), Infinity);
    const kind = service.kindOf(parsed, state.settings);
    if (!kind) return { checked: false, diagnostics: 0 };
    const catalog = await state.catalog.view(service.catalogItemIds(parsed, kind));
    let diagnostics;
    try {
      // Syntax errors too: VS Code's JSON support does not check documents this large.
      diagnostics = service.validate(parsed, kind, { catalog, reportSyntaxErrors: true });
    } catch (err) {
      diagnostics = [service.notChecked(err)];
    }
    void state.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    return { checked: true, diagnostics: diagnostics.length };
  });
}
