// The run-request core against the emulator: orders confirmed and placed once, faults that lose
// the answer after the order was made, recovery from the journal, carts and subscription updates.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type Cart, type Order, type Subscription } from '../../../common/src/api';
import { requestKindById } from '../../../common/src/requestKinds';
import { Journal, MemoryJournalStore, recoverAll, runDocument } from '../../../common/src/send';
import { withEmulator } from '../../support/emulator';
import { makeContext, orderDocument, orderPosts, recordingPrompts } from './helpers';

const kind = (id: string) => requestKindById(id)!;

describe('run request against the emulator', () => {
  test('an order is confirmed with the customer and every line, then placed once', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      const prompts = recordingPrompts(true);
      const ctx = makeContext(emu, prompts);
      const result = await runDocument(
        orderDocument(customerId, [
          { item: catalog.license, quantity: 3 },
          { item: catalog.threeYear, quantity: 1 },
        ]),
        kind('order'),
        ctx,
      );
      assert.equal(result.status, 'done', result.message);
      assert.equal(result.orderIds.length, 1);
      const [summary] = prompts.asked;
      assert.ok(summary.customer.name && summary.customer.domain, 'the customer is named, with the domain');
      assert.deepEqual(
        summary.lines.map((l) => [l.catalogItemId, l.quantity, l.termDuration, l.billingCycle]),
        [
          [catalog.license, 3, 'P1Y', 'monthly'],
          [catalog.threeYear, 1, 'P1Y', 'monthly'],
        ],
      );
      assert.ok(
        summary.lines.every((l) => l.product !== l.catalogItemId),
        'product names come from the catalog',
      );
      assert.equal(orderPosts(emu, customerId).length, 1);
      assert.deepEqual(await ctx.journal.unsettled(), [], 'a definite answer settles the journal');
      await ctx.client.close();
    });
  });

  test('a declined confirmation sends nothing', async () => {
    await withEmulator(async (emu) => {
      const ctx = makeContext(emu, recordingPrompts(false));
      const result = await runDocument(
        orderDocument(emu.fixtures.customerId, [{ item: emu.fixtures.catalog.license, quantity: 1 }]),
        kind('order'),
        ctx,
      );
      assert.equal(result.status, 'declined');
      assert.equal(orderPosts(emu, emu.fixtures.customerId).length, 0);
      await ctx.client.close();
    });
  });

  test('without referenceCustomerId the customer is asked for', async () => {
    await withEmulator(async (emu) => {
      const ctx = makeContext(emu, recordingPrompts(true, emu.fixtures.customerId));
      const result = await runDocument(
        orderDocument(undefined, [{ item: emu.fixtures.catalog.license, quantity: 1 }]),
        kind('order'),
        ctx,
      );
      assert.equal(result.status, 'done', result.message);
      assert.equal(result.customerId, emu.fixtures.customerId);
      const none = await runDocument(
        orderDocument(undefined, [{ item: emu.fixtures.catalog.license, quantity: 1 }]),
        kind('order'),
        makeContext(emu, recordingPrompts(true)),
      );
      assert.equal(none.status, 'blocked');
      await ctx.client.close();
    });
  });

  test('answers lost after commit end with exactly one order, all attempts under one request id', async () => {
    await withEmulator(
      async (emu) => {
        const { customerId, catalog } = emu.fixtures;
        const before = (await makeContext(emu, recordingPrompts()).client.orders.list(customerId)).length;
        const ctx = makeContext(emu, recordingPrompts(true));
        const result = await runDocument(orderDocument(customerId, [{ item: catalog.license, quantity: 2 }]), kind('order'), ctx);
        assert.equal(result.status, 'done', result.message);
        const posts = orderPosts(emu, customerId);
        assert.ok(
          posts.some((p) => p.fault === 'reset-after-commit'),
          'the fault fired',
        );
        assert.equal(new Set(posts.map((p) => p.requestId)).size, 1, 'one MS-RequestId for every attempt');
        const after = await ctx.client.orders.list(customerId);
        assert.equal(after.length, before + 1, 'exactly one order was created');
        await ctx.client.close();
      },
      { seed: 7, faults: { resetAfterCommit: 0.6 } },
    ); // the seed its fault draws were written against
  });

  test('a send with no definite answer stays journaled; its re-run is re-sent under the same request id and answered with the order it placed', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      const store = new MemoryJournalStore();
      const ctx = makeContext(emu, recordingPrompts(true), {
        journal: new Journal(store),
        retry: { maxAttempts: 1, baseDelayMs: 10 },
      });
      const ordersBefore = (await ctx.client.orders.list(customerId)).length;
      emu.setFaults({ resetAfterCommit: 1 });
      const doc = orderDocument(customerId, [{ item: catalog.license, quantity: 4 }]);
      const lost = await runDocument(doc, kind('order'), ctx);
      assert.equal(lost.status, 'unknown', lost.message);
      const [journaled] = await ctx.journal.unsettled();
      assert.ok(journaled, 'the send is journaled');
      emu.setFaults({});
      const postsBefore = orderPosts(emu, customerId).length;

      // "Reload": a new journal over the same storage, then the same document is run again.
      const prompts = recordingPrompts(true);
      const reloaded = makeContext(emu, prompts, { journal: new Journal(store) });
      const again = await runDocument(doc, kind('order'), reloaded);
      assert.equal(again.status, 'alreadyDone', again.message);
      assert.equal(again.orderIds.length, 1);
      assert.match(
        (prompts.asked[0]?.warnings ?? []).join('\n'),
        new RegExp(`same lines were placed since it started: ${again.orderIds[0]}`),
        'the person is shown the order that matched before anything is sent',
      );
      const resent = orderPosts(emu, customerId).slice(postsBefore);
      assert.deepEqual(
        resent.map((p) => [p.requestId, p.replayed === true]),
        [[journaled.requestId, true]],
        'sent again once, under the journaled request id, and Partner Center answered with the first result',
      );
      assert.equal((await reloaded.client.orders.list(customerId)).length, ordersBefore + 1, 'exactly one order exists');
      assert.deepEqual(await reloaded.journal.unsettled(), []);
      await ctx.client.close();
      await reloaded.client.close();
    });
  });

  test('recoverAll settles a found order and leaves one that never reached the service', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      const ctx = makeContext(emu, recordingPrompts(true), { retry: { maxAttempts: 1, baseDelayMs: 10 } });
      emu.setFaults({ resetBeforeCommit: 1 });
      const never = await runDocument(orderDocument(customerId, [{ item: catalog.license, quantity: 9 }]), kind('order'), ctx);
      assert.equal(never.status, 'unknown');
      emu.setFaults({});
      const outcomes = await recoverAll(ctx.client, ctx.journal);
      assert.deepEqual(
        outcomes.map((o) => o.state),
        ['notFound'],
      );
      // Sending it again re-uses the journaled request id, so even a late order could not double.
      const journaled = (await ctx.journal.unsettled())[0].requestId;
      const sent = await runDocument(orderDocument(customerId, [{ item: catalog.license, quantity: 9 }]), kind('order'), ctx);
      assert.equal(sent.status, 'done', sent.message);
      assert.equal(orderPosts(emu, customerId).at(-1)?.requestId, journaled);
      await ctx.client.close();
    });
  });

  test('a cart is created and previewed with prices, then checked out after its own confirmation', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      const prompts = recordingPrompts(true, customerId);
      const ctx = makeContext(emu, prompts);
      const cart = {
        lineItems: [{ id: 0, catalogItemId: catalog.license, quantity: 2, billingCycle: 'monthly', termDuration: 'P1M' }],
        partnerOnRecordAttestationAccepted: true,
      };
      const result = await runDocument(JSON.stringify(cart), kind('cart'), ctx);
      assert.equal(result.status, 'done', result.message);
      assert.equal(prompts.previews.length, 1);
      assert.ok(prompts.previews[0].lines[0].price !== undefined, 'the preview is priced');
      assert.equal(prompts.asked[0].action, 'Check out cart');
      assert.equal(result.orderIds.length, 1);
      const created = result.exchanges[0].responseBody as Cart;
      assert.equal((await ctx.client.carts.get(customerId, String(created.id))).status?.toLowerCase(), 'ordered');
      await ctx.client.close();
    });
  });

  test('a cart with line errors is previewed but checkout is not offered', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      const prompts = recordingPrompts(true, customerId);
      const ctx = makeContext(emu, prompts);
      const cart = {
        lineItems: [{ id: 0, catalogItemId: catalog.license, quantity: 5000, billingCycle: 'monthly', termDuration: 'P1M' }],
      };
      const result = await runDocument(JSON.stringify(cart), kind('cart'), ctx);
      assert.equal(result.status, 'failed');
      assert.ok(prompts.previews[0].lines[0].error, 'the line error is in the preview');
      assert.equal(prompts.asked.length, 0);
      await ctx.client.close();
    });
  });

  test('a subscription update sends the whole subscription, so fields it leaves out survive', async () => {
    await withEmulator(async (emu) => {
      const { customerId, subscriptionId } = emu.fixtures.subscriptions.recent;
      const prompts = recordingPrompts(true, customerId);
      const ctx = makeContext(emu, prompts);
      const before: Subscription = await ctx.client.subscriptions.get(customerId, subscriptionId);
      const doc = JSON.stringify({ id: subscriptionId, quantity: (before.quantity ?? 1) + 1 });
      const result = await runDocument(doc, kind('subscription'), ctx);
      assert.equal(result.status, 'done', result.message);
      const after = await ctx.client.subscriptions.get(customerId, subscriptionId);
      assert.equal(after.quantity, (before.quantity ?? 1) + 1);
      assert.equal(after.autoRenewEnabled, before.autoRenewEnabled, 'auto-renew is kept');
      assert.deepEqual(
        prompts.asked[0].changes?.map((c) => c.path),
        ['quantity'],
      );
      await ctx.client.close();
    });
  });

  test('a generic read is sent without confirmation; a cancelled one stops', async () => {
    await withEmulator(async (emu) => {
      const prompts = recordingPrompts(true, emu.fixtures.customerId);
      const ctx = makeContext(emu, prompts);
      const read = await runDocument('{"method":"GET","path":"/v1/customers/{customerId}/orders"}', kind('request'), ctx);
      assert.equal(read.status, 'done', read.message);
      assert.ok(Array.isArray((read.exchanges[0].responseBody as { items: Order[] }).items));
      assert.equal(prompts.asked.length, 0);

      // The answer is held for longer than any test runs: a run that did not stop at the cancel would come back "done".
      emu.setFaults({ latencyMs: 600_000 });
      const controller = new AbortController();
      const sending = runDocument('{"method":"GET","path":"/v1/customers"}', kind('request'), {
        ...ctx,
        signal: controller.signal,
      });
      while (!emu.requests.some((r) => r.path === '/v1/customers')) await new Promise((r) => setTimeout(r, 10));
      controller.abort();
      const cancelled = await sending;
      assert.equal(cancelled.status, 'cancelled', cancelled.message);
      assert.equal(cancelled.exchanges[0].status, undefined, 'it stopped without the answer');
      emu.setFaults({});
      await ctx.client.close();
    });
  });
});
