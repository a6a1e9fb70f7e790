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
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    // esbuild itself prints the errors, in the format the problem matcher reads.
    build.onEnd(() => {
      if (watch) console.log('[watch] build finished');
    });
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

/**
 * Parts loaded on first use. The extension's entry (dist/client.js) and the CLI's (dist/cli.js)
 * hold only what starting needs; everything else is a part of its own, `<area>-<name>.js` beside
 * them, built from `<area>/src/parts/<name>.ts`. Code asks for a part only in `<area>/src/parts.ts`,
 * with `require('./parts/<name>')`; partsPlugin turns that into a require of the part's bundle, so
 * nothing is loaded before it is needed and the .vsix still holds bundles only, no node_modules.
 */
const parts = {
  client: ['api', 'languageClient', 'agentTools'],
  cli: ['validate', 'catalog', 'send', 'emulator', 'mcp'],
  server: ['language'],
};

const partsPlugin = {
  name: 'parts',
  setup(build) {
    build.onResolve({ filter: /^\.\/parts\/\w+$/ }, (args) => {
      const area = relative('.', args.importer).split(/[\\/]/)[0];
      const name = args.path.slice('./parts/'.length);
      if (args.kind !== 'require-call' || !parts[area]?.includes(name)) {
        return {
          errors: [
            {
              text: `parts are loaded only with require('./parts/<name>') from ${area}/src/parts.ts, and ${name} must be listed in esbuild.mjs`,
            },
          ],
        };
      }
      return { path: `./${area}-${name}.js`, external: true };
    });
  },
};

/**
 * The validators generated from the schemas (common/src/language/generated/<kind>.js), each a
 * bundle of its own, dist/validator-<kind>.js, required when the language core first checks a
 * document of that kind (schemaDiagnostics.ts). Inlined, every bundle holding the language core
 * (the server's, the CLI's validate, send and mcp parts, the extension's API and agent-tool parts)
 * carried all five, 200 KB each time, and `validate` of an order read and loaded 160 KB of other
 * kinds' validators at every run (issue 14).
 */
const validatorKinds = readdirSync('common/src/language/generated')
  .filter((name) => name.endsWith('.js'))
  .map((name) => name.slice(0, -'.js'.length));

const validatorsPlugin = {
  name: 'validators',
  setup(build) {
    build.onResolve({ filter: /[\\/]generated[\\/]\w+(\.js)?$/ }, (args) => {
      const kind = args.path.replace(/^.*[\\/]|\.js$/g, '');
      // generatedValidator.d.ts holds types only; each validator is the entry of its own bundle.
      if (!validatorKinds.includes(kind) || args.kind === 'entry-point') return undefined;
      if (
        args.kind !== 'require-call' ||
        args.path !== `./generated/${kind}` ||
        !args.importer.endsWith('schemaDiagnostics.ts')
      ) {
        return {
          errors: [
            {
              text: `a generated validator is loaded only with require('./generated/<kind>') from common/src/language/schemaDiagnostics.ts`,
            },
          ],
        };
      }
      return { path: `./validator-${kind}.js`, external: true };
    });
  },
};

/**
 * jsonc-parser's modules only define things, but its package does not say so ("sideEffects"), so
 * esbuild kept all of them: among them the formatter, which we never call and which builds tables
 * of 1,220 indentation strings when loaded: 1.6 ms of every start of the language core here. Marked
 * free of side effects, what is not imported is left out.
 */
const jsoncParserPurePlugin = {
  name: 'jsonc-parser-pure',
  setup(build) {
    build.onResolve({ filter: /^(jsonc-parser|\.\.?\/.*)$/ }, async (args) => {
      if (args.pluginData?.pure) return undefined;
      if (args.path !== 'jsonc-parser' && !/node_modules[\\/]jsonc-parser[\\/]/.test(args.importer)) return undefined;
      const { path, external, errors } = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { pure: true },
      });
      return errors.length > 0 ? { errors } : { path, external, sideEffects: false };
    });
  },
};

/**
 * What each entry must never hold: the reason it is split. A build that pulls one of these into
 * an entry (through an import added somewhere) fails here rather than slowing every start-up.
 */
const entryMustNotHold = {
  client:
    /node_modules[\\/](undici|@azure|vscode-languageclient|vscode-jsonrpc|vscode-languageserver-protocol|jsonc-parser|ajv)[\\/]|common[\\/]src[\\/]language[\\/]generated|common[\\/]src[\\/]send[\\/]runner/,
  cli: /node_modules[\\/]|common[\\/]src[\\/]language[\\/]|emulator[\\/]src[\\/]server/,
  // The server answers the handshake before it loads the language core (server-language.js).
  server: /common[\\/]src[\\/]language[\\/](generated|rules|validation|schemaDiagnostics)|jsonc-parser/,
  'cli-validate': /node_modules[\\/](undici|jose)[\\/]|common[\\/]src[\\/]api[\\/](client|http)|emulator[\\/]/,
  // The emulator reads a trusted issuer's keys with node's https; undici would make it four times the size.
  'cli-emulator': /node_modules[\\/]undici[\\/]/,
};

/** What no bundle holds, whichever it is. */
function noBundleMayHold(bundle, input) {
  // A schema's generated validator is in its own bundle only (validatorsPlugin).
  const validator = /common[\\/]src[\\/]language[\\/]generated[\\/](\w+)\.js$/.exec(input);
  if (validator) return bundle !== `validator-${validator[1]}`;
  // jsonc-parser's formatter is never called (jsoncParserPurePlugin).
  return /jsonc-parser[\\/].*[\\/](format|edit|string-intern)\.js$/.test(input);
}

function checkEntries(metafile) {
  const problems = [];
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    const name = output.replace(/^dist[\\/]/, '').replace(/\.js$/, '');
    for (const input of Object.keys(inputs)) {
      if (noBundleMayHold(name, input) || entryMustNotHold[name]?.test(input)) problems.push(`${output} must not hold ${input}`);
    }
  }
  return problems;
}

const entryCheckPlugin = {
  name: 'entry-check',
  setup(build) {
    // Errors count only when returned: pushed onto result.errors, esbuild neither printed them nor
    // failed the build, so this check had never stopped one.
    build.onEnd((result) => (result.metafile ? { errors: checkEntries(result.metafile).map((text) => ({ text })) } : undefined));
  },
};

const partEntries = Object.fromEntries(
  Object.entries(parts).flatMap(([area, names]) => names.map((name) => [`${area}-${name}`, `${area}/src/parts/${name}.ts`])),
);

/** Shipped bundles: everything but `vscode` is inlined, so the .vsix needs no node_modules. */
const productOptions = {
  ...common,
  entryPoints: {
    client: 'client/src/extension.ts',
    server: 'server/src/server.ts',
    cli: 'cli/src/cli.ts',
    ...partEntries,
    ...Object.fromEntries(validatorKinds.map((kind) => [`validator-${kind}`, `common/src/language/generated/${kind}.js`])),
  },
  outdir: 'dist',
  external: ['vscode'],
  metafile: true,
  plugins: [...common.plugins, partsPlugin, validatorsPlugin, jsoncParserPurePlugin, entryCheckPlugin],
};

function findTestEntries(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...findTestEntries(path));
    else if (
      /\.test\.ts$/.test(name) ||
      /^test\/(harness\/[^/]+|integration\/index|bench\/run|workbench\/helperExtension)\.ts$/.test(relative('.', path))
    )
      found.push(path);
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
