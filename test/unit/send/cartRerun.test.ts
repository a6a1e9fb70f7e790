// Re-running a cart document after its checkout was interrupted. The checkout is identified by the
// document and the cart-creation call (not by the cart id, which is new on every run), and earlier
// sends are looked at BEFORE a new cart is created, so the re-run never checks out a second cart.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type RunningEmulator } from '../../../emulator/src/index';
import { requestKindById } from '../../../common/src/requestKinds';
import { Journal, MemoryJournalStore, runDocument, type RunContext } from '../../../common/src/send';
import { withEmulator } from '../../support/emulator';
import { makeContext, recordingPrompts, type RecordingPrompts, startGateway } from './helpers';

const cartKind = requestKindById('cart')!;
const cartText = (item: string, quantity: number) =>
  JSON.stringify({
    lineItems: [{ id: 0, catalogItemId: item, quantity, billingCycle: 'monthly', termDuration: 'P1M' }],
    partnerOnRecordAttestationAccepted: true,
  });
const cartPosts = (emu: RunningEmulator) => emu.requests.filter((r) => r.method === 'POST' && /\/carts$/i.test(r.path));
const checkouts = (emu: RunningEmulator) => emu.requests.filter((r) => r.method === 'POST' && /\/checkout$/i.test(r.path));

/** Runs the cart once with `fault` switched on as the person confirms, so only the checkout meets it. */
async function interruptedRun(
  emu: RunningEmulator,
  store: MemoryJournalStore,
  text: string,
  fault: 'resetAfterCommit' | 'resetBeforeCommit',
  url = emu.url,
) {
  const prompts = recordingPrompts(true, emu.fixtures.customerId);
  const yes = prompts.confirmPurchase;
  prompts.confirmPurchase = async (s) => {
    emu.setFaults({ [fault]: 1 });
    return yes(s);
  };
  const ctx = makeContext({ ...emu, url }, prompts, { journal: new Journal(store), retry: { maxAttempts: 1, baseDelayMs: 10 } });
  const result = await runDocument(text, cartKind, ctx);
  emu.setFaults({});
  await ctx.client.close();
  return result;
}

async function rerun(
  emu: RunningEmulator,
  store: MemoryJournalStore,
  text: string,
  url = emu.url,
): Promise<{ result: Awaited<ReturnType<typeof runDocument>>; prompts: RecordingPrompts; ctx: RunContext }> {
  const prompts = recordingPrompts(true, emu.fixtures.customerId);
  const ctx = makeContext({ ...emu, url }, prompts, { journal: new Journal(store) });
  const result = await runDocument(text, cartKind, ctx);
  return { result, prompts, ctx };
}

