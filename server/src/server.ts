// Entry of the language server process: builds the platform pieces (stdio or IPC connection,
// document store) and hands them to the core. Language logic lives in common/ and imports no LSP.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { runLanguageServer } from './languageServer';

const connection = createConnection(ProposedFeatures.all);
// The connection owns stdout when the transport is stdio: route console output (from any library)
// to the client log. These two assignments are the only console use the server allows itself.
// eslint-disable-next-line no-console
console.log = connection.console.log.bind(connection.console);
// eslint-disable-next-line no-console
console.error = connection.console.error.bind(connection.console);

runLanguageServer(connection);
