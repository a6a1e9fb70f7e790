// What the .vsix ships: the bundles (entries and parts), schemas, snippets, manifest, readme, licence and media, and
// nothing from node_modules, sources or tests. Asks vsce itself, so .vscodeignore is what is tested.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import * as assert from 'node:assert/strict';

const root = join(__dirname, '..', '..', '..');

function packagedFiles(): string[] {
  const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const out = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' });
  return out
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
}

test('the .vsix holds the bundles, schemas, snippets, manifest, readme, licence and media only', () => {
  const files = packagedFiles();
  // The entries and the parts they load on first use (esbuild.mjs): a part left out breaks the feature that needs it.
  const bundles = [
    'client',
    'client-api',
    'client-languageClient',
    'client-agentTools',
    'server',
    'server-language',
    'cli',
    'cli-validate',
    'cli-catalog',
    'cli-send',
    'cli-emulator',
    'cli-mcp',
    // Each schema's validator, shared by the server, the CLI and the extension's parts.
    ...readdirSync(join(root, 'common', 'src', 'language', 'generated'))
      .filter((name) => name.endsWith('.js'))
      .map((name) => `validator-${name.slice(0, -'.js'.length)}`),
  ].map((name) => `dist/${name}.js`);
  for (const required of ['package.json', 'README.md', 'LICENSE', ...bundles, 'media/icon.png', 'media/partner-center.svg']) {
    assert.ok(files.includes(required), `${required} is missing from the package`);
  }
  for (const kind of ['order', 'cart', 'subscription', 'customer']) {
    assert.ok(files.includes(`schemas/${kind}.schema.json`), `the ${kind} schema is missing from the package`);
  }
  assert.ok(
    files.some((f) => f.startsWith('snippets/')),
    'the snippets are missing from the package',
  );
  const unwanted = files.filter((f) =>
    /(^|\/)node_modules\/|\.ts$|\.map$|^(test|out|client|server|common|emulator|cli|scripts)\//.test(f),
  );
  assert.deepEqual(unwanted, [], 'sources, tests, source maps or node_modules leaked into the package');
});

test('the manifest points VS Code at the bundled entry and contributes the Partner Center container', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  assert.equal(manifest.main, './dist/client.js');
  assert.deepEqual(
    manifest.contributes.viewsContainers.activitybar.map((c: { id: string }) => c.id),
    ['partnerCenter'],
  );
  for (const command of manifest.contributes.commands) {
    assert.equal(command.category, 'Partner Center', `${command.command} has no category`);
  }
  for (const [name, setting] of Object.entries<{ description?: string; markdownDescription?: string }>(
    manifest.contributes.configuration.properties,
  )) {
    assert.ok(setting.description || setting.markdownDescription, `setting ${name} has no description`);
  }
});
