// The agent tools in the real extension host (issue 16): VS Code lists them, vscode.lm.invokeTool
// gets live answers from the emulator for each, a draft opens as an editor, run_request goes
// through Run Request's confirmation and, declined, sends nothing (the emulator's request record
// proves it), and no answer holds the token. The confirmation is answered through the test API's
// recording confirmer, as run.test.ts does: a modal cannot be clicked in a test extension host.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, emulatorUrl, waitFor } from '../helpers';
import { emulator } from '../emulatorAdmin';
import { type PurchaseSummary } from '../../../common/src/send';
import { type PartnerCenterExtensionApi } from '../../../client/src/extension';
import { type Confirmer } from '../../../client/src/run/confirmer';

/** The token the extension sends the emulator (client/src/connection.ts): no answer may hold it. */
const EMULATOR_TOKEN = 'partner-center-vscode-emulator';

const TOOLS = [
  'partnercenter_list_customers',
  'partnercenter_list_subscriptions',
  'partnercenter_list_orders',
  'partnercenter_list_entitlements',
  'partnercenter_search_catalog',
  'partnercenter_validate_request',
  'partnercenter_explain_error',
  'partnercenter_draft_request',
  'partnercenter_run_request',
];

interface Fixtures {
  customerId: string;
  subscriptions: { recent: { customerId: string; subscriptionId: string } };
  catalog: { license: string };
}
interface Recorded {
  method: string;
  path: string;
}

const fixtures = async (): Promise<Fixtures> => (await (await fetch(`${emulatorUrl()}/_emulator/fixtures`)).json()) as Fixtures;
const api = async () => (await activateExtension<PartnerCenterExtensionApi>()).api;
const recorded = async () => (await emulator.requests()) as unknown as Recorded[];

/** The text parts of a tool's answer: the readable text, then the structured content as JSON. */
async function invoke(name: string, input: object): Promise<{ text: string; structured: Record<string, unknown>; raw: string }> {
  const result = await vscode.lm.invokeTool(
    name,
    { input, toolInvocationToken: undefined },
    new vscode.CancellationTokenSource().token,
  );
  const parts = result.content.map((p) => (p instanceof vscode.LanguageModelTextPart ? p.value : ''));
  const raw = parts.join('\n');
  assert.ok(!raw.includes(EMULATOR_TOKEN), `${name}: no answer holds the token`);
  return { text: parts[0], structured: JSON.parse(parts[1] ?? '{}') as Record<string, unknown>, raw };
}

function decliningConfirmer(): Confirmer & { asked: PurchaseSummary[] } {
  const asked: PurchaseSummary[] = [];
  return {
    asked,
    confirmPurchase: async (summary) => {
      asked.push(summary);
      return false;
    },
    confirmReadWithErrors: async () => false,
    pickCustomer: async () => undefined,
  };
}

