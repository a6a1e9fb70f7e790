// Loads a part of the command-line tool with V8's code cache. Compiling a part's bundle was most
// of what `validate` of a small file cost beyond node's own start (issue 14: a CLI that starts like
// node); with the cache a run skips the compile. The cache is kept per user, beside the send
// journal (~/.cache/partner-center-vscode, or under $XDG_CACHE_HOME), and written after the
// command has run, so it holds the functions the command compiled too. V8 checks a cache against
// its own version and flags but the source only by its length: a bundle changed without changing
// length (a schema's "P1M" made "P3M") would run the old compiled code. So each cache is named
// after the bundle file's size and modification time (to the microsecond); a cache V8 rejects is
// written anew. Any failure to read or write the cache only means an ordinary load.
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

interface Pending {
  script: Script;
  cacheFile: string;
  stale: boolean;
}
// One list per process, not per bundle: a part that loads another part (validate loads catalog)
// holds its own copy of this module, and cli.js saves them all at the end.
const PENDING = Symbol.for('partnerCenter.cli.codeCaches');
const pending = ((globalThis as Record<symbol, unknown>)[PENDING] ??= []) as Pending[];

/** Beside the send journal (cli/src/send.ts): the user's cache directory (XDG). */
function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME?.trim() ? process.env.XDG_CACHE_HOME : join(homedir(), '.cache');
  return join(base, 'partner-center-vscode', 'compile-cache');
}

/** Requires `file` (a CommonJS bundle) as `require` would, compiling it with the cached code when there is some. */
export function requireWithCodeCache(file: string): unknown {
  const cached = require.cache[file];
  if (cached) return cached.exports;
  const source = readFileSync(file, 'utf8');
  // Keyed by node's version too: a cache from another V8 would only be rejected.
  const cacheFile = join(cacheDir(), `${basename(file, '.js')}-${process.version}-${process.arch}-${bundleVersion(file)}.bin`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // No cache yet: compiled from source, and cached after the run.
  }
  const script = new Script(Module.wrap(source), { filename: file, cachedData });
  const module = new Module(file, undefined);
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  require.cache[file] = module;
  const wrapper = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  wrapper.call(module.exports, module.exports, bundleRequire(file), module, file, dirname(file));
  module.loaded = true;
  pending.push({ script, cacheFile, stale: cachedData === undefined || script.cachedDataRejected === true });
  return module.exports;
}

/**
 * Which build of the bundle this is: a new build, install or copy writes it at a new time. No hash
 * of the path or the text: loading node:crypto alone takes 6 ms of Node 20's start.
 */
function bundleVersion(file: string): string {
  const { size, mtimeMs } = statSync(file);
  return `${size.toString(36)}-${Math.floor(mtimeMs * 1000).toString(36)}`;
}

/**
 * The `require` a bundle runs with: another bundle beside it (`./validator-order.js`, the order
 * schema's validator, which the language core requires on first use) is loaded with the code
 * cache too; anything else (node's built-ins) as usual.
 */
function bundleRequire(file: string): NodeJS.Require {
  const plain = Module.createRequire(file);
  const bundled = (id: string): unknown =>
    id.startsWith('./') && id.endsWith('.js') ? requireWithCodeCache(join(dirname(file), id)) : plain(id);
  return Object.assign(bundled, { resolve: plain.resolve, cache: plain.cache, main: plain.main, extensions: plain.extensions });
}

/** Writes the caches that were missing or rejected; call once the command is done. */
export function saveCodeCaches(): void {
  for (const { script, cacheFile, stale } of pending.splice(0)) {
    if (!stale) continue;
    try {
      mkdirSync(dirname(cacheFile), { recursive: true });
      // Written aside and renamed, so a run at the same time never reads half a cache.
      const partial = `${cacheFile}.${process.pid}`;
      writeFileSync(partial, script.createCachedData());
      renameSync(partial, cacheFile);
    } catch {
      // A read-only home or a full disk: the next run compiles from source again.
    }
  }
}
