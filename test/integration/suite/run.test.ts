// Run request in the real extension host against the emulator: orders placed once and followed,
// carts previewed then checked out, subscription updates that keep what they do not change, lost
// answers, a reload with an open journal entry, cancel, the history across a reload, what the
// confirmation shows, a document run twice at once, each refusal with its reason, and discarding a
// stale journal entry. These tests answer the dialogs through a recording confirmer, to see what
// the core asked; confirmation.test.ts clicks the real modal dialogs in the browser.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, emulatorUrl, openNewDocument, waitFor, workspaceRoot } from '../helpers';
import { emulator } from '../emulatorAdmin';
import { type JournalEntry, type PurchaseSummary, type RunResult } from '../../../common/src/send';
import { type PartnerCenterExtensionApi } from '../../../client/src/extension';
import { type Confirmer } from '../../../client/src/run/confirmer';

type Api = PartnerCenterExtensionApi;
interface RunRefusal {
  status: 'refused';
  reason: string;
  message: string;
}
/** The run's result when it was sent; fails the test with the refusal otherwise. */
function sent(outcome: RunResult | RunRefusal): RunResult {
  if (outcome.status === 'refused') assert.fail(`refused (${outcome.reason}): ${outcome.message}`);
  return outcome;
}
interface Fixtures {
  customerId: string;
  subscriptions: { recent: { customerId: string; subscriptionId: string } };
  catalog: { license: string; threeYear: string };
}
interface Recorded {
  method: string;
  path: string;
  status: number;
  requestId?: string;
  fault?: string;
}

const fixtures = async (): Promise<Fixtures> => (await (await fetch(`${emulatorUrl()}/_emulator/fixtures`)).json()) as Fixtures;
const recorded = async () => (await emulator.requests()) as unknown as Recorded[];
const api = async () => (await activateExtension<Api>()).api;
const v1 = async <T>(path: string): Promise<T> =>
  (await (await fetch(`${emulatorUrl()}/v1${path}`, { headers: { authorization: 'Bearer integration-test' } })).json()) as T;
const orderCount = async (customerId: string) => (await v1<{ items: unknown[] }>(`/customers/${customerId}/orders`)).items.length;
const orderPosts = async (customerId: string) =>
  (await recorded()).filter(
    (r) => r.method === 'POST' && r.path.toLowerCase() === `/v1/customers/${customerId}/orders`.toLowerCase(),
  );

/** `onConfirm` runs as the person says yes: the fault tests switch faults on there, so only the purchase meets them. */
function recordingConfirmer(
  answer: boolean,
  customerId?: string,
  onConfirm?: () => Promise<unknown>,
): Confirmer & { asked: PurchaseSummary[]; typed: boolean[] } {
  const asked: PurchaseSummary[] = [];
  const typed: boolean[] = [];
  return {
    asked,
    typed,
    confirmPurchase: async (summary, options) => {
      asked.push(summary);
      typed.push(options.typed);
      await onConfirm?.();
      return answer;
    },
    confirmReadWithErrors: async () => false,
    pickCustomer: async () => customerId,
  };
}

let counter = 0;
function orderText(customerId: string | undefined, lines: { item: string; quantity: number }[]): string {
  return JSON.stringify(
    {
      $schema: 'partner-center:/schemas/order.schema.json',
      ...(customerId ? { referenceCustomerId: customerId } : {}),
      partnerOnRecordAttestationAccepted: true,
      billingCycle: 'monthly',
      lineItems: lines.map((l, i) => ({ lineItemNumber: i, offerId: l.item, quantity: l.quantity, termDuration: 'P1Y' })),
    },
    null,
    2,
  );
}
const open = (name: string, text: string) => openNewDocument(`run/${Date.now()}-${++counter}-${name}`, text);

