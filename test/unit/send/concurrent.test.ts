// Two runs of one document at once (a double-click on the CodeLens, two terminals): both pass the
// earlier-sends check before either is journaled, so the core checks the journal again right
// before it journals its own send, and only one of them is sent, whether the other is still
// being sent or already finished while the second confirmation was open.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestKindById } from '../../../common/src/requestKinds';
import { Journal, MemoryJournalStore, runDocument } from '../../../common/src/send';
import { withEmulator } from '../../support/emulator';
import { makeContext, orderDocument, orderPosts, recordingPrompts } from './helpers';

/** Says yes once `wait()` settles. */
const slowYes = (wait: () => Promise<unknown>) => {
  const prompts = recordingPrompts(true);
  const yes = prompts.confirmPurchase;
  prompts.confirmPurchase = async (s) => {
    await wait();
    return yes(s);
  };
  return prompts;
};

test('two runs of the same document at once place one order', async () => {
  await withEmulator(async (emu) => {
    const { customerId, catalog } = emu.fixtures;
    const journal = new Journal(new MemoryJournalStore());
    // Both are confirmed only once both are asked: each looked at the journal before either began.
    let asked = 0;
    let bothAsked: () => void = () => undefined;
    const barrier = new Promise<void>((resolve) => {
      bothAsked = resolve;
    });
    const atBarrier = () => {
      if (++asked === 2) bothAsked();
      return barrier;
    };
    const a = makeContext(emu, slowYes(atBarrier), { journal });
    const b = makeContext(emu, slowYes(atBarrier), { journal });
    const doc = orderDocument(customerId, [{ item: catalog.license, quantity: 1 }]);
    try {
      const results = await Promise.all([
        runDocument(doc, requestKindById('order')!, a),
        runDocument(doc, requestKindById('order')!, b),
      ]);
      assert.equal(orderPosts(emu, customerId).length, 1, 'one order was sent');
      assert.deepEqual(results.map((r) => r.status).sort(), ['blocked', 'done']);
      assert.match(results.find((r) => r.status === 'blocked')!.message, /already being sent/);
    } finally {
      await a.client.close();
      await b.client.close();
    }
  });
});

test('a second confirmation that stayed open while the first run bought is not sent', async () => {
  await withEmulator(async (emu) => {
    const { customerId, catalog } = emu.fixtures;
    const journal = new Journal(new MemoryJournalStore());
    const doc = orderDocument(customerId, [{ item: catalog.license, quantity: 1 }]);
    // A is confirmed only once B is asked (both have looked at the journal); B only once A is over.
    let bAsked: () => void = () => undefined;
    const bIsAsked = new Promise<void>((resolve) => {
      bAsked = resolve;
    });
    let firstDone: Promise<unknown> = Promise.resolve();
    const a = makeContext(
      emu,
      slowYes(() => bIsAsked),
      { journal },
    );
    const b = makeContext(
      emu,
      slowYes(() => {
        bAsked();
        return firstDone;
      }),
      { journal },
    );
    try {
      const first = runDocument(doc, requestKindById('order')!, a);
      firstDone = first;
      const [ra, rb] = await Promise.all([first, runDocument(doc, requestKindById('order')!, b)]);
      assert.equal(ra.status, 'done', ra.message);
      assert.equal(rb.status, 'blocked', rb.message);
      assert.equal(orderPosts(emu, customerId).length, 1);
      const c = makeContext(emu, recordingPrompts(true), { journal });
      assert.equal((await runDocument(doc, requestKindById('order')!, c)).status, 'done', 'a later, deliberate run buys again');
      await c.client.close();
    } finally {
      await a.client.close();
      await b.client.close();
    }
  });
});
