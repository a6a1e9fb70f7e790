// The command-line tool's parts, each its own bundle (esbuild.mjs builds cli/src/parts/<name>.ts as
// dist/cli-<name>.js) and required here only, when a command needs it (issue 14): `validate` loads
// the language core, plus the API client only with --endpoint; `send` what sending needs; `emulator`
// the emulator. So a command starts about as fast as node itself.
import type * as CatalogPart from './parts/catalog';
import type * as EmulatorPart from './parts/emulator';
import type * as SendPart from './parts/send';
import type * as ValidatePart from './parts/validate';

/* eslint-disable @typescript-eslint/no-require-imports -- each part is a bundle of its own, required on first use (see above) */
export const validatePart = (): typeof ValidatePart => require('./parts/validate') as typeof ValidatePart;
export const catalogPart = (): typeof CatalogPart => require('./parts/catalog') as typeof CatalogPart;
export const sendPart = (): typeof SendPart => require('./parts/send') as typeof SendPart;
export const emulatorPart = (): typeof EmulatorPart => require('./parts/emulator') as typeof EmulatorPart;
/* eslint-enable @typescript-eslint/no-require-imports */
