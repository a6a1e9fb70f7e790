// Restricted Mode, in a code-server session with workspace trust on: browsing and validation
// work, sending does not, and the workspace cannot redirect the extension (restricted settings).
// The launcher runs this suite alone in an untrusted folder whose settings name a host that
// must never be contacted; the emulator's URL comes from the user settings.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, emulatorUrl, openNewDocument, waitFor } from '../helpers';
import { emulator } from '../emulatorAdmin';

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

  test('request documents are validated, but Run Request sends nothing and offers no CodeLens', async () => {
    const { fixtures } = { fixtures: await emulator.fixtures() };
    // A valid order: only the workspace's trust stands between it and a purchase.
    const order = { referenceCustomerId: fixtures.customerId, partnerOnRecordAttestationAccepted: true, billingCycle: 'monthly', lineItems: [{ lineItemNumber: 0, offerId: fixtures.catalog.license, quantity: 1, termDuration: 'P1M' }] };
    const document = await openNewDocument('restricted.order.json', JSON.stringify(order, null, 2));
    const broken = await openNewDocument('restricted-broken.order.json', JSON.stringify({ ...order, billingCycle: 'annual' }, null, 2));
    await waitFor('diagnostics from the Partner Center server', () => vscode.languages.getDiagnostics(broken.uri).some((d) => d.source === 'Partner Center' && d.severity === vscode.DiagnosticSeverity.Error));
    assert.deepEqual(vscode.languages.getDiagnostics(document.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error), [], 'the order to send is valid');
    await vscode.window.showTextDocument(document);

    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    assert.deepEqual(lenses.filter((l) => l.command?.command === 'partnerCenter.runRequest'), [], 'no Run CodeLens in Restricted Mode');

    await emulator.resetRequests();
    await vscode.commands.executeCommand('partnerCenter.runRequest', document.uri);
    const writes = (await emulator.requests()).filter((r) => r.method !== 'GET');
    assert.deepEqual(writes, [], 'nothing was sent');
  });
});
