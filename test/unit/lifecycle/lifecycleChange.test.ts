// The one safe path of a subscription lifecycle action, against the emulator over real HTTP: read
// the whole subscription now, merge the action's change, review, confirm, send once with If-Match,
// follow until the change shows. A stale etag hands back a fresh proposal and overwrites nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Subscription } from '../../../common/src/api';
import {
  applyLifecycle,
  availability,
  lineDiff,
  proposeLifecycle,
  reviewDocuments,
  subscriptionState,
} from '../../../common/src/lifecycle';
import { CATALOG_OFF, getLanguageService } from '../../../common/src/language';
import { requestKindOf } from '../../../common/src/requestKinds';
import { withEmulator } from '../../support/emulator';
import { makeContext, recordingPrompts } from '../send/helpers';
import { confirmationText } from '../../../common/src/send/purchase';

const patches = (emu: { requests: { method: string; path: string; requestId?: string; status: number }[] }, id: string) =>
  emu.requests.filter((r) => r.method === 'PATCH' && r.path.includes(id));

test('a seat reduction is proposed from the subscription as read now, reviewed, confirmed as a purchase and applied; auto-renew is kept', async (t) => {
  const emu = await withEmulator(t);
  const target = emu.fixtures.subscriptions.recent;
  const prompts = recordingPrompts(true);
  const ctx = makeContext(emu, prompts);
  t.after(() => ctx.client.close());
  const before: Subscription = await ctx.client.subscriptions.get(target.customerId, target.subscriptionId);
  const quantity = (before.quantity ?? 2) - 1;
  const { proposal, refused } = await proposeLifecycle(ctx, target, { action: 'quantity', quantity });
  assert.ok(proposal, refused);
  assert.deepEqual(
    proposal.changes.map((c) => [c.path, c.from, c.to]),
    [['quantity', before.quantity, quantity]],
  );
  assert.equal(proposal.plan.title, 'Remove seats');
  assert.ok(proposal.plan.purchaseLike, 'a reduction is confirmed like a purchase');
  assert.match(proposal.plan.consequences.join('\n'), /Refund: the full amount minus the prorated amount/);
  const review = reviewDocuments(proposal);
  assert.match(review.proposed, /"\$schema": "partner-center:\/schemas\/subscription\.schema\.json"/);
  assert.doesNotMatch(lineDiff(review.current, review.proposed), /schema|etag/, 'only the change differs');
  assert.match(
    lineDiff(review.current, review.proposed),
    new RegExp(`^- {3}"quantity": ${before.quantity},\\n\\+ {3}"quantity": ${quantity},$`, 'm'),
  );
  assert.equal(patches(emu, target.subscriptionId).length, 0, 'nothing is sent before it is confirmed');

  const result = await applyLifecycle(ctx, proposal);
  assert.equal(result.status, 'done', result.message);
  assert.equal(result.settled, true);
  assert.equal(result.subscription?.quantity, quantity);
  assert.equal(prompts.asked.length, 1);
  assert.equal(prompts.asked[0].action, 'Remove seats');
  assert.match((prompts.asked[0].consequences ?? []).join('\n'), /Refund/);
  const sent = patches(emu, target.subscriptionId);
  assert.equal(sent.length, 1);
  const after = await ctx.client.subscriptions.get(target.customerId, target.subscriptionId);
  assert.equal(after.quantity, quantity);
  assert.equal(after.autoRenewEnabled, before.autoRenewEnabled, 'auto-renew was not reset by omission');
});

test('cancellation is offered only inside the seven-day window, with the time left and the refund the service states', async (t) => {
  const emu = await withEmulator(t);
  const { recent, old } = emu.fixtures.subscriptions;
  const prompts = recordingPrompts(true);
  const ctx = makeContext(emu, prompts);
  t.after(() => ctx.client.close());
  const now = Date.now();
  const oldState = subscriptionState(await ctx.client.subscriptions.get(old.customerId, old.subscriptionId), now);
  const closed = availability('cancel', oldState);
  assert.equal(closed.offered, false);
  assert.match(closed.offered ? '' : closed.reason, /cancellation window has closed.*seven days/);
  const refused = await proposeLifecycle(ctx, old, { action: 'cancel' });
  assert.match(refused.refused ?? '', /cancellation window has closed/);
  assert.equal(patches(emu, old.subscriptionId).length, 0, 'nothing is sent outside the window');

  const { proposal } = await proposeLifecycle(ctx, recent, { action: 'cancel' });
  assert.ok(proposal);
  assert.ok(proposal.state.cancellation, 'the window is open');
  const text = proposal.plan.consequences.join('\n');
  assert.match(text, /Refund: full, if cancelled before/);
  assert.match(text, /No cancellation and no refund after .* \(\d+ days? .*left\)/);
  const result = await applyLifecycle(ctx, proposal);
  assert.equal(result.status, 'done', result.message);
  assert.equal(result.subscription?.status, 'deleted');
});

