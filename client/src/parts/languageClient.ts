// The "languageClient" part (dist/client-languageClient.js): vscode-languageclient and the code
// that starts the request language server. Loaded by registerLanguage.ts when the first request
// document opens.
export { startLanguageClient, type StartedLanguageClient } from '../language/languageClient';
