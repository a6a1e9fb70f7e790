// What a new user meets in the Customers view (issue 12), in the real extension host against the
// emulator: title-bar commands handed a tree item, a filter that matches nobody, a folder whose
// emulator stopped, folder counts on first expansion, and Copy ID's confirmation.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from '../helpers';
import { emulator, partnerCenterApi } from '../emulatorAdmin';
import { parts, ui } from '../ui';

interface Node {
  id: string;
  getTreeItem(): vscode.TreeItem;
}
interface Provider {
  getChildren(node?: Node): Promise<Node[]>;
  getTreeItem(node: Node): vscode.TreeItem;
  refresh(node?: Node): void;
  loadMore(): Promise<void>;
  /** What the tree's nodes share (the client, the poller, redraws). */
  ctx: unknown;
}
interface Api {
  explorer: { provider: Provider; view: vscode.TreeView<Node> };
}

const isLoadMore = (node: Node | undefined) => node?.getTreeItem().command?.command === 'partnerCenter.loadMore';
const customerListings = async () =>
  (await emulator.requests()).filter((r) => r.method === 'GET' && /^\/v1\/customers(\?|$)/.test(r.path)).length;

async function explorer(): Promise<Api['explorer']> {
  return (await activateExtension<Api>()).api.explorer;
}

async function customerNode(p: Provider, customerId: string): Promise<Node> {
  for (;;) {
    const nodes = await p.getChildren();
    const found = nodes.find((n) => n.id === `customer/${customerId}`);
    if (found) return found;
    if (!isLoadMore(nodes.at(-1))) throw new Error(`customer ${customerId} is not in the view`);
    await p.loadMore();
  }
}

