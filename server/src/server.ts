// Entry of the language server process: builds the platform pieces (stdio or IPC connection,
// document store) and hands them to the core. Language logic lives in common/ and imports no LSP.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';

const connection = createConnection(ProposedFeatures.all);
// The connection owns stdout when the transport is stdio: route console output to the client log.
console.log = connection.console.log.bind(connection.console);
console.error = connection.console.error.bind(connection.console);

startServer(connection);
