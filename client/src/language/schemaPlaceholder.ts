// Serves the `partner-center:` schema URIs that request documents name in `$schema`. VS Code's JSON
// support loads whatever `$schema` names; answering with an empty schema keeps it from reporting
// "unable to load schema" and from validating the document a second time. Every check (and the
// hover and completion the schema would give) comes from the Partner Center language server.
import * as vscode from 'vscode';
import { SCHEMA_BASE } from '../../../common/src/requestKinds';

const SCHEME = SCHEMA_BASE.slice(0, SCHEMA_BASE.indexOf(':'));

export const PLACEHOLDER_SCHEMA = JSON.stringify({
  $comment:
    'Partner Center request documents are checked by the Partner Center extension; this placeholder keeps VS Code from checking them twice.',
});

export function registerSchemaPlaceholder(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(SCHEME, { provideTextDocumentContent: () => PLACEHOLDER_SCHEMA });
}
