// The request language server in a real extension host: diagnostics, completion and a quick fix
// through the VS Code API, with the emulator's catalog behind the extension.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openNewDocument, waitFor } from '../helpers';

const SOURCE = 'Partner Center';

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

const BROKEN_ORDER = `{
  "partnerOnRecordAttestationAccepted": true,
  "billingCycle": "annual",
  "lineItems": [
    { "lineItemNumber": 0, "offerId": "CFQ7TTC0LH18:0001:CFQ7TTC0K971", "quantity": 3, "termDuration": "P1M" },
    { "lineItemNumber": 4, "offerId": "CFQ7TTC0LH18:0001:CFQ7TTC0K971", "quantity": 1, "termDuration": "P1Y" }
  ]
}
`;

suite('Language', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('reports schema and cross-field diagnostics with stable codes', async () => {
    const document = await openNewDocument('language/broken.order.json', BROKEN_ORDER);
    const diagnostics = await waitFor('Partner Center diagnostics', () => {
      const found = ours(document.uri);
      return found.some((d) => codeOf(d) === 'pc.lineItem.numbering') ? found : undefined;
    });
    const codes = diagnostics.map(codeOf);
    assert.ok(codes.includes('pc.term.billingCycleMismatch'), codes.join(', '));
  });

  test('a quick fix renumbers the line items', async () => {
    const document = await openNewDocument('language/renumber.order.json', BROKEN_ORDER);
    const numbering = await waitFor('the numbering diagnostic', () => ours(document.uri).find((d) => codeOf(d) === 'pc.lineItem.numbering'));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, numbering.range);
    const renumber = actions.find((a) => a.title.startsWith('Renumber the lines'));
    assert.ok(renumber?.edit, `no renumber action among ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(await vscode.workspace.applyEdit(renumber.edit));
    await waitFor('the numbering diagnostic to go away', () => !ours(document.uri).some((d) => codeOf(d) === 'pc.lineItem.numbering'));
    assert.match(document.getText(), /"lineItemNumber": 1/);
  });

  test('completes enum values and property names', async () => {
    const document = await openNewDocument('language/complete.cart.json', '{\n  "lineItems": [ { "billingCycle":  } ]\n}\n');
    const position = new vscode.Position(1, 35);
    const list = await waitFor('completions', async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      return result.items.some((i) => (typeof i.label === 'string' ? i.label : i.label.label) === 'monthly') ? result : undefined;
    });
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    assert.ok(labels.includes('one_time'));
  });

  test('completes catalog item ids from the emulator catalog', async () => {
    const document = await openNewDocument('language/catalog.order.json', '{\n  "lineItems": [ { "offerId": "" } ]\n}\n');
    const position = new vscode.Position(1, 31);
    const list = await waitFor('catalog completions', async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, position);
      return result.items.some((i) => /Business Basic/.test(typeof i.label === 'string' ? i.label : i.label.label)) ? result : undefined;
    }, 30_000);
    assert.ok(list.items.length > 3);
  });

  test('checks catalog rules against the emulator (attestation)', async () => {
    const document = await openNewDocument('language/w365.order.json', JSON.stringify({
      partnerOnRecordAttestationAccepted: true, billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: 'CFQ7TTC0HHS9:0001:CFQ7TTC0HX99', quantity: 1, termDuration: 'P1M' }],
    }, null, 2));
    await waitFor('the attestation diagnostic', () => ours(document.uri).find((d) => codeOf(d) === 'pc.catalog.attestationRequired'), 30_000);
  });

  test('syntax errors are reported once (by VS Code JSON), never by us', async () => {
    const document = await openNewDocument('language/syntax.order.json', '{ "billingCycle": "monthly", "lineItems": [ }');
    await waitFor('our diagnostics', () => (ours(document.uri).length > 0 ? true : undefined));
    assert.ok(ours(document.uri).every((d) => codeOf(d) !== 'pc.json.syntax'));
  });

  test('hover on a catalog item id shows the product, SKU, terms and quantity bounds from the emulator', async () => {
    const text = JSON.stringify({ billingCycle: 'monthly', lineItems: [{ lineItemNumber: 0, offerId: 'CFQ7TTC0LH18:0001:CFQ7TTC0K971', quantity: 1, termDuration: 'P1M' }] }, null, 2);
    const document = await openNewDocument('language/hover.order.json', text);
    const offset = text.indexOf('CFQ7TTC0LH18') + 3;
    const hovers = await waitFor('a catalog hover', async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, document.positionAt(offset));
      const markdown = result.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return /Business Basic/.test(markdown) ? markdown : undefined;
    }, 30_000);
    assert.match(hovers, /P1M/);
    assert.match(hovers, /300/, 'the hover names the maximum quantity');
  });

  test('without a catalog (a real cloud, not signed in) the static rules still run and the catalog rules say once that they are off', async () => {
    const config = vscode.workspace.getConfiguration('partnerCenter');
    const original = config.inspect<string>('environment')?.workspaceValue;
    await config.update('environment', 'global', vscode.ConfigurationTarget.Workspace);
    try {
      const document = await openNewDocument('language/offline.order.json', BROKEN_ORDER);
      const diagnostics = await waitFor('catalog-off and static diagnostics', () => {
        const found = ours(document.uri);
        return found.some((d) => codeOf(d) === 'pc.catalog.unavailable') && found.some((d) => codeOf(d) === 'pc.term.billingCycleMismatch') ? found : undefined;
      }, 30_000);
      assert.equal(diagnostics.filter((d) => codeOf(d) === 'pc.catalog.unavailable').length, 1, 'said once, not per line');
      assert.equal(diagnostics.find((d) => codeOf(d) === 'pc.catalog.unavailable')!.severity, vscode.DiagnosticSeverity.Information);
      assert.ok(!diagnostics.some((d) => codeOf(d).startsWith('pc.catalog.') && codeOf(d) !== 'pc.catalog.unavailable'), 'no catalog rule ran');
    } finally {
      await config.update('environment', original, vscode.ConfigurationTarget.Workspace);
    }
  });
});
