// What a person sees of a run besides its result (issue 12): the History entry says how the run
// ended (a declined checkout is no success, though its last call, the cart's creation, was), and
// each response opens in a tab named for its send, so the tabs of two sends can be told apart.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, openNewDocument, waitFor, workspaceRoot } from '../helpers';
import { emulator, type Fixtures } from '../emulatorAdmin';
import { type PartnerCenterExtensionApi } from '../../../client/src/extension';
import { type Confirmer } from '../../../client/src/run/confirmer';
import { type HistoryRecord } from '../../../common/src/send';

const api = async () => (await activateExtension<PartnerCenterExtensionApi>()).api;
const answering = (answer: boolean, customerId: string): Confirmer => ({
  confirmPurchase: async () => answer,
  confirmReadWithErrors: async () => false,
  pickCustomer: async () => customerId,
});
let counter = 0;
const open = (name: string, text: string) => openNewDocument(`run-feedback/${Date.now()}-${++counter}-${name}`, text);
const fileName = (doc: vscode.TextDocument) => doc.uri.path.split('/').pop()!;

/** The labels of the open response tabs of `records`, in their order. */
function responseTabLabels(records: HistoryRecord[]): string[] {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs);
  return records.map((r) => {
    const tab = tabs.find(
      (t) =>
        t.input instanceof vscode.TabInputText &&
        t.input.uri.scheme === 'partner-center-response' &&
        t.input.uri.query === `id=${r.id}`,
    );
    assert.ok(tab, `the response of "${r.title}" is open in a tab`);
    return tab.label;
  });
}

suite('Run request: what History and the response tabs say', () => {
  suiteSetup(async () => {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceRoot(), 'run-feedback'));
  });

  teardown(async () => {
    (await api()).run.setConfirmer(undefined);
  });

  test('a cart whose checkout is declined is kept in History as declined, not as a success, and its tabs say which step each is', async () => {
    const a = await api();
    const f = (await emulator.fixtures()) as Fixtures;
    a.run.setConfirmer(answering(false, f.customerId));
    const cart = {
      partnerOnRecordAttestationAccepted: true,
      lineItems: [{ id: 0, catalogItemId: f.catalog.license, quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' }],
    };
    const doc = await open('team.cart.json', JSON.stringify(cart, null, 2));
    const result = await a.run.run(doc.uri);
    assert.equal(result.status, 'declined', result.message);

    const [run, preview] = (await a.run.history().list()).filter((r) => r.documentUri === doc.uri.toString());
    assert.ok(run && preview, 'the preview and the run are both kept');
    const item = a.run.historyItem(run);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'circle-slash', 'not the green check of a success');
    assert.match(String(item.description), /^declined · /);

    const file = fileName(doc).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const [previewTab, runTab] = responseTabLabels([preview, run]);
    assert.match(previewTab, new RegExp(`^${file} — cart preview 201 \\d\\d:\\d\\d:\\d\\d$`));
    assert.match(runTab, new RegExp(`^${file} — cart declined \\d\\d:\\d\\d:\\d\\d$`));
  });

  test('two sends of one document open two response tabs, each named for its send', async () => {
    const a = await api();
    const doc = await open(
      'customers.request.json',
      JSON.stringify({ method: 'GET', path: '/v1/customers', query: { size: 1 } }),
    );
    for (let i = 0; i < 2; i++) {
      const result = await a.run.run(doc.uri);
      assert.equal(result.status, 'done', result.message);
    }
    const runs = (await a.run.history().list()).filter((r) => r.documentUri === doc.uri.toString());
    assert.equal(runs.length, 2);
    const labels = responseTabLabels(runs);
    for (const label of labels) {
      assert.match(label, new RegExp(`^${fileName(doc).replace(/\./g, '\\.')} — request 200 \\d\\d:\\d\\d:\\d\\d$`));
    }
    const uris = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .map((t) => (t.input instanceof vscode.TabInputText ? t.input.uri : undefined))
      .filter((u) => u?.scheme === 'partner-center-response' && runs.some((r) => u.query === `id=${r.id}`));
    assert.equal(new Set(uris.map((u) => u!.path)).size, 2, 'two documents, not one tab reused');
  });

  test("a placed order's response says what became of it once it settles, and shows the order in the explorer", async () => {
    const a = await api();
    const f = (await emulator.fixtures()) as Fixtures;
    a.run.setConfirmer(answering(true, f.customerId));
    const order = {
      $schema: 'partner-center:/schemas/order.schema.json',
      referenceCustomerId: f.customerId,
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 0, offerId: f.catalog.license, quantity: 1, termDuration: 'P1Y' }],
    };
    const doc = await open('settle.order.json', JSON.stringify(order, null, 2));
    const result = await a.run.run(doc.uri);
    assert.equal(result.status, 'done', result.message);
    const orderId = result.orderIds[0];
    const [record] = (await a.run.history().list()).filter((r) => r.documentUri === doc.uri.toString());
    const response = await waitFor('the response beside the request', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'partner-center-response' && d.uri.query === `id=${record.id}`),
    );
    // The body is the answer as it came: the order was pending then. The document says what it is now.
    await waitFor(
      'the response document to say the order completed',
      () =>
        (JSON.parse(response.getText()) as { orderStatusNow?: Record<string, string> }).orderStatusNow?.[orderId] === 'completed',
      30_000,
    );

    const revealed: [string, string][] = [];
    const original = a.explorer.revealOrder;
    a.explorer.revealOrder = (c, o) => {
      revealed.push([c, o]);
      return original.call(a.explorer, c, o);
    };
    try {
      await vscode.commands.executeCommand('partnerCenter.response.showInExplorer', response.uri);
    } finally {
      a.explorer.revealOrder = original;
    }
    assert.deepEqual(revealed, [[f.customerId, orderId]]);
  });
});
