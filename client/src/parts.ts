// The parts of the extension that are loaded on first use (issue 14). Activation loads only the
// entry bundle; each part is its own bundle (esbuild.mjs builds client/src/parts/<name>.ts as
// dist/client-<name>.js), required here and nowhere else:
//   api             undici, the API client, sign-in (msal), sending: with the first request
//   languageClient  vscode-languageclient: when the first request document opens
//   agentTools      the agent tools and the language core they use: with a chat's first tool call
// Loading is a synchronous require, done once: callers keep their simple signatures, and the cost
// is the same as an import's, paid only by the windows that use the part.
import type * as AgentToolsPart from './parts/agentTools';
import type * as ApiPart from './parts/api';
import type * as LanguageClientPart from './parts/languageClient';

type PartName = 'api' | 'languageClient' | 'agentTools';

const loaded = new Map<PartName, number>();
let onLoad: ((name: PartName, ms: number) => void) | undefined;

function load<T>(name: PartName, requirePart: () => T): T {
  const start = performance.now();
  const part = requirePart();
  if (!loaded.has(name)) {
    const ms = performance.now() - start;
    loaded.set(name, ms);
    onLoad?.(name, ms);
  }
  return part;
}

/* eslint-disable @typescript-eslint/no-require-imports -- each part is a bundle of its own, required on first use (see above) */
export const apiPart = (): typeof ApiPart => load('api', () => require('./parts/api') as typeof ApiPart);
export const languageClientPart = (): typeof LanguageClientPart =>
  load('languageClient', () => require('./parts/languageClient') as typeof LanguageClientPart);
export const agentToolsPart = (): typeof AgentToolsPart =>
  load('agentTools', () => require('./parts/agentTools') as typeof AgentToolsPart);
/* eslint-enable @typescript-eslint/no-require-imports */

/** The api part when something has loaded it already; never loads it. */
export const loadedApiPart = (): typeof ApiPart | undefined => (loaded.has('api') ? apiPart() : undefined);

/** The parts loaded so far, with the milliseconds each took; the start-up test and the log read it. */
export function loadedParts(): ReadonlyMap<PartName, number> {
  return loaded;
}

/** Called once per part as it loads (the extension logs it). */
export function onPartLoaded(listener: (name: PartName, ms: number) => void): void {
  onLoad = listener;
}
