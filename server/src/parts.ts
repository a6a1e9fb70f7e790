// The language server's parts, each its own bundle (esbuild.mjs builds server/src/parts/<name>.ts
// as dist/server-<name>.js), required here only: the server's entry holds the protocol and the
// handlers, and the language core is loaded once the handshake is answered (issue 14). In the
// test build, where there are no part bundles, the require below inlines the part.
import type * as LanguagePart from './parts/language';

/* eslint-disable @typescript-eslint/no-require-imports -- a part is a bundle of its own, required on first use (see above) */
export const languagePart = (): typeof LanguagePart => require('./parts/language') as typeof LanguagePart;
/* eslint-enable @typescript-eslint/no-require-imports */
