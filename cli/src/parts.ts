// The command-line tool's parts, each its own bundle (esbuild.mjs builds cli/src/parts/<name>.ts as
// dist/cli-<name>.js) and required here only, when a command needs it (issue 14): `validate` loads
// the language core, plus the API client only with --endpoint; `send` what sending needs; `emulator`
// the emulator; `mcp` the agent tools and the MCP SDK. So a command starts close to node itself. A part's bundle is loaded with
// V8's code cache (compileCache.ts); in the test build, where there are no part bundles, the
// require below inlines the part.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { requireWithCodeCache } from './compileCache';
import type * as CatalogPart from './parts/catalog';
import type * as EmulatorPart from './parts/emulator';
import type * as McpPart from './parts/mcp';
import type * as SendPart from './parts/send';
import type * as ValidatePart from './parts/validate';

function load<T>(name: string, inlined: () => T): T {
  const bundle = join(__dirname, `cli-${name}.js`);
  return existsSync(bundle) ? (requireWithCodeCache(bundle) as T) : inlined();
}

/* eslint-disable @typescript-eslint/no-require-imports -- each part is a bundle of its own, required on first use (see above) */
export const validatePart = (): typeof ValidatePart => load('validate', () => require('./parts/validate') as typeof ValidatePart);
export const catalogPart = (): typeof CatalogPart => load('catalog', () => require('./parts/catalog') as typeof CatalogPart);
export const sendPart = (): typeof SendPart => load('send', () => require('./parts/send') as typeof SendPart);
export const emulatorPart = (): typeof EmulatorPart => load('emulator', () => require('./parts/emulator') as typeof EmulatorPart);
export const mcpPart = (): typeof McpPart => load('mcp', () => require('./parts/mcp') as typeof McpPart);
/* eslint-enable @typescript-eslint/no-require-imports */
