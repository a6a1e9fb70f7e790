// Exactly once across processes, restarts and file moves, driven through the command line against
// the emulator. A gateway in front of the emulator holds chosen requests, so two processes' steps
// are ordered by events, not by timing; a "crash" is a SIGINT after the emulator committed.
import assert from 'node:assert/strict';
import { mkdtempSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { requestKindById } from '../../../common/src/requestKinds';
import { Journal, MemoryJournalStore, runDocument } from '../../../common/src/send';
import { type RecordedRequest, type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { waitFor } from '../../support/waitFor';
import {
  type CliRun,
  makeContext,
  orderDocument,
  orderPosts,
  recordingPrompts,
  runCli,
  startCli,
  startGateway,
  writeDocument,
} from './helpers';

const cartText = (lines: { item: string; quantity: number }[]) =>
  JSON.stringify({
    lineItems: lines.map((l, i) => ({
      id: i,
      catalogItemId: l.item,
      quantity: l.quantity,
      billingCycle: 'monthly',
      termDuration: 'P1M',
    })),
    partnerOnRecordAttestationAccepted: true,
  });
const checkouts = (emu: RunningEmulator) =>
  emu.requests.filter((r) => r.method === 'POST' && /\/checkout$/i.test(r.path) && r.status === 201);
const orderCount = async (emu: RunningEmulator, customerId: string) => {
  const ctx = makeContext(emu, recordingPrompts());
  try {
    return (await ctx.client.orders.list(customerId)).length;
  } finally {
    await ctx.client.close();
  }
};

/** One cache directory (so one journal) shared by the runs of a test, as on one person's machine. */
function sender(endpoint: () => string) {
  const cache = mkdtempSync(join(tmpdir(), 'pc-cache-'));
  const env = { XDG_CACHE_HOME: cache };
  return {
    run: (file: string, ...extra: string[]) => runCli(['send', file, '--endpoint', endpoint(), ...extra], env),
    start: (file: string, ...extra: string[]) => startCli(['send', file, '--endpoint', endpoint(), ...extra], env),
  };
}

/** A `send --yes` whose order the emulator commits but whose answer is lost, stopped (SIGINT) before it learns more. */
async function interruptedAfterCommit(
  emu: RunningEmulator,
  start: () => ReturnType<typeof startCli>,
  fault: 'resetAfterCommit' | 'resetBeforeCommit',
): Promise<CliRun> {
  const name = fault === 'resetAfterCommit' ? 'reset-after-commit' : 'reset-before-commit';
  const seen = emu.requests.length;
  emu.setFaults({ [fault]: 1 });
  const run = start();
  await waitFor(`the ${name} fault to fire`, () =>
    emu.requests.slice(seen).some((r: RecordedRequest) => r.method === 'POST' && r.fault === name),
  );
  run.child.kill('SIGINT');
  const done = await run.done;
  emu.setFaults({});
  return done;
}

describe('exactly once across processes, restarts and moves', () => {
  test('a send that finishes while another run of the same cart is between its check and its checkout buys once', async () => {
    await withEmulator(async (emu) => {
      let cartPostsSeen = 0;
      const gateway = await startGateway(emu, (req) =>
        req.method === 'POST' && /\/carts$/i.test(req.path) && cartPostsSeen++ === 0 ? 'hold' : 'forward',
      );
      const cli = sender(() => gateway.url);
      const file = writeDocument('seats.cart.json', cartText([{ item: emu.fixtures.catalog.license, quantity: 3 }]));
      try {
        const second = cli.start(file, '--customer', emu.fixtures.customerId, '--yes');
        await waitFor('the gateway to hold a request', () => gateway.held.length === 1); // it has looked at the journal and is creating its cart
        const first = await cli.run(file, '--customer', emu.fixtures.customerId, '--yes');
        assert.equal(first.code, 0, first.stderr);
        gateway.release();
        const late = await second.done;
        assert.equal(late.code, 2, late.stderr);
        assert.match(late.stderr, /was sent while this confirmation was open, by another run/);
        assert.equal(checkouts(emu).length, 1, 'one checkout');
      } finally {
        await gateway.close();
      }
    });
  });

  test('two copies of one order sent at once from two folders place one order', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      let orderPostsSeen = 0;
      const gateway = await startGateway(emu, (req) =>
        req.method === 'POST' && /\/orders$/i.test(req.path) && orderPostsSeen++ === 0 ? 'hold' : 'forward',
      );
      const cli = sender(() => gateway.url);
      const text = orderDocument(customerId, [{ item: catalog.license, quantity: 2 }]);
      try {
        const first = cli.start(writeDocument('buy.order.json', text), '--yes');
        await waitFor('the gateway to hold a request', () => gateway.held.length === 1); // its order is on the wire
        const second = await cli.run(writeDocument('copy of buy.order.json', text), '--yes');
        assert.equal(second.code, 2, second.stderr);
        assert.match(second.stderr, /being sent right now by another run/);
        gateway.release();
        assert.equal((await first.done).code, 0);
        assert.equal(orderPosts(emu, customerId).length, 1, 'one order was posted');
      } finally {
        await gateway.close();
      }
    });
  });

  test('an interrupted order re-run from a moved copy, addressed as localhost, is answered with the order it placed', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      let endpoint = emu.url;
      const cli = sender(() => endpoint);
      const before = await orderCount(emu, customerId);
      const file = writeDocument('buy.order.json', orderDocument(customerId, [{ item: catalog.license, quantity: 6 }]));
      const lost = await interruptedAfterCommit(emu, () => cli.start(file, '--yes'), 'resetAfterCommit');
      assert.equal(lost.code, 1, lost.stderr);
      const journaledId = orderPosts(emu, customerId)[0].requestId;

      const moved = join(mkdtempSync(join(tmpdir(), 'pc-moved-')), 'renamed.order.json');
      renameSync(file, moved);
      endpoint = emu.url.replace('127.0.0.1', 'localhost');
      const again = await cli.run(moved, '--yes');
      assert.equal(again.code, 0, again.stderr);
      assert.match(again.stderr, /The interrupted order was placed/);
      const last = orderPosts(emu, customerId).at(-1)!;
      assert.equal(last.requestId, journaledId, 'sent again under the journaled request id');
      assert.equal(last.replayed, true, 'and Partner Center answered with the first result');
      assert.equal(await orderCount(emu, customerId), before + 1, 'exactly one order');
    });
  });

  test('a 404 from the orders listing is not taken as "customer gone": nothing is sent and the entry stays', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      let listingAnswers404 = false;
      const gateway = await startGateway(emu, (req) =>
        listingAnswers404 && req.method === 'GET' && /\/orders(\?|$)/i.test(req.path)
          ? { status: 404, body: { code: 1000, description: 'Not found.' } }
          : 'forward',
      );
      const cli = sender(() => gateway.url);
      const file = writeDocument('buy.order.json', orderDocument(customerId, [{ item: catalog.license, quantity: 5 }]));
      try {
        const lost = await interruptedAfterCommit(emu, () => cli.start(file, '--yes'), 'resetAfterCommit');
        assert.equal(lost.code, 1, lost.stderr);
        const posts = orderPosts(emu, customerId).length;
        listingAnswers404 = true;
        const again = await cli.run(file, '--yes');
        assert.equal(again.code, 2, again.stderr);
        assert.match(again.stderr, /Could not ask Partner Center about the interrupted send/);
        assert.doesNotMatch(again.stderr, /no longer exists/);
        assert.equal(orderPosts(emu, customerId).length, posts, 'nothing was sent');
        listingAnswers404 = false;
        const settled = await cli.run(file, '--yes');
        assert.equal(settled.code, 0, `the entry was kept and is finished once the service answers: ${settled.stderr}`);
        assert.match(settled.stderr, /The interrupted order was placed/);
      } finally {
        await gateway.close();
      }
    });
  });

  test('a second purchase of a document, interrupted before commit, is placed when re-run: the first order does not count', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      const cli = sender(() => emu.url);
      const before = await orderCount(emu, customerId);
      const file = writeDocument('buy.order.json', orderDocument(customerId, [{ item: catalog.license, quantity: 8 }]));
      const first = await cli.run(file, '--yes');
      assert.equal(first.code, 0, first.stderr);
      const lost = await interruptedAfterCommit(emu, () => cli.start(file, '--yes'), 'resetBeforeCommit');
      assert.equal(lost.code, 1, lost.stderr);
      const again = await cli.run(file, '--yes');
      assert.equal(again.code, 0, again.stderr);
      assert.doesNotMatch(again.stderr, /was not sent again|interrupted order was placed/);
      const posts = orderPosts(emu, customerId).filter((p) => p.status === 201);
      assert.equal(posts.length, 2, 'the first purchase and the second');
      assert.equal(await orderCount(emu, customerId), before + 2);
      assert.equal(posts[1].replayed, undefined, 'the second was placed now, not answered from the first');
    });
  });

  test('an interrupted checkout is answered with exactly its own orders, not every order with the same items', async () => {
    await withEmulator(async (emu) => {
      const { customerId, catalog } = emu.fixtures;
      const lines = [
        { item: catalog.license, quantity: 2 },
        { item: catalog.threeYear, quantity: 1 },
      ];
      const earlier = makeContext(emu, recordingPrompts(true));
      for (const line of lines) {
        const placed = await runDocument(orderDocument(customerId, [line]), requestKindById('order')!, earlier);
        assert.equal(placed.status, 'done', placed.message);
      }
      const existing = new Set((await earlier.client.orders.list(customerId)).map((o) => String(o.id)));
      await earlier.client.close();
      const store = new MemoryJournalStore();
      const prompts = recordingPrompts(true, customerId);
      const yes = prompts.confirmPurchase;
      prompts.confirmPurchase = async (s) => {
        emu.setFaults({ resetAfterCommit: 1 });
        return yes(s);
      };
      const first = makeContext(emu, prompts, { journal: new Journal(store), retry: { maxAttempts: 1, baseDelayMs: 10 } });
      const lost = await runDocument(cartText(lines), requestKindById('cart')!, first);
      emu.setFaults({});
      assert.equal(lost.status, 'unknown', lost.message);
      const placedByCheckout = (await first.client.orders.list(customerId))
        .map((o) => String(o.id))
        .filter((id) => !existing.has(id))
        .sort();
      await first.client.close();
      assert.ok(placedByCheckout.length >= 1, 'the checkout was committed');

      const rerun = makeContext(emu, recordingPrompts(true, customerId), { journal: new Journal(store) });
      const again = await runDocument(cartText(lines), requestKindById('cart')!, rerun);
      assert.equal(again.status, 'alreadyDone', again.message);
      assert.deepEqual([...again.orderIds].sort(), placedByCheckout, "exactly the checkout's orders");
      assert.equal(
        (await rerun.client.orders.list(customerId)).length,
        existing.size + placedByCheckout.length,
        'nothing new was bought',
      );
      await rerun.client.close();
    });
  });
});
