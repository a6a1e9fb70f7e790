// One build script for every bundle: the extension, the language server, the command-line tool
// and (with --tests) the test suites. Type checking is separate (`npm run check`), so builds stay fast.
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const quiet = args.has('--quiet');
const withTests = args.has('--tests') || watch;

/** Prints the lines the `$esbuild-watch` problem matcher looks for. */
const watchLogPlugin = {
  name: 'watch-log',
  setup(build) {
    build.onStart(() => { if (watch) console.log('[watch] build started'); });
    // esbuild itself prints the errors, in the format the problem matcher reads.
    build.onEnd(() => { if (watch) console.log('[watch] build finished'); });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // jsonc-parser's UMD entry requires its files dynamically, which a bundle cannot follow; its ES module build can be bundled.
  mainFields: ['module', 'main'],
  sourcemap: !production,
  minify: production,
  logLevel: quiet ? 'warning' : 'info',
  plugins: [watchLogPlugin],
};

/** Shipped bundles: everything but `vscode` is inlined, so the .vsix needs no node_modules. */
const productOptions = {
  ...common,
  entryPoints: {
    client: 'client/src/extension.ts',
    server: 'server/src/server.ts',
    cli: 'cli/src/cli.ts',
  },
  outdir: 'dist',
  external: ['vscode'],
};

function findTestEntries(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTestEntries(path));
    else if (/\.test\.ts$/.test(name) || /^test\/(harness\/[^/]+|integration\/index|bench\/run|workbench\/helperExtension)\.ts$/.test(relative('.', path))) found.push(path);
  }
  return found;
}

/** Test bundles keep node_modules external: they run from the checkout, never from the .vsix. */
const testOptions = {
  ...common,
  sourcemap: true,
  minify: false,
  entryPoints: findTestEntries('test'),
  outdir: 'out/test',
  outbase: 'test',
  packages: 'external',
  external: ['vscode'],
};

const contexts = [await esbuild.context(productOptions)];
if (withTests) contexts.push(await esbuild.context(testOptions));

if (watch) {
  await Promise.all(contexts.map((ctx) => ctx.watch()));
} else {
  try {
    await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  } catch {
    process.exitCode = 1; // the errors are already printed above
  } finally {
    await Promise.all(contexts.map((ctx) => ctx.dispose()));
  }
}
