// Subscription lifecycle actions from the Customers tree (issue 15), in the real extension host
// against the emulator: each action from the node's command through the review diff and the
// confirmation to the node redrawn as Partner Center settled it; cancellation outside the window
// is not offered and says why; a stale etag opens a fresh diff; a reduction whose answers are lost
// is applied once. Each test buys its own subscription (the suite shares one emulator), so the
// fixtures other suites read are never changed here. The dialogs are answered by a recording
// confirmer, as in run.test.ts.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { type PurchaseSummary } from '../../../common/src/send';
import { type PartnerCenterExtensionApi } from '../../../client/src/extension';
import { type SubscriptionNode } from '../../../client/src/explorer/SubscriptionNode';
import { type LifecycleOutcome, type UpgradeOutcome } from '../../../client/src/lifecycle/lifecycleController';
import { type Confirmer } from '../../../client/src/run/confirmer';
import { activateExtension, emulatorUrl, waitFor } from '../helpers';
import { emulator, partnerCenterApi } from '../emulatorAdmin';

interface Ref {
  customerId: string;
  subscriptionId: string;
}
interface Fixtures {
  customerId: string;
  subscriptions: { old: Ref };
  catalog: { license: string; threeYear: string };
}
interface Recorded {
  method: string;
  path: string;
  status: number;
  requestId?: string;
}
interface Sub {
  id: string;
  status: string;
  quantity: number;
  autoRenewEnabled: boolean;
  friendlyName: string;
  billingCycle: string;
  offerId: string;
  scheduledNextTermInstructions?: unknown;
}

const api = async () => (await activateExtension<PartnerCenterExtensionApi>()).api;
const fixtures = async (): Promise<Fixtures> => (await (await fetch(`${emulatorUrl()}/_emulator/fixtures`)).json()) as Fixtures;
const subscription = (r: Ref) => partnerCenterApi<Sub>('GET', `/customers/${r.customerId}/subscriptions/${r.subscriptionId}`);
const patches = async (r: Ref) =>
  ((await emulator.requests()) as unknown as Recorded[]).filter((q) => q.method === 'PATCH' && q.path.includes(r.subscriptionId));
const contextOf = (node: SubscriptionNode) => String(node.getTreeItem().contextValue);
const descriptionOf = (node: SubscriptionNode) => String(node.getTreeItem().description);

/** A new subscription of the fixture customer, bought for the test (inside its cancellation window). */
async function buy(
  item: 'license' | 'threeYear',
  quantity: number,
  termDuration: string,
  billingCycle = 'monthly',
): Promise<Ref> {
  const f = await fixtures();
  const order = await partnerCenterApi<{ id: string }>('POST', `/customers/${f.customerId}/orders`, {
    billingCycle,
    lineItems: [{ lineItemNumber: 0, offerId: f.catalog[item], quantity, termDuration }],
  });
  let id: string | undefined;
  await waitFor(
    'the order to provision its subscription',
    async () => {
      const list = await partnerCenterApi<{ items: Sub[] }>(
        'GET',
        `/customers/${f.customerId}/subscriptions?order_id=${order.id}`,
      );
      id = list.items[0]?.id;
      return id !== undefined;
    },
    30_000,
  );
  return { customerId: f.customerId, subscriptionId: id! };
}

async function nodeOf(r: Ref): Promise<SubscriptionNode> {
  const node = await (await api()).explorer.revealSubscription(r.customerId, r.subscriptionId);
  assert.ok(node, `subscription ${r.subscriptionId} is in the tree`);
  return node;
}

function recordingConfirmer(
  answer: boolean,
  onConfirm?: (n: number) => Promise<unknown>,
): Confirmer & { asked: PurchaseSummary[]; typed: boolean[] } {
  const asked: PurchaseSummary[] = [];
  const typed: boolean[] = [];
  return {
    asked,
    typed,
    confirmPurchase: async (summary, options) => {
      asked.push(summary);
      typed.push(options.typed);
      await onConfirm?.(asked.length);
      return answer;
    },
    confirmReadWithErrors: async () => false,
    pickCustomer: async () => undefined,
  };
}

async function act(command: string, node: SubscriptionNode, value?: unknown): Promise<LifecycleOutcome> {
  const outcome = await vscode.commands.executeCommand<LifecycleOutcome | undefined>(
    `partnerCenter.subscription.${command}`,
    node,
    ...(value === undefined ? [] : [value]),
  );
  assert.ok(outcome, `${command} ran`);
  return outcome;
}

/** The diff editors open now: their right-hand (proposed) documents. */
const openDiffs = () =>
  vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .map((t) => t.input)
    .filter((i): i is vscode.TabInputTextDiff => i instanceof vscode.TabInputTextDiff)
    .map((i) => i.modified.toString());

