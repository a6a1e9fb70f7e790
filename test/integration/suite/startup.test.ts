// Start-up cost (issue 14): the extension costs nothing until it is used. The launcher runs this
// suite alone, in an extension host of its own, on a workspace that holds only a package.json
// (test/fixtures/startup), so nothing before it has used the extension. Any JSON model activates
// the extension's small entry (onLanguage:json: only the extension can tell a request document by
// its `$schema` or the user's globs; the workbench itself opens JSON models at start-up, so the
// entry may be active before the test opens anything). Opening the package.json must load nothing
// more: no language server process, no language client, no API client. The extension's own record
// of the parts it loaded, Node's module cache of this host and the host's child processes must all
// say so.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, openNewDocument, waitFor, workspaceRoot } from '../helpers';

interface Api {
  loadedParts(): ReadonlyMap<string, number>;
  activationMs: number;
  languageClientReady: Promise<unknown>;
}

/** The extension's bundles that this extension host has loaded. */
function loadedBundles(extension: vscode.Extension<unknown>): string[] {
  const dist = join(extension.extensionPath, 'dist');
  return Object.keys(require.cache)
    .filter((path) => path.startsWith(dist))
    .map((path) => basename(path))
    .sort();
}

/** Processes below this extension host whose command line runs the extension's language server. */
function languageServers(extension: vscode.Extension<unknown>): string[] {
  const server = join(extension.extensionPath, 'dist', 'server.js');
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((m): m is RegExpMatchArray => m !== null);
  const descendants = new Set([String(process.pid)]);
  // Children first appear after their parents in pid order only usually: repeat until stable.
  for (let size = 0; size !== descendants.size;) {
    size = descendants.size;
    for (const [, pid, ppid] of rows) if (descendants.has(ppid)) descendants.add(pid);
  }
  return rows
    .filter(([, pid, , args]) => pid !== String(process.pid) && descendants.has(pid) && args.includes(server))
    .map(([, pid, , args]) => `${pid} ${args}`);
}

suite('Start-up cost', () => {
  test('opening a plain package.json in a workspace with no request documents loads no language server and no API client', async () => {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'package.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor('the extension to activate for a JSON file', () => extension.isActive);
    const api = extension.exports;

    // Everything the workbench asks of a JSON file's providers, so any part that loads on use has had its chance.
    const position = new vscode.Position(1, 4);
    await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position);
    await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, position);
    await vscode.commands.executeCommand('vscode.executeCodeLensProvider', uri);
    await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 1, 0));

    assert.deepEqual([...api.loadedParts().keys()], [], 'the extension loaded no part');
    assert.deepEqual(loadedBundles(extension), ['client.js'], 'this host loaded the entry bundle only');
    assert.deepEqual(languageServers(extension), [], 'no language server process runs');
    assert.deepEqual(
      vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Partner Center'),
      [],
    );

    // The benchmark (npm run bench) runs this suite to read activate()'s time in a real host.
    const timings = process.env.PC_STARTUP_TIMINGS_FILE;
    if (timings) writeFileSync(timings, JSON.stringify({ activateMs: api.activationMs }));
  });

  test('then the first request document starts the language client and its server, and only then', async () => {
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID)!;
    const document = await openNewDocument('first.order.json', '{ "billingCycle": "monthly" }');
    await extension.exports.languageClientReady;
    await waitFor('diagnostics from the Partner Center server', () =>
      vscode.languages.getDiagnostics(document.uri).some((d) => d.source === 'Partner Center'),
    );
    assert.ok(extension.exports.loadedParts().has('languageClient'));
    assert.ok(loadedBundles(extension).includes('client-languageClient.js'));
    assert.equal(languageServers(extension).length, 1, 'one language server process runs');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
