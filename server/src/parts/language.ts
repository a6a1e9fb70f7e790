// The "language" part (dist/server-language.js): the request language service (parser, schemas,
// rules; each schema's generated validator is a bundle of its own, dist/validator-<kind>.js).
// Loaded by languageServer.ts after the handshake, so that the server answers `initialize` having
// loaded only the protocol (issue 14: ready within 200 ms).
export { getLanguageService } from '../../../common/src/language/index';