test('a stale etag is not overwritten: the result carries a fresh proposal over the newer subscription, which then applies', async (t) => {
  const emu = await withEmulator(t);
  const target = emu.fixtures.subscriptions.recent;
  const prompts = recordingPrompts(true);
  const ctx = makeContext(emu, prompts);
  t.after(() => ctx.client.close());
  const { proposal } = await proposeLifecycle(ctx, target, { action: 'autoRenew', enabled: false });
  assert.ok(proposal);
  // Someone renames the subscription in Partner Center while the review is open.
  const now = await ctx.client.subscriptions.get(target.customerId, target.subscriptionId);
  await ctx.client.subscriptions.update(target.customerId, target.subscriptionId, { ...now, friendlyName: 'Renamed elsewhere' });

  const stale = await applyLifecycle(ctx, proposal);
  assert.equal(stale.status, 'stale', stale.message);
  assert.match(stale.message, /changed after it was read .*2055/);
  const kept = await ctx.client.subscriptions.get(target.customerId, target.subscriptionId);
  assert.equal(kept.friendlyName, 'Renamed elsewhere', 'the other change stands');
  assert.equal(kept.autoRenewEnabled, true, 'the stale change was not applied');
  assert.ok(stale.fresh, 'a fresh proposal to review');
  assert.equal(stale.fresh.current.friendlyName, 'Renamed elsewhere');
  assert.notEqual(stale.fresh.etag, proposal.etag);
  assert.equal(stale.fresh.proposed.friendlyName, 'Renamed elsewhere', 'the fresh proposal keeps the newer name');

  const applied = await applyLifecycle(ctx, stale.fresh);
  assert.equal(applied.status, 'done', applied.message);
  const after = await ctx.client.subscriptions.get(target.customerId, target.subscriptionId);
  assert.deepEqual([after.autoRenewEnabled, after.friendlyName], [false, 'Renamed elsewhere']);
});

test('a reduction whose answers are lost is re-sent under the same MS-RequestId and applied exactly once', async (t) => {
  const emu = await withEmulator(t);
  const target = emu.fixtures.subscriptions.recent;
  const prompts = recordingPrompts(true);
  const ctx = makeContext(emu, prompts, { retry: { baseDelayMs: 5, maxAttempts: 6 } });
  t.after(() => ctx.client.close());
  const before: Subscription = await ctx.client.subscriptions.get(target.customerId, target.subscriptionId);
  const { proposal } = await proposeLifecycle(ctx, target, { action: 'quantity', quantity: (before.quantity ?? 2) - 1 });
  assert.ok(proposal);
  // Once confirmed, the PATCH is applied and the connection drops before its answer, twice.
  const yes = prompts.confirmPurchase;
  prompts.confirmPurchase = async (summary) => {
    emu.setFaults({ resetAfterCommit: 1, limit: 2 });
    return yes(summary);
  };
  const result = await applyLifecycle(ctx, proposal);
  emu.setFaults(undefined);
  assert.equal(result.status, 'done', result.message);
  const sent = patches(emu, target.subscriptionId);
  assert.ok(sent.length >= 3, `sent ${sent.length} times`);
  assert.equal(new Set(sent.map((r) => r.requestId)).size, 1, 'one MS-RequestId on every attempt');
  // Without the same id the second attempt would carry an etag the first one changed (2055).
  assert.ok(!sent.some((r) => r.status === 400), 'no attempt was refused as stale');
  const after = await ctx.client.subscriptions.get(target.customerId, target.subscriptionId);
  assert.equal(after.quantity, (before.quantity ?? 2) - 1);
  assert.deepEqual(await ctx.journal.unsettled(), [], 'settled in the journal');
});