suite('Agent tools', () => {
  teardown(async () => {
    (await api()).run.setConfirmer(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('VS Code lists the agent tools with their descriptions for the model', async () => {
    await api();
    const listed = await waitFor('the tools to be registered', () => {
      const ours = vscode.lm.tools.filter((t) => t.name.startsWith('partnercenter_'));
      return ours.length === TOOLS.length && ours;
    });
    assert.deepEqual(listed.map((t) => t.name).sort(), [...TOOLS].sort());
    for (const tool of listed) {
      assert.ok(tool.description.length > 80, `${tool.name} tells the model what it is for`);
      assert.equal((tool.inputSchema as { type?: string } | undefined)?.type, 'object', `${tool.name} has an input schema`);
    }
  });

  test('each tool answers from the live emulator, only reads reach it, and no answer holds the token', async () => {
    await api();
    const f = await fixtures();
    await emulator.resetRequests();

    const customers = await invoke('partnercenter_list_customers', { filter: 'Fabrikam', limit: 5 });
    const listed = customers.structured.customers as { companyName: string }[];
    assert.ok(listed.length > 0 && listed.every((c) => c.companyName.startsWith('Fabrikam')), customers.text);
    assert.match(customers.text, /in Emulator \(/);

    const subscriptions = await invoke('partnercenter_list_subscriptions', { customerId: f.customerId });
    assert.ok((subscriptions.structured.subscriptions as unknown[]).length > 0, subscriptions.text);
    assert.match(subscriptions.text, /term ends \d{4}-\d\d-\d\d, auto-renew (on|off)/);

    const orders = await invoke('partnercenter_list_orders', { customerId: f.customerId });
    assert.ok((orders.structured.orders as unknown[]).length > 0, orders.text);

    const entitlements = await invoke('partnercenter_list_entitlements', { customerId: f.customerId });
    const ents = entitlements.structured.entitlements as { productName?: string }[];
    assert.ok(ents.length > 0 && ents.every((e) => e.productName), entitlements.text);

    const catalog = await invoke('partnercenter_search_catalog', { query: 'Business Premium' });
    const items = catalog.structured.items as { catalogItemId: string }[];
    assert.ok(items.length > 0, catalog.text);

    const checked = await invoke('partnercenter_validate_request', {
      fileName: 'x.order.json',
      document: JSON.stringify({
        referenceCustomerId: f.customerId,
        partnerOnRecordAttestationAccepted: true,
        billingCycle: 'monthly',
        lineItems: [{ lineItemNumber: 0, offerId: f.catalog.license, quantity: 500, termDuration: 'P1M' }],
      }),
    });
    assert.equal(checked.structured.valid, false);
    assert.ok(
      (checked.structured.diagnostics as { code: string }[]).some((d) => d.code === 'pc.catalog.quantityOutOfRange'),
      `the live catalog's seat limit: ${checked.text}`,
    );

    const explained = await invoke('partnercenter_explain_error', { code: '900270' });
    assert.match(explained.text, /billing cycle is longer than the term/);

    const drafted = await invoke('partnercenter_draft_request', {
      kind: 'order',
      customerId: f.customerId,
      lines: [{ catalogItemId: items[0].catalogItemId, quantity: 20, termDuration: 'P1Y', billingCycle: 'annual' }],
    });
    assert.equal(drafted.structured.ready, true, drafted.text);
    const editor = await waitFor('the draft to open in an editor', () =>
      vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.scheme === 'untitled' && e.document.uri.path.endsWith('.order.json'),
      ),
    );
    assert.equal(editor.document.getText(), drafted.structured.document, 'the editor holds the draft the tool checked');
    assert.match(drafted.text, /Opened for the person to review/);

    const writes = (await recorded()).filter((r) => r.method !== 'GET');
    assert.deepEqual(writes, [], 'the tools only read: nothing was posted, patched or put');
  });

  test('bad input and an unknown customer are tool errors with a clear message', async () => {
    await api();
    await assert.rejects(
      Promise.resolve(
        vscode.lm.invokeTool('partnercenter_list_subscriptions', {
          input: { customerId: 'nobody' },
          toolInvocationToken: undefined,
        }),
      ),
      /No customer with id nobody in Emulator .*partnercenter_list_customers/,
    );
    await assert.rejects(
      Promise.resolve(
        vscode.lm.invokeTool('partnercenter_draft_request', { input: { kind: 'order' }, toolInvocationToken: undefined }),
      ),
      /lines is required for an order/,
    );
    const still = await invoke('partnercenter_explain_error', { code: 2002 });
    assert.match(still.text, /seat count/, 'the tools keep working after an error');
  });

  test("run_request shows Run Request's confirmation with the customer and every line, and declined, sends nothing", async () => {
    const a = await api();
    const f = await fixtures();
    const drafted = await invoke('partnercenter_draft_request', {
      kind: 'order',
      customerId: f.customerId,
      lines: [{ catalogItemId: f.catalog.license, quantity: 2, termDuration: 'P1Y', billingCycle: 'annual' }],
    });
    assert.equal(drafted.structured.ready, true, drafted.text);
    const editor = await waitFor('the draft to open', () =>
      vscode.window.visibleTextEditors.find((e) => e.document.getText() === drafted.structured.document),
    );
    const confirmer = decliningConfirmer();
    a.run.setConfirmer(confirmer);
    await emulator.resetRequests();

    const ran = await invoke('partnercenter_run_request', { uri: editor.document.uri.toString() });

    assert.equal(confirmer.asked.length, 1, 'the person was asked');
    const [summary] = confirmer.asked;
    assert.equal(summary.customer.id, f.customerId);
    assert.ok(summary.environment, 'the confirmation names the environment');
    assert.equal(summary.lines.length, 1);
    assert.equal(summary.lines[0].quantity, 2);
    assert.match(ran.text, /declined the confirmation: nothing was sent/);
    assert.equal(ran.structured.status, 'declined');
    const writes = (await recorded()).filter((r) => r.method !== 'GET');
    assert.deepEqual(writes, [], 'declined: nothing was posted');
  });
});
