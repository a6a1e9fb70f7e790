// The Customers view against the emulator, through the extension's API client: paging, filtering,
// a customer's folders, error nodes with retry, live order status, and the HTTP requests each costs.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, waitFor } from '../helpers';
import { emulator, partnerCenterApi, type RecordedRequest } from '../emulatorAdmin';
import { parts, ui } from '../ui';

interface Node {
  id: string;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<Node[]>;
}
interface Provider {
  getChildren(node?: Node): Promise<Node[]>;
  refresh(node?: Node): void;
  loadMore(): Promise<void>;
  onDidChangeTreeData: vscode.Event<Node | undefined>;
}
interface Api {
  explorer: { provider: Provider; view: vscode.TreeView<Node> };
}

const customerIds = (nodes: Node[]) =>
  nodes.filter((n) => n.id.startsWith('customer/')).map((n) => n.id.slice('customer/'.length));
const calls = async (pattern: RegExp, method = 'GET') =>
  (await emulator.requests()).filter((r: RecordedRequest) => r.method === method && pattern.test(r.path));
const label = (node: Node) => String(node.getTreeItem().label);
const description = (node: Node) => String(node.getTreeItem().description ?? '');
/** The node a person clicks to see the next page. */
const isLoadMore = (node: Node | undefined) => node?.getTreeItem().command?.command === 'partnerCenter.loadMore';

async function provider(): Promise<Provider> {
  const { api } = await activateExtension<Api>();
  return api.explorer.provider;
}

/** Loads pages until the customer shows up, then returns its node. */
async function customerNode(p: Provider, customerId: string): Promise<Node> {
  for (;;) {
    const nodes = await p.getChildren();
    const found = nodes.find((n) => n.id === `customer/${customerId}`);
    if (found) return found;
    if (!isLoadMore(nodes.at(-1))) throw new Error(`customer ${customerId} is not in the view`);
    await p.loadMore();
  }
}