test('suspend turns auto-renew off (as the review says); reactivate and schedule changes follow the docs', async (t) => {
  const emu = await withEmulator(t);
  const target = emu.fixtures.subscriptions.old;
  const prompts = recordingPrompts(true);
  const ctx = makeContext(emu, prompts);
  t.after(() => ctx.client.close());
  const schedule = {
    product: {
      productId: 'CFQ7TTC0LH18',
      skuId: '0001',
      availabilityId: 'CFQ7TTC0K5DJ',
      billingCycle: 'annual',
      termDuration: 'P1Y',
    },
    quantity: 3,
  };
  const scheduled = await proposeLifecycle(ctx, target, { action: 'schedule', instructions: schedule });
  assert.ok(scheduled.proposal, scheduled.refused);
  assert.match(scheduled.proposal.plan.consequences.join('\n'), /Applies at the renewal on \d{4}-\d{2}-\d{2}/);
  assert.equal((await applyLifecycle(ctx, scheduled.proposal)).status, 'done');

  const suspend = await proposeLifecycle(ctx, target, { action: 'suspend' });
  assert.ok(suspend.proposal);
  const said = suspend.proposal.plan.consequences.join('\n');
  assert.match(said, /turns auto-renew off/);
  assert.match(said, /scheduled changes are removed/);
  const suspended = await applyLifecycle(ctx, suspend.proposal);
  assert.equal(suspended.status, 'done', suspended.message);
  assert.deepEqual([suspended.subscription?.status, suspended.subscription?.autoRenewEnabled], ['suspended', false]);
  assert.equal(suspended.subscription?.scheduledNextTermInstructions, undefined);

  const refused = await proposeLifecycle(ctx, target, { action: 'quantity', quantity: 40 });
  assert.match(refused.refused ?? '', /suspended: reactivate it first/);
  const again = await proposeLifecycle(ctx, target, { action: 'reactivate' });
  assert.ok(again.proposal);
  assert.equal((await applyLifecycle(ctx, again.proposal)).subscription?.status, 'active');
  const noRenew = await proposeLifecycle(ctx, target, { action: 'schedule', instructions: schedule });
  assert.match(noRenew.refused ?? '', /only while auto-renew is on/);
});

test('declining the confirmation sends nothing, and says which change was not confirmed', async (t) => {
  const emu = await withEmulator(t);
  const target = emu.fixtures.subscriptions.recent;
  const prompts = recordingPrompts(false);
  const ctx = makeContext(emu, prompts);
  t.after(() => ctx.client.close());
  const { proposal } = await proposeLifecycle(ctx, target, { action: 'suspend' });
  assert.ok(proposal);
  const result = await applyLifecycle(ctx, proposal);
  assert.equal(result.status, 'declined');
  assert.equal(result.message, 'Not sent: "Suspend subscription" was not confirmed.');
  assert.equal(patches(emu, target.subscriptionId).length, 0);
  // A subscription is one thing, not a line of an order: the confirmation names it so.
  const { details } = confirmationText(prompts.asked[0]!);
  assert.ok(
    details.some((d) => /^Subscription: \d+ × /.test(d)),
    details.join('\n'),
  );
  assert.ok(!details.some((d) => d.startsWith('Line ')), details.join('\n'));
});

test('every proposed document is a subscription request the language service finds no error in', async (t) => {
  const emu = await withEmulator(t);
  const ctx = makeContext(emu, recordingPrompts(true));
  t.after(() => ctx.client.close());
  const { recent, old, suspended } = emu.fixtures.subscriptions;
  const requests = [
    [recent, { action: 'quantity', quantity: 12 }],
    [recent, { action: 'cancel' }],
    [old, { action: 'autoRenew', enabled: false }],
    [old, { action: 'suspend' }],
    [suspended, { action: 'reactivate' }],
  ] as const;
  const service = getLanguageService();
  for (const [target, request] of requests) {
    const { proposal, refused } = await proposeLifecycle(ctx, target, request);
    assert.ok(proposal, `${request.action}: ${refused}`);
    const text = reviewDocuments(proposal).proposed;
    const kind = requestKindOf('partner-center-review:/x/proposed.subscription.json', text);
    assert.equal(kind?.id, 'subscription');
    const errors = service
      .validate(service.parse('review://proposed.subscription.json', text), kind, { catalog: CATALOG_OFF, now: new Date() })
      .filter((d) => d.severity === 1);
    assert.deepEqual(
      errors.map((d) => `${String(d.code)} ${d.message}`),
      [],
      request.action,
    );
  }
});
