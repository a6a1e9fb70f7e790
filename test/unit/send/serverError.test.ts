// A 5xx to a purchase can come before or after the order was committed (reference §6.2: 800005 is
// a 500), so it is not a definite "no": the journal keeps the send, and the next run asks the
// service first. Not there: it sends again under the SAME request id. There: it sends nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestKindById } from '../../../common/src/requestKinds';
import { Journal, MemoryJournalStore, runDocument, type RunContext } from '../../../common/src/send';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { makeContext, orderDocument, orderPosts, recordingPrompts } from './helpers';

/** Two runs of one order document against one journal, the first with `faults` on. */
async function twoRuns(emu: RunningEmulator, faults: Parameters<RunningEmulator['setFaults']>[0]) {
  const store = new MemoryJournalStore();
  const ctx = (): RunContext =>
    makeContext(emu, recordingPrompts(true), { journal: new Journal(store), documentUri: 'file:///w/a.order.json' });
  const doc = orderDocument(emu.fixtures.customerId, [{ item: emu.fixtures.catalog.license, quantity: 1 }]);
  const firstCtx = ctx();
  const secondCtx = ctx();
  try {
    emu.setFaults(faults);
    const first = await runDocument(doc, requestKindById('order')!, firstCtx);
    emu.setFaults(undefined);
    const journaled = await store.read();
    const second = await runDocument(doc, requestKindById('order')!, secondCtx);
    return { first, journaled, second, after: await store.read() };
  } finally {
    await firstCtx.client.close();
    await secondCtx.client.close();
  }
}

test('a 500 before the order was made keeps the journal entry, and the next run re-sends under the same request id', async () => {
  await withEmulator(async (emu) => {
    const c = emu.fixtures.customerId;
    const { first, journaled, second, after } = await twoRuns(emu, { status500: 1 });
    assert.equal(first.status, 'unknown', first.message);
    assert.match(first.message, /journaled/);
    assert.equal(journaled.length, 1, 'the send stays journaled');

    assert.equal(second.status, 'done', second.message);
    const posts = orderPosts(emu, c);
    assert.deepEqual(
      posts.map((p) => [p.status, p.fault]),
      [
        [500, 'status-500'],
        [201, undefined],
      ],
    );
    assert.equal(new Set(posts.map((p) => p.requestId)).size, 1, 'the second send re-used the journaled request id');
    const askedAt = emu.requests.findIndex(
      (r, i) =>
        i > emu.requests.indexOf(posts[0]) &&
        r.method === 'GET' &&
        r.path.toLowerCase() === `/v1/customers/${c}/orders`.toLowerCase(),
    );
    assert.ok(
      askedAt >= 0 && askedAt < emu.requests.indexOf(posts[1]),
      'the service was asked about the first send before the second',
    );
    assert.deepEqual(after, [], 'the 201 settled it');
    assert.equal(second.orderIds.length, 1);
  });
});

test('a 500 after the order was made keeps the journal entry, and the next run finds the order and buys nothing more', async () => {
  await withEmulator(async (emu) => {
    const { first, journaled, second, after } = await twoRuns(emu, { status500AfterCommit: 1 });
    assert.equal(first.status, 'unknown', first.message);
    assert.equal(journaled.length, 1);

    assert.equal(second.status, 'alreadyDone', second.message);
    assert.match(second.message, /nothing new was bought/);
    // The second run re-sends under the journaled request id, and the service replays its answer.
    const posts = orderPosts(emu, emu.fixtures.customerId);
    assert.deepEqual(
      posts.map((p) => [p.status, p.fault ?? null, p.replayed ?? false]),
      [
        [500, 'status-500-after-commit', false],
        [201, null, true],
      ],
      'the POST that made the order, then its replay',
    );
    assert.equal(new Set(posts.map((p) => p.requestId)).size, 1, 'both under one request id');
    const made = (await (
      await fetch(`${emu.url}/v1/customers/${emu.fixtures.customerId}/orders`, { headers: { Authorization: 'Bearer t' } })
    ).json()) as { items: { id: string }[] };
    assert.ok(
      made.items.some((o) => o.id === second.orderIds[0]),
      'the run names the order the first send made',
    );
    assert.deepEqual(after, []);
  });
});
