// Restricted Mode, in a code-server session with workspace trust on: browsing and validation
// work, sending does not, and the workspace cannot redirect the extension (restricted settings).
// The launcher runs this suite alone in an untrusted folder whose settings name a host that
// must never be contacted; the emulator's URL comes from the user settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, emulatorUrl, openNewDocument, waitFor } from '../helpers';
import { emulator } from '../emulatorAdmin';
import { ui } from '../ui';

interface Api {
  connection: { current: { endpoint: string } };
  explorer: { provider: { getChildren(): Promise<{ id: string }[]> } };
}

suite('Untrusted workspace', () => {
  test('the folder is in Restricted Mode and the workspace cannot choose where requests go', async () => {
    assert.equal(vscode.workspace.isTrusted, false);
    const { api } = await activateExtension<Api>();
    assert.equal(api.connection.current.endpoint, emulatorUrl(), 'the workspace value of emulatorUrl is ignored');
    const customers = (await api.explorer.provider.getChildren()).filter((n) => n.id.startsWith('customer/'));
    assert.ok(customers.length > 0, 'browsing works in Restricted Mode');
  });

  test('request documents are validated, but Run Request sends nothing and offers no CodeLens until the folder is trusted', async () => {
    const { fixtures } = { fixtures: await emulator.fixtures() };
    // A valid order: only the workspace's trust stands between it and a purchase. It is opened
    // with a mistake first, so "no errors" below can only be read after the fixed text was validated.
    const order = {
      referenceCustomerId: fixtures.customerId,
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: fixtures.catalog.license, quantity: 1, termDuration: 'P1M' }],
    };
    const valid = JSON.stringify(order, null, 2);
    const document = await openNewDocument('restricted.order.json', valid.replace('"monthly"', '"annual"'));
    await waitFor('the mistake to be reported', () =>
      vscode.languages
        .getDiagnostics(document.uri)
        .some((d) => d.source === 'Partner Center' && d.severity === vscode.DiagnosticSeverity.Error),
    );
    const editor = await vscode.window.showTextDocument(document);
    await editor.edit((edit) =>
      edit.replace(new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), valid),
    );
    await waitFor(
      'the fixed order to validate clean',
      () => !vscode.languages.getDiagnostics(document.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );

    const runLenses = async () =>
      ((await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? []).filter(
        (l) => l.command?.command === 'partnerCenter.runRequest',
      );
    assert.deepEqual(await runLenses(), [], 'no Run CodeLens in Restricted Mode');

    await emulator.resetRequests();
    await vscode.commands.executeCommand('partnerCenter.runRequest', document.uri);
    const writes = (await emulator.requests()).filter((r) => r.method !== 'GET');
    assert.deepEqual(writes, [], 'nothing was sent');

    // Trusting the folder, as a person does in the Workspace Trust editor, brings the CodeLens:
    // it was absent because of trust, not because it is never there.
    await vscode.commands.executeCommand('workbench.trust.manage');
    await ui.click('.workspace-trust-editor .monaco-button', '/^\\s*Trust( Folder)?\\s*$/');
    await waitFor('the workspace to be trusted', () => vscode.workspace.isTrusted);
    const lenses = await waitFor('the Run CodeLens once trusted', async () => {
      const found = await runLenses();
      return found.length > 0 ? found : undefined;
    });
    assert.match(lenses[0]!.command!.title, /Run/);
  });
});