suite('Explorer', () => {
  teardown(async () => {
    await emulator.setFaults({});
    await vscode.commands.executeCommand('partnerCenter.clearCustomerFilter');
  });

  test('pages through every customer with Load more, one request per page', async () => {
    const p = await provider();
    p.refresh();
    await emulator.resetRequests();
    const { customers: total } = await emulator.health();

    let nodes = await p.getChildren();
    assert.equal(customerIds(nodes).length, 40, 'the first page holds the configured page size');
    assert.ok(isLoadMore(nodes.at(-1)), 'a Load more node ends a partial list');
    let pages = 1;
    while (isLoadMore(nodes.at(-1))) {
      await p.loadMore();
      nodes = await p.getChildren();
      pages++;
    }
    const ids = customerIds(nodes);
    assert.equal(ids.length, total, 'every customer the emulator holds is listed');
    assert.equal(new Set(ids).size, ids.length, 'no customer is listed twice');
    assert.equal((await calls(/^\/v1\/customers(\?|$)/)).length, pages, 'each page costs exactly one request');
  });

  test('the filter asks the service and shows only matching customers', async () => {
    const p = await provider();
    await emulator.resetRequests();
    await vscode.commands.executeCommand('partnerCenter.filterCustomers', 'CompanyName', 'Contoso');
    const nodes = await p.getChildren();
    const names = nodes.filter((n) => n.id.startsWith('customer/')).map(label);
    assert.ok(names.length > 0, 'the emulator has Contoso customers');
    for (const name of names) assert.match(name, /^contoso/i);
    const filtered = await calls(/^\/v1\/customers\?.*filter=/);
    assert.equal(filtered.length, 1, 'one filtered request');
    assert.match(decodeURIComponent(filtered[0]!.path), /"Operator":"starts_with"/);
  });

  test("a customer's orders, subscriptions and entitlements are what the service holds, one request each", async () => {
    const p = await provider();
    p.refresh();
    const { customerId } = await emulator.fixtures();
    const customer = await customerNode(p, customerId);
    await emulator.resetRequests();
    const [orders, subscriptions, entitlements] = await p.getChildren(customer);
    assert.deepEqual(
      [orders, subscriptions, entitlements].map((n) => label(n!)),
      ['Orders', 'Subscriptions', 'Entitlements'],
    );
    assert.equal((await emulator.requests()).length, 0, 'showing the folders costs nothing');

    const expected = {
      orders: (await partnerCenterApi<{ items: { id: string }[] }>('GET', `/customers/${customerId}/orders`)).items
        .map((o) => o.id)
        .sort(),
      subscriptions: (await partnerCenterApi<{ items: { id: string }[] }>('GET', `/customers/${customerId}/subscriptions`)).items
        .map((s) => s.id)
        .sort(),
      entitlements: (await partnerCenterApi<{ items: unknown[] }>('GET', `/customers/${customerId}/entitlements?showExpiry=true`))
        .items.length,
    };
    await emulator.resetRequests();
    const orderNodes = await Promise.all([p.getChildren(orders!), p.getChildren(orders!)]); // concurrent expansions share a request
    const subscriptionNodes = await p.getChildren(subscriptions!);
    const entitlementNodes = await p.getChildren(entitlements!);
    assert.deepEqual(orderNodes[0].map((n) => n.id.split('/order/')[1]).sort(), expected.orders);
    assert.deepEqual(subscriptionNodes.map((n) => n.id.split('/subscription/')[1]).sort(), expected.subscriptions);
    assert.equal(entitlementNodes.length, expected.entitlements);
    assert.ok(
      expected.orders.length > 0 && expected.subscriptions.length > 0 && expected.entitlements > 0,
      'the fixture customer has all three',
    );

    const recorded = await emulator.requests();
    // Entitlements carry only product and SKU ids: their titles are read from the customer's
    // catalog, each once (issue 12).
    const catalogReads = recorded.map((r) => r.path).filter((path) => path.startsWith(`/v1/customers/${customerId}/products/`));
    assert.equal(new Set(catalogReads).size, catalogReads.length, `no catalog item read twice: ${catalogReads.join(', ')}`);
    assert.deepEqual(
      recorded
        .map((r) => r.path.split('?')[0])
        .filter((path) => !catalogReads.includes(path))
        .sort(),
      [
        `/v1/customers/${customerId}/entitlements`,
        `/v1/customers/${customerId}/orders`,
        `/v1/customers/${customerId}/subscriptions`,
      ],
    );

    // Expanding again is served from the cache; line items come from the order itself.
    await p.getChildren(orders!);
    const lines = await p.getChildren(orderNodes[0][0]!);
    assert.ok(lines.length > 0, 'an order shows its line items');
    assert.match(description(lines[0]!), /×\d+/);
    assert.equal((await emulator.requests()).length, recorded.length, 'cached levels cost no request');
  });

  test('a failing level becomes an error node with the Partner Center code, siblings intact, and retry recovers', async () => {
    const p = await provider();
    p.refresh();
    const { customerId } = await emulator.fixtures();
    const customer = await customerNode(p, customerId);
    const [orders, subscriptions] = await p.getChildren(customer);
    await p.getChildren(subscriptions!);
    await emulator.setFaults({ status503: 1 });
    const failed = await p.getChildren(orders!);
    assert.equal(failed.length, 1);
    const item = failed[0]!.getTreeItem();
    assert.match(String(item.label), /^Error/);
    assert.match(String(item.label), /503|unavailable/i);
    assert.equal(item.command?.command, 'partnerCenter.retry');
    assert.ok((await p.getChildren(subscriptions!)).length > 0, 'the sibling folder keeps its children');

    await emulator.setFaults({});
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const recovered = await p.getChildren(orders!);
    assert.ok(recovered.length > 0 && recovered.every((n) => n.id.includes('/order/')));
  });

  test('an order created through the API appears and turns from pending to completed without a refresh', async () => {
    const p = await provider();
    await vscode.workspace
      .getConfiguration('partnerCenter')
      .update('explorer.pollIntervalSeconds', 1, vscode.ConfigurationTarget.Workspace);
    try {
      p.refresh();
      const { customerId, catalog } = await emulator.fixtures();
      const created = await partnerCenterApi<{ id: string; status: string }>('POST', `/customers/${customerId}/orders`, {
        billingCycle: 'monthly',
        lineItems: [{ lineItemNumber: 0, offerId: catalog.license, quantity: 2, termDuration: 'P1M' }],
      });
      assert.equal(created.status, 'pending');
      const customer = await customerNode(p, customerId);
      const [orders] = await p.getChildren(customer);
      await emulator.resetRequests();
      const redrawn: string[] = [];
      const listener = p.onDidChangeTreeData((node) => redrawn.push(node?.id ?? '<all>'));
      try {
        const order = (await p.getChildren(orders!)).find((n) => n.id.endsWith(`/order/${created.id}`));
        assert.ok(order, 'the new order is listed');
        assert.match(description(order), /^pending/);
        await waitFor('the order to settle', () => /^completed/.test(description(order)), 30_000);
        assert.ok(redrawn.includes(order.id), 'the order node itself was redrawn');
        assert.ok(!redrawn.includes('<all>'), 'the whole view was never redrawn');
        const polls = await calls(new RegExp(`^/v1/customers/${customerId}/orders/${created.id}$`));
        assert.ok(polls.length >= 1 && polls.length <= 10, `polling cost ${polls.length} requests`);
        assert.equal((await calls(new RegExp(`^/v1/customers/${customerId}/orders$`))).length, 1, 'the folder was listed once');
      } finally {
        listener.dispose();
      }
    } finally {
      await vscode.workspace
        .getConfiguration('partnerCenter')
        .update('explorer.pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('when the emulator does not answer, the view offers to start the bundled one, which then serves the view', async () => {
    const p = await provider();
    const config = vscode.workspace.getConfiguration('partnerCenter');
    const port = 20000 + Math.floor(Math.random() * 20000);
    const original = config.inspect<string>('emulatorUrl')?.workspaceValue;
    await config.update('emulatorUrl', `http://127.0.0.1:${port}`, vscode.ConfigurationTarget.Workspace);
    try {
      const offered = await p.getChildren();
      assert.equal(offered[0]!.id, 'startEmulator');
      assert.equal(offered[0]!.getTreeItem().command?.command, 'partnerCenter.useEmulator');
      await vscode.commands.executeCommand('partnerCenter.useEmulator');
      const nodes = await waitFor('customers from the started emulator', async () => {
        const children = await p.getChildren();
        return customerIds(children).length > 0 ? children : undefined;
      });
      assert.equal(customerIds(nodes).length, 40);
      // Stop Emulator ends the emulator this window started: nothing answers on its port afterwards.
      assert.equal(await vscode.commands.executeCommand('partnerCenter.stopEmulator'), true, 'the started emulator was stopped');
      await assert.rejects(fetch(`http://127.0.0.1:${port}/_emulator/health`), 'nothing answers on its port');
    } finally {
      await vscode.commands.executeCommand('partnerCenter.stopEmulator');
      await config.update('emulatorUrl', original, vscode.ConfigurationTarget.Workspace);
    }
  });

  test('a resource opens as read-only JSON, and a customer starts a new order document with the customer filled in', async () => {
    const p = await provider();
    p.refresh();
    const { customerId } = await emulator.fixtures();
    const customer = await customerNode(p, customerId);

    await vscode.commands.executeCommand('partnerCenter.openJson', customer);
    const json = await waitFor(
      'the JSON editor',
      () =>
        vscode.window.activeTextEditor?.document.uri.scheme === 'partner-center-resource' &&
        vscode.window.activeTextEditor.document,
    );
    assert.equal(JSON.parse(json.getText()).id, customerId);
    assert.equal(json.languageId, 'json');

    await vscode.commands.executeCommand('partnerCenter.newOrderForCustomer', customer);
    const order = await waitFor(
      'the new order document',
      () => vscode.window.activeTextEditor?.document.uri.path.endsWith('.order.json') && vscode.window.activeTextEditor.document,
    );
    assert.equal(order.isUntitled, true);
    assert.match(order.getText(), new RegExp(`"referenceCustomerId": "${customerId}"`));
    assert.match(order.getText(), /"lineItems"/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('an entitlement with a reserved-instance artifact expands to the artifact, and the artifact to its reservations', async () => {
    const p = await provider();
    p.refresh();
    const { customerId } = await emulator.fixtures();
    const customer = await customerNode(p, customerId);
    const [, , entitlements] = await p.getChildren(customer);
    const withArtifacts = (await p.getChildren(entitlements!)).filter(
      (n) => n.getTreeItem().collapsibleState === vscode.TreeItemCollapsibleState.Collapsed,
    );
    assert.ok(withArtifacts.length > 0, 'the fixture customer has an entitlement with artifacts');
    const artifacts = (await Promise.all(withArtifacts.map((n) => p.getChildren(n))))
      .flat()
      .filter((n) => n.id.includes('/artifact/'));
    assert.ok(artifacts.length > 0, 'an entitlement shows its artifacts');
    assert.match(label(artifacts[0]!), /reservedinstance/i);
    await emulator.resetRequests();
    const reservations = await p.getChildren(artifacts[0]!);
    assert.ok(
      reservations.length > 0 && reservations.every((n) => n.id.includes('/reservation/')),
      `the artifact shows its reservations: ${reservations.map((n) => n.id).join(', ')}`,
    );
    const reads = await calls(/\/artifacts\/reservedinstance\//);
    assert.equal(reads.length, 1, 'the artifact link was followed with one request');
  });

  test('pollIntervalSeconds 0 turns polling off: a pending order is not asked about again', async () => {
    const p = await provider();
    const config = vscode.workspace.getConfiguration('partnerCenter');
    await config.update('explorer.pollIntervalSeconds', 0, vscode.ConfigurationTarget.Workspace);
    try {
      p.refresh();
      const { customerId, catalog } = await emulator.fixtures();
      const created = await partnerCenterApi<{ id: string; status: string }>('POST', `/customers/${customerId}/orders`, {
        billingCycle: 'monthly',
        lineItems: [{ lineItemNumber: 0, offerId: catalog.license, quantity: 1, termDuration: 'P1M' }],
      });
      const customer = await customerNode(p, customerId);
      const [orders] = await p.getChildren(customer);
      await emulator.resetRequests();
      const order = (await p.getChildren(orders!)).find((n) => n.id.endsWith(`/order/${created.id}`));
      assert.ok(order, 'the new order is listed');
      assert.match(description(order), /^pending/);
      // Longer than the emulator's provisioning delay (2 s in this run) plus the shortest poll: with
      // polling on, the explorer would have asked about the order in this time (the test above
      // sees it every second).
      await new Promise((resolve) => setTimeout(resolve, 4000));
      const asked = (await calls(new RegExp(`^/v1/customers/${customerId}/orders/${created.id}$`))).length;
      assert.equal(asked, 0, 'the explorer never asked about the order');
      assert.match(description(order), /^pending/, 'the node still shows what was loaded');
      const settled = await partnerCenterApi<{ status: string }>('GET', `/customers/${customerId}/orders/${created.id}`);
      assert.equal(settled.status, 'completed', 'meanwhile the service settled it, so there was something to see');
    } finally {
      await config.update('explorer.pollIntervalSeconds', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  // Last in the suite: it opens the view, which from then on asks for what it shows.
  test('two folders that fail at once each show their own error row in the view', async () => {
    const { api } = await activateExtension<Api>();
    const p = api.explorer.provider;
    p.refresh();
    const { customerId } = await emulator.fixtures();
    const customer = await customerNode(p, customerId);
    const [orders, subscriptions] = await p.getChildren(customer);
    await emulator.setFaults({ status503: 1 });
    try {
      // Expanded in the real view: the workbench registers each row it shows by id, and a folder
      // whose error row had an id already shown ("Element with id … is already registered") would
      // show no row at all.
      await vscode.commands.executeCommand('partnerCenter.customers.focus');
      await api.explorer.view.reveal(orders!, { expand: true, select: false, focus: false });
      await api.explorer.view.reveal(subscriptions!, { expand: true, select: false, focus: false });
      const rows = await waitFor(
        'an error row under each folder',
        async () => {
          const texts = await ui.texts(parts.treeRow, 'Click to retry');
          return texts.length >= 2 ? texts : undefined;
        },
        30_000,
      );
      assert.equal(rows.length, 2, `one error row per failed folder: ${JSON.stringify(rows)}`);
      for (const row of rows) assert.match(row, /Error.*(503|unavailable)/is);
      // VS Code 1.96 refuses a repeated id (one row above would be missing); newer releases show
      // both rows but keep only the later element under that id.
      const [orderError] = await p.getChildren(orders!);
      const [subscriptionError] = await p.getChildren(subscriptions!);
      assert.notEqual(orderError!.id, subscriptionError!.id);
    } finally {
      await emulator.setFaults({});
      await vscode.commands.executeCommand('workbench.view.explorer');
    }
  });
});
