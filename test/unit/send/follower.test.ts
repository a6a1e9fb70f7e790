// The one status vocabulary and the one follower that the explorer and the run command share
// (issue 13): what counts as pending is read from the docs' OrderStatus table, and an order both
// watch is read once per turn, with both hearing the answer.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isPendingStatus } from '../../../common/src/follow/resourceStatus';
import { type FollowTimers, StatusFollower, type StatusWatch } from '../../../common/src/follow/statusFollower';

/** A clock the test turns by hand: each `turn` runs the next timer due and lets its read finish. */
function manualClock(): FollowTimers & { turn(): Promise<number | undefined>; pending(): number } {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; run: () => void }>();
  return {
    setTimeout: (run, ms) => {
      const id = ++seq;
      timers.set(id, { at: now + ms, run });
      return id;
    },
    clearTimeout: (id) => {
      timers.delete(id as number);
    },
    now: () => now,
    pending: () => timers.size,
    async turn() {
      const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
      if (!next) return undefined;
      timers.delete(next[0]);
      now = next[1].at;
      next[1].run();
      await new Promise((r) => setImmediate(r));
      return now;
    },
  };
}

function statuses(...sequence: string[]): { read: StatusWatch['read']; reads: number } {
  const state = { reads: 0, read: async () => sequence[Math.min(state.reads++, sequence.length - 1)] };
  return state;
}

describe('status vocabulary', () => {
  test("an order in secondary review is pending, in the service's spelling and the docs'", () => {
    assert.equal(isPendingStatus('pending_review'), true);
    assert.equal(isPendingStatus('pending review'), true);
    assert.equal(isPendingStatus('Pending'), true);
    assert.equal(isPendingStatus('pending_po_upload'), true);
  });

  test('finished states are settled, and so is a resource with no status', () => {
    for (const status of [
      'completed',
      'cancelled',
      'Active',
      'suspended',
      'po_review_rejected',
      'partial_success',
      'error',
      'unknown',
      undefined,
    ]) {
      assert.equal(isPendingStatus(status), false, String(status));
    }
  });
});

describe('the status follower', () => {
  test('follows an order through secondary review until it completes', async () => {
    const clock = manualClock();
    const follower = new StatusFollower(clock);
    const order = statuses('pending', 'pending_review', 'completed');
    const done: [string | undefined, boolean][] = [];
    follower.follow('/customers/c/orders/o', {
      read: order.read,
      firstDelayMs: 1000,
      maxDelayMs: 30_000,
      onDone: (s, settled) => done.push([s, settled]),
    });
    while ((await clock.turn()) !== undefined);
    assert.deepEqual(done, [['completed', true]]);
    assert.equal(order.reads, 3, 'pending_review was not taken for settled');
    assert.deepEqual(follower.followed, []);
  });

  test('an order the explorer and the run command both watch is read once per turn, by the view, and both hear it', async () => {
    const clock = manualClock();
    const follower = new StatusFollower(clock);
    const run = statuses('pending', 'completed');
    const tree = statuses('pending', 'completed');
    const heard = { run: [] as (string | undefined)[], tree: [] as (string | undefined)[] };
    let runDone: string | undefined;
    follower.follow('/customers/C/orders/O', {
      read: run.read,
      firstDelayMs: 1000,
      maxDelayMs: 30_000,
      onStatus: (s) => heard.run.push(s),
      onDone: (s) => {
        runDone = s;
      },
    });
    follower.follow('/customers/c/orders/o', {
      read: tree.read,
      readsForView: true,
      firstDelayMs: 5000,
      maxDelayMs: 60_000,
      onStatus: (s) => heard.tree.push(s),
    });
    assert.deepEqual(follower.followed, ['/customers/c/orders/o'], 'one resource, whatever the casing of its path');
    while ((await clock.turn()) !== undefined);
    assert.equal(run.reads, 0, 'the run command read nothing itself');
    assert.equal(tree.reads, 2);
    assert.deepEqual(heard.run, ['pending', 'completed']);
    assert.deepEqual(heard.tree, ['pending', 'completed']);
    assert.equal(runDone, 'completed');
  });

  test('backs off ×1.5 up to the smallest cap, and gives up at the timeout with the last status', async () => {
    const clock = manualClock();
    const follower = new StatusFollower(clock);
    const done: [string | undefined, boolean][] = [];
    follower.follow('/o', {
      read: async () => 'pending',
      firstDelayMs: 1000,
      maxDelayMs: 2000,
      timeoutMs: 8000,
      onDone: (s, settled) => done.push([s, settled]),
    });
    const times: number[] = [];
    for (let t = await clock.turn(); t !== undefined; t = await clock.turn()) times.push(t);
    assert.deepEqual(times, [1000, 2500, 4500, 6500]);
    assert.deepEqual(done, [['pending', false]]);
  });

  test("when the explorer stops watching, the run command's follow-up goes on with its own read", async () => {
    const clock = manualClock();
    const follower = new StatusFollower(clock);
    const run = statuses('pending', 'pending', 'completed');
    let runDone: string | undefined;
    follower.follow('/o', {
      read: run.read,
      firstDelayMs: 1000,
      maxDelayMs: 30_000,
      onDone: (s) => {
        runDone = s;
      },
    });
    const tree = follower.follow('/o', {
      read: async () => 'pending',
      readsForView: true,
      firstDelayMs: 1000,
      maxDelayMs: 60_000,
    });
    await clock.turn();
    tree.dispose();
    while ((await clock.turn()) !== undefined);
    assert.equal(runDone, 'completed');
    assert.ok(run.reads >= 2);
  });

  test('once nobody watches, nothing more is read', async () => {
    const clock = manualClock();
    const follower = new StatusFollower(clock);
    const reads = statuses('pending');
    const handle = follower.follow('/o', { read: reads.read, firstDelayMs: 1000, maxDelayMs: 60_000 });
    await clock.turn();
    handle.dispose();
    assert.equal(clock.pending(), 0);
    assert.equal(reads.reads, 1);
  });

  test('the tree, joining just after the run command saw the order complete, reads at once rather than after its own delay', async () => {
    const clock = manualClock();
    const follower = new StatusFollower(clock);
    let runDone: string | undefined;
    follower.follow('/customers/c/orders/o', {
      read: async () => 'completed',
      firstDelayMs: 1000,
      maxDelayMs: 30_000,
      onDone: (s) => {
        runDone = s;
      },
    });
    assert.equal(await clock.turn(), 1000);
    assert.equal(runDone, 'completed');
    // The tree loaded the order while it was pending (issue 12, bug 10: it showed "pending" about
    // 5 s longer than the run command knew): it reads now, not at 1000 + 5000.
    const tree = statuses('completed');
    let treeHeard: string | undefined;
    follower.follow('/customers/c/orders/o', {
      read: tree.read,
      readsForView: true,
      firstDelayMs: 5000,
      maxDelayMs: 60_000,
      onDone: (s) => {
        treeHeard = s;
      },
    });
    assert.equal(await clock.turn(), 1000, 'read at once');
    assert.equal(treeHeard, 'completed');
    assert.equal(tree.reads, 1);
    assert.equal(clock.pending(), 0, 'and nothing more');
  });
});
