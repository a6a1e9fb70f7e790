// The Customers view against the emulator, through the extension's API client: paging, load more,
// error nodes with retry, and how many HTTP requests each costs.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { activateExtension } from '../helpers';
import { emulator } from '../emulatorAdmin';

interface Node { id: string; getTreeItem(): vscode.TreeItem }
interface Api {
  explorer: { provider: { getChildren(node?: Node): Promise<Node[]>; refresh(): void; loadMore(): Promise<void> } };
}

const customerIds = (nodes: Node[]) => nodes.filter((n) => n.id.startsWith('customer/')).map((n) => n.id);
const customerListCalls = async () => (await emulator.requests()).filter((r) => r.method === 'GET' && /^\/v1\/customers(\?|$)/.test(r.path));

suite('Explorer', () => {
  teardown(async () => {
    await emulator.setFaults({});
  });

  test('pages through every customer with Load more, one request per page', async () => {
    const { api } = await activateExtension<Api>();
    const { provider } = api.explorer;
    provider.refresh();
    await emulator.resetRequests();
    const { customers: total } = await emulator.health();

    let nodes = await provider.getChildren();
    assert.equal(customerIds(nodes).length, 40, 'the first page holds the configured page size');
    assert.ok(nodes.at(-1)!.id.includes('/loadMore/'), 'a Load more node ends a partial list');
    let pages = 1;
    while (nodes.at(-1)!.id.includes('/loadMore/')) {
      await provider.loadMore();
      nodes = await provider.getChildren();
      pages++;
    }
    const ids = customerIds(nodes);
    assert.equal(ids.length, total, 'every customer the emulator holds is listed');
    assert.equal(new Set(ids).size, ids.length, 'no customer is listed twice');
    assert.equal((await customerListCalls()).length, pages, 'each page costs exactly one request');
  });

  test('a failing page becomes an error node with the Partner Center code, and retry recovers', async () => {
    const { api } = await activateExtension<Api>();
    const { provider } = api.explorer;
    await emulator.setFaults({ status503: 1 });
    provider.refresh();
    const failed = await provider.getChildren();
    assert.equal(failed.length, 1);
    const item = failed[0]!.getTreeItem();
    assert.match(String(item.label), /^Error/);
    assert.match(String(item.label), /503|unavailable/i);
    assert.equal(item.command?.command, 'partnerCenter.retry');

    await emulator.setFaults({});
    await (item.command!.arguments![0] as { retry(): Promise<void> | void }).retry();
    const recovered = await provider.getChildren();
    assert.equal(customerIds(recovered).length, 40);
  });
});