suite('Explorer (first use)', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('partnerCenter.clearCustomerFilter');
  });

  test('a filter that matches nobody says so in a row that clears it; the whole filter is in the view message', async () => {
    const { provider: p, view } = await explorer();
    await vscode.commands.executeCommand('partnerCenter.filterCustomers', 'CompanyName', 'zzzz-nobody-at-all');
    const nodes = await p.getChildren();
    assert.equal(nodes.length, 1, `one row, not an empty view (which shows the sign-in welcome): ${nodes.map((n) => n.id)}`);
    const item = nodes[0]!.getTreeItem();
    assert.match(String(item.label), /^No customers whose company name starts with "zzzz-nobody-at-all"/);
    assert.equal(item.command?.command, 'partnerCenter.clearCustomerFilter');
    assert.match(view.message ?? '', /company name starts with "zzzz-nobody-at-all"/);
    assert.ok(!(view.description ?? '').includes('zzzz'), `the description stays short: ${view.description}`);
    assert.match(view.description ?? '', /filtered/);

    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    assert.ok(
      (await p.getChildren()).some((n) => n.id.startsWith('customer/')),
      'clearing the filter lists customers again',
    );
    assert.equal(view.message ?? '', '');
  });

  test('title-bar commands handed a tree item ignore it: Refresh reloads the view, Filter asks what to filter by', async () => {
    const { provider: p } = await explorer();
    p.refresh();
    const { customerId } = await emulator.fixtures();
    const customer = await customerNode(p, customerId);
    const [orders] = await p.getChildren(customer);
    await p.getChildren(orders!);
    await emulator.resetRequests();
    await vscode.commands.executeCommand('partnerCenter.refreshExplorer', orders);
    await p.getChildren();
    assert.ok((await customerListings()) >= 1, 'the customers were listed again');

    const filtering = vscode.commands.executeCommand('partnerCenter.filterCustomers', customer);
    try {
      await ui.waitFor(parts.quickInput, 'Filter customers by');
    } finally {
      await ui.press('Escape');
      await filtering;
    }
  });

  test('a folder that cannot reach the emulator offers to start it, not to check the network and proxy', async () => {
    const { provider: p } = await explorer();
    p.refresh();
    const { customerId } = await emulator.fixtures();
    const customer = await customerNode(p, customerId);
    const [orders] = await p.getChildren(customer);
    const config = vscode.workspace.getConfiguration('partnerCenter');
    const original = config.inspect<string>('emulatorUrl')?.workspaceValue;
    // As if the emulator stopped after the customers were listed: nothing answers any more.
    await config.update(
      'emulatorUrl',
      `http://127.0.0.1:${20000 + Math.floor(Math.random() * 20000)}`,
      vscode.ConfigurationTarget.Workspace,
    );
    try {
      const children = await p.getChildren(orders!);
      const offer = children.find((n) => n.getTreeItem().command?.command === 'partnerCenter.useEmulator');
      assert.ok(offer, `the folder offers to start the emulator: ${children.map((n) => String(n.getTreeItem().label))}`);
      for (const node of children) assert.doesNotMatch(String(node.getTreeItem().label), /proxy/i);
    } finally {
      await config.update('emulatorUrl', original, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a folder shows how many resources it holds as soon as it is first expanded in the view', async () => {
    const { provider: p, view } = await explorer();
    await vscode.commands.executeCommand('partnerCenter.customers.focus');
    try {
      p.refresh();
      const { customerId } = await emulator.fixtures();
      const customer = await customerNode(p, customerId);
      const [, subscriptions] = await p.getChildren(customer);
      await view.reveal(subscriptions!, { expand: true, select: false, focus: false });
      const rows = await ui.waitFor(parts.treeRow, '/^\\s*Subscriptions\\s*\\d+/');
      assert.match(rows[0]!, /Subscriptions\s*\d+/);
      // A screen reader reads the row's label and count, not a tooltip.
      await ui.waitFor('.monaco-list-row[aria-label^="Subscriptions, "]');
    } finally {
      await vscode.commands.executeCommand('workbench.view.explorer');
    }
  });

  test('Copy ID puts the id on the clipboard and says so', async () => {
    const { provider: p } = await explorer();
    const { customerId } = await emulator.fixtures();
    const customer = await customerNode(p, customerId);
    await vscode.env.clipboard.writeText('');
    await vscode.commands.executeCommand('partnerCenter.copyId', customer);
    assert.equal(await vscode.env.clipboard.readText(), customerId);
    await ui.waitFor(parts.statusBarItem, `Copied id ${customerId}`);
  });

  test("entitlements are named by their SKU's catalog title, not by product and SKU ids", async () => {
    const { provider: p } = await explorer();
    p.refresh();
    const { customerId } = await emulator.fixtures();
    const listed = await partnerCenterApi<{ items: { productId: string; skuId: string }[] }>(
      'GET',
      `/customers/${customerId}/entitlements`,
    );
    const expected = await Promise.all(
      listed.items.map(
        async (e) =>
          (await partnerCenterApi<{ title: string }>('GET', `/customers/${customerId}/products/${e.productId}/skus/${e.skuId}`))
            .title,
      ),
    );
    const customer = await customerNode(p, customerId);
    const [, , entitlements] = await p.getChildren(customer);
    const labels = (await p.getChildren(entitlements!)).map((n) => String(n.getTreeItem().label));
    assert.ok(expected.length > 0, 'the fixture customer has entitlements');
    assert.deepEqual([...labels].sort(), [...expected].sort());
  });

  test('an entitlement whose expiry date has passed is marked expired: in its description, icon and hover', async () => {
    const { provider: p } = await explorer();
    const { customerId } = await emulator.fixtures();
    const customer = await customerNode(p, customerId);
    const [, , folder] = await p.getChildren(customer);
    const [listed] = (await p.getChildren(folder!)) as (Node & { entitlement: object })[];
    assert.ok(listed, 'the fixture customer has entitlements');
    // The emulator's entitlements run from today, so one it listed is drawn by the explorer's own
    // class with an expiry date a day ahead and a day behind.
    const Entitlement = listed.constructor as new (entitlement: object, id: string, parent: Node, ctx: unknown) => Node;
    const drawn = (days: number) =>
      new Entitlement(
        { ...listed.entitlement, expiryDate: new Date(Date.now() + days * 86_400_000).toISOString() },
        `${listed.id}-${days}`,
        folder!,
        p.ctx,
      ).getTreeItem();
    const current = drawn(1);
    assert.match(String(current.description), /expires /);
    assert.notEqual((current.iconPath as vscode.ThemeIcon).id, 'history');
    assert.doesNotMatch(current.contextValue ?? '', /partnerCenter\.expired/);
    const expired = drawn(-1);
    assert.match(String(expired.description), /expired /);
    assert.equal((expired.iconPath as vscode.ThemeIcon).id, 'history');
    assert.match((expired.tooltip as vscode.MarkdownString).value, /\(expired\)/);
    assert.match(expired.contextValue ?? '', /partnerCenter\.expired/);
  });
});