suite('Subscription lifecycle', () => {
  teardown(async () => {
    const run = (await api()).run;
    run.setConfirmer(undefined);
    run.setRetry(undefined);
    await emulator.setFaults({});
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Change Quantity: a diff of current against proposed, confirmed as a purchase with its refund, then the node shows the new quantity', async () => {
    const a = await api();
    const ref = await buy('license', 5, 'P1M');
    const node = await nodeOf(ref);
    assert.match(contextOf(node), /partnerCenter\.lifecycle\.quantity\b/);
    assert.match(descriptionOf(node), /×5/);
    assert.match(descriptionOf(node), /cancellable, \d+ days? .*left/);
    const confirmer = recordingConfirmer(true);
    a.run.setConfirmer(confirmer);

    const outcome = await act('changeQuantity', node, 3);
    assert.equal(outcome.status, 'done', outcome.message);
    assert.equal(outcome.reviews.length, 1);
    assert.ok(openDiffs().includes(outcome.reviews[0]!.proposed.toString()), 'the review diff is open');
    const proposed = await vscode.workspace.openTextDocument(outcome.reviews[0]!.proposed);
    assert.equal(proposed.languageId, 'json');
    assert.equal((JSON.parse(proposed.getText()) as Sub).quantity, 3);
    assert.equal(confirmer.asked.length, 1);
    assert.equal(confirmer.asked[0]!.action, 'Remove seats');
    assert.deepEqual(
      confirmer.asked[0]!.changes?.map((c) => [c.path, c.from, c.to]),
      [['quantity', 5, 3]],
    );
    assert.match((confirmer.asked[0]!.consequences ?? []).join('\n'), /Refund/);
    assert.match(descriptionOf(node), /×3/, 'the node shows the settled quantity');
    const now = await subscription(ref);
    assert.deepEqual([now.quantity, now.autoRenewEnabled], [3, true], 'auto-renew was not reset by omission');
    assert.ok((await a.run.history().list()).some((r) => r.customerId === ref.customerId && r.summary.includes('Remove seats')));
  });

  test('auto-renew off and on, schedule and remove next-term changes, suspend, reactivate and cancel, each to the settled node', async () => {
    const a = await api();
    const ref = await buy('license', 4, 'P1M');
    const node = await nodeOf(ref);
    const confirmer = recordingConfirmer(true);
    a.run.setConfirmer(confirmer);
    const step = async (command: string, value?: unknown) => {
      const outcome = await act(command, node, value);
      assert.equal(outcome.status, 'done', `${command}: ${outcome.message}`);
      return outcome;
    };

    await step('turnAutoRenewOff');
    assert.match(descriptionOf(node), /no auto-renew/);
    assert.match(contextOf(node), /partnerCenter\.lifecycle\.autoRenewOff\b/);
    await step('turnAutoRenewOn');
    assert.match(contextOf(node), /partnerCenter\.lifecycle\.autoRenewOn\b/);

    const f = await fixtures();
    const [productId, skuId, availabilityId] = f.catalog.license.split(':');
    await step('scheduleChanges', {
      product: { productId, skuId, availabilityId, billingCycle: 'annual', termDuration: 'P1Y' },
      quantity: 6,
    });
    assert.match(descriptionOf(node), /changes scheduled/);
    assert.match(String((node.getTreeItem().tooltip as vscode.MarkdownString).value), /Scheduled for the next term: 6 × /);
    assert.match(contextOf(node), /partnerCenter\.lifecycle\.scheduled\b/);
    await step('removeScheduledChanges');
    assert.doesNotMatch(descriptionOf(node), /changes scheduled/);
    assert.equal((await subscription(ref)).scheduledNextTermInstructions, undefined);

    const suspended = await step('suspend');
    assert.match((suspended.summary?.consequences ?? []).join('\n'), /turns auto-renew off/);
    assert.match(descriptionOf(node), /^suspended/);
    assert.match(contextOf(node), /partnerCenter\.lifecycle\.reactivate\b/);
    assert.doesNotMatch(
      contextOf(node),
      /partnerCenter\.lifecycle\.quantity\b/,
      'a suspended subscription offers no quantity change',
    );
    await step('reactivate');
    assert.match(descriptionOf(node), /^active/);

    const cancelled = await step('cancel');
    assert.match((cancelled.summary?.consequences ?? []).join('\n'), /Refund: full/);
    assert.match(descriptionOf(node), /^deleted/);
    assert.equal((await subscription(ref)).status, 'deleted');
    assert.deepEqual(confirmer.typed.filter(Boolean), [], 'the emulator never asks for the typed confirmation');
  });

  test('Change Billing Cycle on a three-year term moves it from monthly to annual', async () => {
    const a = await api();
    const ref = await buy('threeYear', 2, 'P3Y');
    const node = await nodeOf(ref);
    assert.match(contextOf(node), /partnerCenter\.lifecycle\.billingCycle\b/);
    a.run.setConfirmer(recordingConfirmer(true));
    const outcome = await act('changeBillingCycle', node, 'annual');
    assert.equal(outcome.status, 'done', outcome.message);
    assert.equal((await subscription(ref)).billingCycle, 'annual');
    assert.match(descriptionOf(node), /annual/);
  });

  test('outside the cancellation window Cancel is not offered, and asking says why; nothing is sent', async () => {
    const a = await api();
    const { old } = (await fixtures()).subscriptions;
    const node = await nodeOf(old);
    assert.doesNotMatch(contextOf(node), /partnerCenter\.lifecycle\.cancel\b/);
    assert.match(contextOf(node), /partnerCenter\.lifecycle\.cancelClosed\b/);
    assert.match(String((node.getTreeItem().tooltip as vscode.MarkdownString).value), /Cancellation: not possible now/);
    const confirmer = recordingConfirmer(true);
    a.run.setConfirmer(confirmer);
    await emulator.resetRequests();
    const startedAt = new Date().toISOString();
    const outcome = await act('cancel', node);
    assert.equal(outcome.status, 'refused');
    assert.match(outcome.message, /cancellation window has closed.*seven days/);
    assert.equal(confirmer.asked.length, 0);
    assert.deepEqual(await patches(old), []);
    // What it read to find out, if anything, is kept as not sent, never as a success.
    const recorded = (await a.run.history().list()).filter((r) => r.customerId === old.customerId && r.time >= startedAt);
    assert.deepEqual(
      recorded.filter((r) => r.status !== 'cancelled').map((r) => [r.summary, r.status]),
      [],
    );
  });

  test('a change whose confirmation is cancelled sends nothing and is kept in History as declined, not as a success', async () => {
    const a = await api();
    const { old } = (await fixtures()).subscriptions;
    const node = await nodeOf(old);
    a.run.setConfirmer(recordingConfirmer(false));
    await emulator.resetRequests();
    const outcome = await act('suspend', node);
    assert.equal(outcome.status, 'declined');
    assert.equal(outcome.message, 'Not sent: "Suspend subscription" was not confirmed.');
    assert.deepEqual(await patches(old), []);
    const [latest] = await a.run.history().list();
    assert.equal(latest?.customerId, old.customerId);
    assert.equal(latest?.status, 'declined');
  });

  test('a subscription changed by someone else during the review gets a fresh diff and is not overwritten', async () => {
    const a = await api();
    const ref = await buy('license', 3, 'P1M');
    const node = await nodeOf(ref);
    const confirmer = recordingConfirmer(true, async (n) => {
      if (n !== 1) return;
      // While the first confirmation is open, another tool renames the subscription.
      const now = await subscription(ref);
      await partnerCenterApi('PATCH', `/customers/${ref.customerId}/subscriptions/${ref.subscriptionId}`, {
        ...now,
        friendlyName: 'Renamed elsewhere',
      });
    });
    a.run.setConfirmer(confirmer);
    const outcome = await act('turnAutoRenewOff', node);
    assert.equal(outcome.status, 'done', outcome.message);
    assert.equal(outcome.reviews.length, 2, 'a second review was opened');
    assert.equal(confirmer.asked.length, 2, 'and confirmed again');
    const fresh = JSON.parse((await vscode.workspace.openTextDocument(outcome.reviews[1]!.current)).getText()) as Sub;
    assert.equal(fresh.friendlyName, 'Renamed elsewhere', 'the fresh diff starts from the newer subscription');
    assert.ok(openDiffs().includes(outcome.reviews[1]!.proposed.toString()), 'the fresh diff is shown');
    const now = await subscription(ref);
    assert.deepEqual([now.friendlyName, now.autoRenewEnabled], ['Renamed elsewhere', false]);
    assert.deepEqual(
      (await patches(ref)).map((p) => p.status),
      [200, 400, 200],
      'the other tool, the stale send refused (2055), the fresh one',
    );
    assert.equal(String(node.getTreeItem().label), 'Renamed elsewhere');
  });

  test('a seat reduction whose answers are lost is re-sent under one MS-RequestId and applied exactly once', async () => {
    const a = await api();
    const ref = await buy('license', 6, 'P1M');
    const node = await nodeOf(ref);
    a.run.setRetry({ baseDelayMs: 20, maxAttempts: 6 });
    // Faults start once the person says yes, so only the PATCH meets them: applied, then the connection drops, twice.
    a.run.setConfirmer(recordingConfirmer(true, () => emulator.setFaults({ resetAfterCommit: 1, limit: 2 })));
    const outcome = await act('changeQuantity', node, 4);
    assert.equal(outcome.status, 'done', outcome.message);
    const sent = await patches(ref);
    assert.ok(sent.length >= 3, `sent ${sent.length} times`);
    assert.equal(new Set(sent.map((p) => p.requestId)).size, 1, 'every attempt carried the same MS-RequestId');
    assert.ok(
      sent.every((p) => p.status === 200),
      'no attempt was refused as stale: the service answered the same request',
    );
    assert.equal((await subscription(ref)).quantity, 4);
    await waitFor('the node to show the settled quantity', () => /×4/.test(descriptionOf(node)));
    assert.deepEqual(
      (await a.run.journal().unsettled()).filter((e) => e.customerId === ref.customerId),
      [],
      'nothing left open in the journal',
    );
  });

  test('Upgrade: from the node through the review of the transition and a purchase-like confirmation to the node showing the new offer', async () => {
    const a = await api();
    const ref = await buy('license', 4, 'P1M');
    const node = await nodeOf(ref);
    assert.match(contextOf(node), /partnerCenter\.lifecycle\.upgrade\b/, 'an active subscription offers Upgrade…');
    const confirmer = recordingConfirmer(true);
    a.run.setConfirmer(confirmer);
    const standard = 'CFQ7TTC0LDPB:0001:CFQ7TTC0LGNT';

    const outcome = (await act('upgrade', node, { toCatalogItemId: standard })) as UpgradeOutcome;
    assert.equal(outcome.status, 'done', outcome.message);
    assert.equal(outcome.reviews.length, 1);
    assert.ok(openDiffs().includes(outcome.reviews[0]!.proposed.toString()), 'the review diff is open');
    const proposed = JSON.parse((await vscode.workspace.openTextDocument(outcome.reviews[0]!.proposed)).getText()) as {
      subscription: { offerId: string };
      transition: unknown;
    };
    assert.deepEqual(proposed.transition, { toCatalogItemId: standard, quantity: 4, transitionType: 'transition_only' });
    assert.equal(proposed.subscription.offerId, standard);
    assert.equal(confirmer.asked.length, 1);
    assert.equal(confirmer.asked[0]!.action, 'Upgrade to Microsoft 365 Business Standard');
    assert.match((confirmer.asked[0]!.consequences ?? []).join('\n'), /Cancellation windows are not applied to upgrades/);
    const posts = ((await emulator.requests()) as unknown as Recorded[]).filter(
      (q) => q.method === 'POST' && q.path.includes(ref.subscriptionId) && q.path.endsWith('/transitions'),
    );
    assert.equal(posts.length, 1, 'posted once');
    assert.match(outcome.message, /completed/);
    assert.match(
      String((node.getTreeItem().tooltip as vscode.MarkdownString).value),
      /- Offer: `CFQ7TTC0LDPB:0001:/,
      'the node shows the upgraded offer',
    );
    assert.match((await subscription(ref)).offerId, /^CFQ7TTC0LDPB:0001/);
  });

  test('Upgrade of some seats: the node keeps the rest and the new subscription appears in the tree', async () => {
    const a = await api();
    const ref = await buy('license', 5, 'P1M');
    const node = await nodeOf(ref);
    a.run.setConfirmer(recordingConfirmer(true));
    const premium = 'CFQ7TTC0LCHC:0002:CFQ7TTC0MD5V';
    const outcome = (await act('upgrade', node, { toCatalogItemId: premium, quantity: 2 })) as UpgradeOutcome;
    assert.equal(outcome.status, 'done', outcome.message);
    assert.ok('newSubscriptionId' in outcome && outcome.newSubscriptionId, outcome.message);
    assert.match(descriptionOf(node), /×3/, 'the source keeps three seats');
    // Shown by the command itself: the Subscriptions folder, as it is now, lists it.
    const created = ((await node.getParent().getChildren?.()) ?? []).find(
      (n): n is SubscriptionNode => 'subscription' in n && (n as SubscriptionNode).subscription.id === outcome.newSubscriptionId,
    );
    assert.ok(created, 'the new subscription is in the tree');
    assert.match(descriptionOf(created), /×2/);
    assert.match(String((created.getTreeItem().tooltip as vscode.MarkdownString).value), /- Offer: `CFQ7TTC0LCHC:0002:/);
  });
});
