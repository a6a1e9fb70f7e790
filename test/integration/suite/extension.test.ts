// The extension as a whole, in a real extension host: it activates, contributes its view
// container and commands, and its language server answers for request documents.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openNewDocument, waitFor } from '../helpers';

suite('Extension', () => {
  test('activates and registers every contributed command', async () => {
    const { extension } = await activateExtension();
    assert.equal(extension.isActive, true);
    const contributed = extension.packageJSON.contributes.commands as { command: string; category?: string }[];
    assert.ok(contributed.length >= 5, 'expected the manifest to contribute commands');
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const { command, category } of contributed) {
      assert.ok(registered.has(command), `${command} is contributed but not registered`);
      assert.equal(category, 'Partner Center', `${command} needs the Partner Center category`);
    }
  });

  test('shows the Partner Center view container with the Customers view', async () => {
    const { extension } = await activateExtension();
    const containers = extension.packageJSON.contributes.viewsContainers.activitybar as { id: string }[];
    assert.deepEqual(
      containers.map((c) => c.id),
      ['partnerCenter'],
    );
    // Focusing the view only succeeds when the workbench knows the container and the view.
    await vscode.commands.executeCommand('workbench.view.extension.partnerCenter');
    await vscode.commands.executeCommand('partnerCenter.customers.focus');
  });

  test('the language server reports a broken order document', async () => {
    await activateExtension();
    const document = await openNewDocument('broken.order.json', '{ "billingCycle": "monthly" }');
    const diagnostics = await waitFor('diagnostics from the Partner Center server', () => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Partner Center');
      return found.length > 0 ? found : undefined;
    });
    assert.ok(
      diagnostics.some((d) => d.severity === vscode.DiagnosticSeverity.Error),
      'expected an error diagnostic',
    );
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a setting unrelated to the connection keeps the API client, so a purchase in flight keeps working', async () => {
    const { api } = await activateExtension<{ connection: { tryGetClient(): unknown; onDidChange: vscode.Event<unknown> } }>();
    const before = api.connection.tryGetClient();
    assert.ok(before, 'the emulator environment has a client');
    let changes = 0;
    const listener = api.connection.onDidChange(() => changes++);
    const config = vscode.workspace.getConfiguration('partnerCenter');
    const originalUrl = config.inspect<string>('emulatorUrl')?.workspaceValue;
    try {
      await config.update('send.codeLens', false, vscode.ConfigurationTarget.Workspace);
      await config.update('history.maxEntries', 50, vscode.ConfigurationTarget.Workspace);
      assert.equal(api.connection.tryGetClient(), before);
      assert.equal(changes, 0);
      await config.update('emulatorUrl', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Workspace);
      assert.notEqual(api.connection.tryGetClient(), before, 'a new endpoint gets a new client');
      assert.equal(changes, 1);
    } finally {
      listener.dispose();
      await config.update('send.codeLens', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('history.maxEntries', undefined, vscode.ConfigurationTarget.Workspace);
      await config.update('emulatorUrl', originalUrl, vscode.ConfigurationTarget.Workspace);
    }
  });
});