describe('re-running a cart after an interrupted checkout', () => {
  test('a checkout whose answer was lost is found, and no second cart is created or checked out', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      const store = new MemoryJournalStore();
      const text = cartText(catalog.license, 2);
      const ordersBefore = (await makeContext(emu, recordingPrompts()).client.orders.list(customerId)).length;
      const first = await interruptedRun(emu, store, text, 'resetAfterCommit');
      assert.equal(first.status, 'unknown', first.message);
      assert.equal((await store.read()).length, 1);
      const cartsBefore = cartPosts(emu).length;

      const { result, prompts, ctx } = await rerun(emu, store, text);
      assert.equal(result.status, 'alreadyDone', result.message);
      assert.equal(result.orderIds.length, 1);
      assert.equal(cartPosts(emu).length, cartsBefore, 'no new cart was created');
      assert.equal(prompts.asked.length, 0, 'nothing to confirm: nothing is bought');
      assert.equal((await ctx.client.orders.list(customerId)).length, ordersBefore + 1, 'exactly one order');
      assert.deepEqual(await store.read(), []);
      await ctx.client.close();
    });
  });

  test('a checkout whose answer the service no longer holds is still found, with its order: the cart repeats its checkout result', async () => {
    // One stored answer: the write below pushes the checkout's answer out, as time would on the service.
    await withEmulator(
      async (emu) => {
        const { customerId, catalog } = emu.fixtures;
        const store = new MemoryJournalStore();
        const text = cartText(catalog.license, 4);
        const first = await interruptedRun(emu, store, text, 'resetAfterCommit');
        assert.equal(first.status, 'unknown', first.message);
        const other = makeContext(emu, recordingPrompts());
        await other.client.carts.create(customerId, {
          lineItems: [{ id: 0, catalogItemId: catalog.license, quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' }],
        });
        await other.client.close();
        const placed = (await makeContext(emu, recordingPrompts()).client.orders.list(customerId)).at(-1)!;

        const { result, prompts, ctx } = await rerun(emu, store, text);
        assert.equal(result.status, 'alreadyDone', result.message);
        assert.deepEqual(result.orderIds, [placed.id], 'the order the interrupted checkout placed');
        assert.equal(prompts.asked.length, 0);
        await ctx.client.close();
      },
      { maxIdempotencyKeys: 1 },
    );
  });

  test('a service that answers the question with 800065 (cart already submitted) is taken as bought: nothing is sent again', async () => {
    await withEmulator(async (emu) => {
      let answer800065 = false;
      const gateway = await startGateway(emu, (req) =>
        answer800065 && req.method === 'POST' && /\/checkout$/i.test(req.path)
          ? {
              status: 400,
              body: { code: 800065, description: "can't check out an already submitted cart.", data: [], source: 'PartnerFD' },
            }
          : 'forward',
      );
      try {
        const store = new MemoryJournalStore();
        const text = cartText(emu.fixtures.catalog.license, 2);
        const first = await interruptedRun(emu, store, text, 'resetAfterCommit', gateway.url);
        assert.equal(first.status, 'unknown', first.message);
        const cartsBefore = cartPosts(emu).length;
        const ordersBefore = (await makeContext(emu, recordingPrompts()).client.orders.list(emu.fixtures.customerId)).length;

        answer800065 = true;
        const { result, prompts, ctx } = await rerun(emu, store, text, gateway.url);
        assert.equal(result.status, 'alreadyDone', result.message);
        assert.deepEqual(result.orderIds, [], 'that answer names no orders');
        assert.equal(prompts.asked.length, 0);
        assert.equal(cartPosts(emu).length, cartsBefore, 'no new cart was created');
        assert.equal((await ctx.client.orders.list(emu.fixtures.customerId)).length, ordersBefore, 'no new order');
        assert.deepEqual(await store.read(), []);
        await ctx.client.close();
      } finally {
        await gateway.close();
      }
    });
  });

  test('a checkout that never arrived is retried on the SAME cart with the same request id', async () => {
    await withEmulator(async (emu) => {
      const store = new MemoryJournalStore();
      const text = cartText(emu.fixtures.catalog.license, 1);
      const first = await interruptedRun(emu, store, text, 'resetBeforeCommit');
      assert.equal(first.status, 'unknown', first.message);
      const [entry] = await store.read();
      const cartsBefore = cartPosts(emu).length;

      const { result, prompts, ctx } = await rerun(emu, store, text);
      assert.equal(result.status, 'done', result.message);
      assert.equal(prompts.asked.length, 1, 'the checkout is confirmed again');
      assert.equal(cartPosts(emu).length, cartsBefore, 'no new cart was created');
      const last = checkouts(emu).at(-1)!;
      assert.equal(last.requestId, entry.requestId, 'the journaled request id was re-used');
      assert.ok(last.path.includes(String(entry.match.cartId)), 'on the journaled cart');
      assert.deepEqual(await store.read(), []);
      await ctx.client.close();
    });
  });

  test('an earlier send of the same document that was made is named in the confirmation, even with another body', async () => {
    await withEmulator(async (emu) => {
      const store = new MemoryJournalStore();
      const first = await interruptedRun(emu, store, cartText(emu.fixtures.catalog.license, 2), 'resetAfterCommit');
      assert.equal(first.status, 'unknown', first.message);

      const { result, prompts, ctx } = await rerun(emu, store, cartText(emu.fixtures.catalog.license, 3));
      assert.equal(result.status, 'done', result.message);
      assert.equal(prompts.asked.length, 1);
      assert.match((prompts.asked[0].warnings ?? []).join('\n'), /earlier send of this document .* was made/i);
      await ctx.client.close();
    });
  });
});