suite('Run request', () => {
  suiteSetup(async () => {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(workspaceRoot(), 'run'));
  });

  teardown(async () => {
    const run = (await api()).run;
    run.setConfirmer(undefined);
    run.setRetry(undefined);
    run.setTrusted(undefined);
    await emulator.setFaults({});
  });

  test('an order sent from a document is confirmed with the customer and every line, placed once, revealed and followed until it settles', async () => {
    const a = await api();
    const f = await fixtures();
    const revealed: Promise<{ getTreeItem(): vscode.TreeItem } | undefined>[] = [];
    const original = a.explorer.revealOrder;
    a.explorer.revealOrder = (c, o) => {
      const node = original.call(a.explorer, c, o);
      revealed.push(node);
      return node;
    };
    const confirmer = recordingConfirmer(true);
    a.run.setConfirmer(confirmer);
    const doc = await open(
      'buy.order.json',
      orderText(f.customerId, [
        { item: f.catalog.license, quantity: 3 },
        { item: f.catalog.threeYear, quantity: 1 },
      ]),
    );
    try {
      const result = sent(await a.run.run(doc.uri));
      assert.equal(result.status, 'done', result.message);
      const [orderId] = result.orderIds;
      assert.ok(orderId);

      const [summary] = confirmer.asked;
      assert.equal(summary.environment.kind, 'emulator');
      assert.equal(confirmer.typed[0], false, 'typing the domain is for production only');
      assert.ok(summary.customer.name, 'the customer is named');
      assert.match(String(summary.customer.domain), /\./, 'with the domain');
      assert.deepEqual(
        summary.lines.map((l) => [l.catalogItemId, l.quantity, l.termDuration, l.billingCycle]),
        [
          [f.catalog.license, 3, 'P1Y', 'monthly'],
          [f.catalog.threeYear, 1, 'P1Y', 'monthly'],
        ],
      );

      const response = await waitFor('the response beside the request', () =>
        vscode.window.visibleTextEditors.find(
          (e) => e.document.uri.scheme === 'partner-center-response' && e.document.getText().includes(orderId),
        ),
      );
      const shown = JSON.parse(response.document.getText()) as {
        status: number;
        requestId: string;
        correlationId: string;
        durationMs: number;
      };
      assert.equal(shown.status, 201);
      assert.ok(shown.requestId && shown.correlationId && shown.durationMs >= 0);
      assert.equal((await orderPosts(f.customerId)).filter((p) => p.requestId === shown.requestId).length, 1);

      assert.equal(revealed.length, 1, 'the order is revealed in the explorer');
      const node = await revealed[0];
      assert.ok(node, 'the explorer found the new order under its customer');
      assert.match(String(node.getTreeItem().label), new RegExp(orderId));
      await waitFor('the order to settle', () => a.run.followed.get(orderId) === 'completed', 30_000);
      await waitFor(
        'the explorer node to show it settled',
        () => /^completed/.test(String(node.getTreeItem().description)),
        30_000,
      );
    } finally {
      a.explorer.revealOrder = original;
    }
  });

  test('a declined confirmation sends nothing', async () => {
    const a = await api();
    const f = await fixtures();
    a.run.setConfirmer(recordingConfirmer(false));
    const before = (await orderPosts(f.customerId)).length;
    const doc = await open('declined.order.json', orderText(f.customerId, [{ item: f.catalog.license, quantity: 1 }]));
    const result = sent(await a.run.run(doc.uri));
    assert.equal(result.status, 'declined');
    assert.equal((await orderPosts(f.customerId)).length, before);
  });

  test('a cart previews its priced lines, then checks out as a separately confirmed step', async () => {
    const a = await api();
    const f = await fixtures();
    const confirmer = recordingConfirmer(true, f.customerId);
    a.run.setConfirmer(confirmer);
    const cart = {
      partnerOnRecordAttestationAccepted: true,
      lineItems: [{ id: 0, catalogItemId: f.catalog.license, quantity: 2, billingCycle: 'monthly', termDuration: 'P1M' }],
    };
    const doc = await open('buy.cart.json', JSON.stringify(cart, null, 2));
    const result = sent(await a.run.run(doc.uri));
    assert.equal(result.status, 'done', result.message);
    assert.deepEqual(
      result.exchanges.map((e) => `${e.call.method} ${e.status}`),
      ['POST 201', 'POST 201'],
      'create, then checkout',
    );
    assert.equal(confirmer.asked[0].action, 'Check out cart');
    assert.ok(confirmer.asked[0].lines[0].price !== undefined, 'the checkout confirmation shows the price the service computed');
    const preview = (await a.run.history().list()).find(
      (r) => r.title.includes('cart preview') && r.documentUri === doc.uri.toString(),
    );
    assert.ok(preview, 'the preview was shown (and kept) before checkout');
    assert.equal(result.orderIds.length, 1);
  });

  test('a subscription update keeps the fields it did not change', async () => {
    const a = await api();
    const { customerId, subscriptionId } = (await fixtures()).subscriptions.recent;
    const before = await v1<{ quantity: number; autoRenewEnabled: boolean; billingCycle: string; friendlyName: string }>(
      `/customers/${customerId}/subscriptions/${subscriptionId}`,
    );
    const confirmer = recordingConfirmer(true, customerId);
    a.run.setConfirmer(confirmer);
    const doc = await open(
      'seats.subscription.json',
      JSON.stringify({ id: subscriptionId, quantity: before.quantity + 1 }, null, 2),
    );
    const result = sent(await a.run.run(doc.uri));
    assert.equal(result.status, 'done', result.message);
    const after = await v1<typeof before>(`/customers/${customerId}/subscriptions/${subscriptionId}`);
    assert.equal(after.quantity, before.quantity + 1);
    assert.equal(after.autoRenewEnabled, before.autoRenewEnabled);
    assert.equal(after.billingCycle, before.billingCycle);
    assert.equal(after.friendlyName, before.friendlyName);
    assert.deepEqual(
      confirmer.asked[0].changes?.map((c) => c.path),
      ['quantity'],
    );
  });

  test('a send whose answers are lost after commit ends with exactly one order', async () => {
    const a = await api();
    const f = await fixtures();
    a.run.setConfirmer(recordingConfirmer(true, undefined, () => emulator.setFaults({ resetAfterCommit: 1 })));
    const ordersBefore = await orderCount(f.customerId);
    const postsBefore = (await orderPosts(f.customerId)).length;
    const doc = await open('lost.order.json', orderText(f.customerId, [{ item: f.catalog.license, quantity: 5 }]));
    const sending = a.run.run(doc.uri);
    await waitFor('a committed order whose answer was lost', async () =>
      (await orderPosts(f.customerId)).slice(postsBefore).some((p) => p.fault === 'reset-after-commit'),
    );
    await emulator.setFaults({});
    const result = await sending;
    assert.equal(result.status, 'done', result.message);
    const posts = (await orderPosts(f.customerId)).slice(postsBefore);
    assert.ok(posts.length >= 2, 'the order was re-sent');
    assert.equal(new Set(posts.map((p) => p.requestId)).size, 1, 'with the same MS-RequestId every time');
    assert.equal(await orderCount(f.customerId), ordersBefore + 1, 'exactly one order exists');
  });

  test('after a reload, an unsettled order is looked up; running it again shows the order that matches and, confirmed, buys nothing more', async () => {
    const a = await api();
    const f = await fixtures();
    a.run.setConfirmer(recordingConfirmer(true, undefined, () => emulator.setFaults({ resetAfterCommit: 1 })));
    a.run.setRetry({ maxAttempts: 1 });
    const ordersBefore = await orderCount(f.customerId);
    const doc = await open('crash.order.json', orderText(f.customerId, [{ item: f.catalog.license, quantity: 7 }]));
    const lost = sent(await a.run.run(doc.uri));
    assert.equal(lost.status, 'unknown', lost.message);
    await emulator.setFaults({});
    const [entry] = await a.run.journal().unsettled((e) => e.documentUri === doc.uri.toString());
    assert.ok(entry, 'the send is journaled');
    const postsBefore = (await orderPosts(f.customerId)).length;

    // After the reload the service is asked; an order with the same lines is a match, never
    // proof, so nothing is concluded or sent and the entry stays.
    const outcomes = await a.run.reload();
    const matched = outcomes.find((o) => o.entry.requestId === entry.requestId);
    assert.equal(matched?.state, 'matched', matched?.message);
    const [placed] = (matched as { orderIds: string[] }).orderIds;
    assert.ok(placed, 'the order placed before the crash is named');
    assert.equal((await orderPosts(f.customerId)).length, postsBefore, 'nothing was sent on reload');
    assert.equal((await a.run.journal().unsettled((e) => e.requestId === entry.requestId)).length, 1, 'the entry is kept');

    // Running the document again asks the person, naming the matching order, and re-sends under
    // the journaled request id: the service answers with the order it already placed.
    const confirmer = recordingConfirmer(true);
    a.run.setConfirmer(confirmer);
    const again = sent(await a.run.run(doc.uri));
    assert.ok(
      (confirmer.asked[0]?.warnings ?? []).some((w) => w.includes(placed)),
      `the confirmation names order ${placed}: ${JSON.stringify(confirmer.asked[0]?.warnings)}`,
    );
    assert.equal(again.status, 'alreadyDone', again.message);
    assert.deepEqual(again.orderIds, [placed]);
    assert.deepEqual(
      (await orderPosts(f.customerId)).slice(postsBefore).map((p) => p.requestId),
      [entry.requestId],
      'one re-send, under the journaled id',
    );
    assert.equal(await orderCount(f.customerId), ordersBefore + 1, 'still exactly one order');
    assert.deepEqual(await a.run.journal().unsettled((e) => e.requestId === entry.requestId), []);
  });

  test('cancelling stops the request', async () => {
    const a = await api();
    await emulator.setFaults({ latencyMs: 4000 });
    const doc = await open(
      'slow.request.json',
      JSON.stringify({ method: 'GET', path: '/v1/customers', query: { size: 3 } }, null, 2),
    );
    const source = new vscode.CancellationTokenSource();
    const sending = a.run.run(doc.uri, { token: source.token });
    await waitFor('the request to reach the emulator', async () =>
      (await recorded()).some((r) => r.path === '/v1/customers?size=3'),
    );
    source.cancel();
    const result = await sending;
    // Had the cancel not reached the request, the answer would have come (after the 4 s delay) and
    // the run would be 'done': the status alone tells.
    assert.equal(result.status, 'cancelled', result.message);
  });

  test('history survives a reload, holds no token, and exports as HAR', async () => {
    const a = await api();
    const doc = await open(
      'customers.request.json',
      JSON.stringify({ method: 'GET', path: '/v1/customers', query: { size: 2 } }, null, 2),
    );
    const result = sent(await a.run.run(doc.uri));
    assert.equal(result.status, 'done', result.message);
    const [latest] = await a.run.history().list();
    assert.equal(latest.documentUri, doc.uri.toString());

    await a.run.reload();
    const afterReload = await a.run.history().list();
    assert.ok(
      afterReload.some((r) => r.id === latest.id),
      'the record was read back from storage',
    );
    assert.ok(!JSON.stringify(afterReload).includes('partner-center-vscode-emulator'), 'no token in the history');

    const target = vscode.Uri.joinPath(workspaceRoot(), 'run', 'history.har');
    await a.run.exportHistory('har', target);
    const har = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8')) as {
      log: { entries: { request: { url: string } }[] };
    };
    assert.ok(har.log.entries.some((e) => e.request.url.includes('/v1/customers?size=2')));
  });

  test('a document with error diagnostics is not sent', async () => {
    const a = await api();
    const f = await fixtures();
    a.run.setConfirmer(recordingConfirmer(true));
    const text = orderText(f.customerId, [{ item: f.catalog.license, quantity: 1 }]).replace('"monthly"', '"montly"');
    const doc = await open('typo.order.json', text);
    await waitFor(
      'the language server to report the error',
      () => vscode.languages.getDiagnostics(doc.uri).some((d) => d.severity === vscode.DiagnosticSeverity.Error),
      30_000,
    );
    const before = (await orderPosts(f.customerId)).length;
    const outcome = await a.run.run(doc.uri);
    assert.equal(outcome.status === 'refused' && outcome.reason, 'documentErrors');
    assert.match(outcome.message, /not sent — the document has \d+ error/);
    assert.equal((await orderPosts(f.customerId)).length, before);
  });

  test('a JSON file that is not a request document is refused as such, and nothing is sent', async () => {
    const a = await api();
    await emulator.resetRequests();
    const doc = await open('notes.json', JSON.stringify({ method: 'GET', path: '/v1/customers' }));
    const outcome = await a.run.run(doc.uri);
    assert.equal(outcome.status === 'refused' && outcome.reason, 'notARequest');
    assert.match(outcome.message, /open a request document/);
    assert.deepEqual(
      (await recorded()).filter((r) => r.path.startsWith('/v1/customers?') || r.path === '/v1/customers'),
      [],
    );
  });

  test('without a sign-in for the chosen cloud, Run Request says so and sends nothing', async () => {
    const a = await api();
    const config = vscode.workspace.getConfiguration('partnerCenter');
    const doc = await open('signed-out.request.json', JSON.stringify({ method: 'GET', path: '/v1/customers' }));
    await config.update('environment', 'global', vscode.ConfigurationTarget.Workspace);
    try {
      const outcome = await a.run.run(doc.uri);
      assert.equal(outcome.status === 'refused' && outcome.reason, 'notSignedIn');
      assert.match(outcome.message, /sign in/i);
    } finally {
      await config.update('environment', 'emulator', vscode.ConfigurationTarget.Workspace);
    }
  });

  test('sending is disabled in an untrusted workspace', async () => {
    const a = await api();
    a.run.setTrusted(() => false);
    // A listing no other part of the extension asks for (the explorer pages by 40), so any
    // request of this shape could only come from this document.
    const mine = async () => (await recorded()).filter((r) => r.path === '/v1/customers?size=7').length;
    const doc = await open(
      'untrusted.request.json',
      JSON.stringify({ method: 'GET', path: '/v1/customers', query: { size: 7 } }),
    );
    const outcome = await a.run.run(doc.uri);
    assert.equal(outcome.status === 'refused' && outcome.reason, 'untrusted');
    assert.match(outcome.message, /untrusted workspace/);
    assert.equal(await mine(), 0);
    a.run.setTrusted(undefined);
    assert.equal(sent(await a.run.run(doc.uri)).status, 'done', 'the same document is sent once the workspace is trusted');
    assert.equal(await mine(), 1);
  });

  test('a document already running is not run again (a double-click), and one order is placed', async () => {
    const a = await api();
    const f = await fixtures();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    // Only the first confirmation is held open: a second one, if it were asked, would buy at once.
    const confirmer = recordingConfirmer(true, undefined, () => (confirmer.asked.length === 1 ? held : Promise.resolve()));
    a.run.setConfirmer(confirmer);
    const before = (await orderPosts(f.customerId)).length;
    const doc = await open('twice.order.json', orderText(f.customerId, [{ item: f.catalog.license, quantity: 2 }]));
    const first = a.run.run(doc.uri);
    try {
      await waitFor('the first run to ask for confirmation', () => confirmer.asked.length === 1);
      const second = await a.run.run(doc.uri);
      assert.equal(second.status === 'refused' && second.reason, 'alreadyRunning', 'the second run is refused at once');
    } finally {
      release();
    }
    const result = sent(await first);
    assert.equal(result.status, 'done', result.message);
    assert.equal(confirmer.asked.length, 1, 'the person was asked once');
    assert.equal((await orderPosts(f.customerId)).length, before + 1);
    const again = sent(await a.run.run(doc.uri));
    assert.equal(confirmer.asked.length, 2, 'once the first run is over, the document can be run again');
    assert.equal(again.status, 'done', again.message);
  });

  test('a stale journal entry can be discarded after a confirmation naming it', async () => {
    const a = await api();
    const f = await fixtures();
    const journal = a.run.journal();
    const entry: JournalEntry = {
      requestId: '7d2e8e3a-9b3f-4e5a-8c73-2b8a4b6d1c32',
      correlationId: '8e3f9f4b-ac4a-4f6b-9d84-3c9b5c7e2d43',
      startedAt: new Date().toISOString(),
      endpoint: emulatorUrl(),
      purpose: 'request',
      method: 'POST',
      path: `/v1/customers/${f.customerId}/subscriptions/s1/transitions`,
      customerId: f.customerId,
      bodyHash: 'stale',
      match: {},
    };
    await journal.begin(entry);
    const shown: JournalEntry[] = [];
    let answer = false;
    a.run.setConfirmer({
      ...recordingConfirmer(true),
      confirmDiscard: async (e) => {
        shown.push(e);
        return answer;
      },
    });

    assert.equal(await vscode.commands.executeCommand('partnerCenter.journal.discard', entry.requestId), false);
    assert.equal((await journal.unsettled((e) => e.requestId === entry.requestId)).length, 1, 'declined: kept');
    answer = true;
    assert.equal(await vscode.commands.executeCommand('partnerCenter.journal.discard', entry.requestId), true);
    assert.deepEqual(
      shown.map((e) => e.requestId),
      [entry.requestId, entry.requestId],
      'the confirmation named the entry',
    );
    assert.deepEqual(await journal.unsettled((e) => e.requestId === entry.requestId), []);
  });
});
