// Upgrade… on the lifecycle's safe path, against the emulator over real HTTP: the targets come from
// GET transitionEligibilities, the review is the subscription as read against the transition
// request with the docs' consequences, it is confirmed like a purchase, POSTed once, and followed
// until the transition's last event is no longer Started. Pages: transition-a-new-commerce-
// subscription.md, get-transitions.md, create-a-new-subscription.md ("Upgrade for new commerce
// license-based subscriptions").
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyUpgrade, proposeUpgrade, readUpgradeTargets, upgradeReview } from '../../../common/src/lifecycle';
import { withEmulator } from '../../support/emulator';
import { LADDER } from '../emulator/transitionHelpers';
import { makeContext, recordingPrompts } from '../send/helpers';

const FAST = { delayMs: 20, maxReads: 50 };

const posts = (emu: { requests: { method: string; path: string; requestId?: string }[] }, id: string) =>
  emu.requests.filter((r) => r.method === 'POST' && r.path.includes(id) && r.path.endsWith('/transitions'));

test('the upgrade targets are the immediate transition eligibilities, each with its eligible types', async (t) => {
  const emu = await withEmulator(t);
  const ctx = makeContext(emu, recordingPrompts(true));
  t.after(() => ctx.client.close());
  const { targets, read } = await readUpgradeTargets(ctx, emu.fixtures.subscriptions.recent);
  assert.match(read.url, /transitionEligibilities\?eligibilityType=immediate$/);
  assert.deepEqual(
    targets.map((x) => x.catalogItemId),
    [LADDER.standard, LADDER.premium, LADDER.e3],
  );
  assert.equal(targets[0].title, 'Microsoft 365 Business Standard');
  assert.deepEqual(targets[0].eligibleTypes, ['transition_only', 'transition_with_license_transfer']);
});

test('an upgrade of every seat is reviewed, confirmed like a purchase, posted once and followed until the subscription has the new offer', async (t) => {
  const emu = await withEmulator(t);
  const target = emu.fixtures.subscriptions.recent;
  const prompts = recordingPrompts(true);
  const ctx = makeContext(emu, prompts);
  t.after(() => ctx.client.close());
  const { proposal, refused } = await proposeUpgrade(ctx, target, { toCatalogItemId: LADDER.standard });
  assert.ok(proposal, refused);
  assert.equal(proposal.inPlace, true);
  assert.deepEqual(proposal.body, { toCatalogItemId: LADDER.standard, quantity: 10, transitionType: 'transition_only' });
  const review = upgradeReview(proposal);
  assert.equal(review.title, `Upgrade to Microsoft 365 Business Standard: ${String(proposal.current.friendlyName)}`);
  assert.deepEqual(JSON.parse(review.proposed).transition, proposal.body, 'the request as it will be sent');
  assert.equal(JSON.parse(review.proposed).subscription.offerId, LADDER.standard, 'in place: the offer changes');
  assert.equal(JSON.parse(review.current).subscription.offerId, proposal.current.offerId);
  assert.match(review.consequences.join('\n'), /All 10 seat\(s\) move to Microsoft 365 Business Standard/);
  assert.match(review.consequences.join('\n'), /Cancellation windows are not applied to upgrades/);
  assert.equal(posts(emu, target.subscriptionId).length, 0, 'nothing is sent before it is confirmed');

  const result = await applyUpgrade(ctx, proposal, FAST);
  assert.equal(result.status, 'done', result.message);
  assert.equal(result.settled, true);
  assert.equal(prompts.asked.length, 1);
  assert.equal(prompts.asked[0].action, 'Upgrade to Microsoft 365 Business Standard');
  assert.equal(prompts.asked[0].lines[0].catalogItemId, LADDER.standard);
  assert.equal(posts(emu, target.subscriptionId).length, 1, 'posted exactly once');
  const events = result.transition?.events as { name: string; status: string }[];
  assert.equal(events.at(-1)?.status, 'Completed');
  assert.equal(result.subscription?.id, target.subscriptionId, 'in place: the same subscription');
  assert.match(String(result.subscription?.offerId), /^CFQ7TTC0LDPB:0001/);
  assert.match(result.message, /completed/);
});

test('an upgrade of some seats moves them into a new subscription; the source keeps the rest', async (t) => {
  const emu = await withEmulator(t);
  const target = emu.fixtures.subscriptions.recent;
  const ctx = makeContext(emu, recordingPrompts(true));
  t.after(() => ctx.client.close());
  const { proposal, refused } = await proposeUpgrade(ctx, target, { toCatalogItemId: LADDER.premium, quantity: 3 });
  assert.ok(proposal, refused);
  assert.equal(proposal.inPlace, false);
  assert.match(proposal.consequences[0], /3 of 10 seat\(s\) move to a new Microsoft 365 Business Premium subscription/);
  const result = await applyUpgrade(ctx, proposal, FAST);
  assert.equal(result.status, 'done', result.message);
  assert.ok(result.newSubscriptionId, result.message);
  assert.notEqual(result.newSubscriptionId, target.subscriptionId);
  assert.equal(result.subscription?.quantity, 7);
});

test('declined: nothing is posted; a target that is not an upgrade path or too many seats are refused before asking', async (t) => {
  const emu = await withEmulator(t);
  const target = emu.fixtures.subscriptions.recent;
  const prompts = recordingPrompts(false);
  const ctx = makeContext(emu, prompts);
  t.after(() => ctx.client.close());
  const { proposal } = await proposeUpgrade(ctx, target, { toCatalogItemId: LADDER.e3 });
  assert.ok(proposal);
  const result = await applyUpgrade(ctx, proposal, FAST);
  assert.equal(result.status, 'declined');
  assert.equal(posts(emu, target.subscriptionId).length, 0);
  const wrong = await proposeUpgrade(ctx, target, { toCatalogItemId: 'CFQ7TTC0NOPE:0001:CFQ7TTC0NOPE' });
  assert.match(wrong.refused ?? '', /is not an upgrade target of this subscription \(targets: CFQ7TTC0LDPB/);
  const many = await proposeUpgrade(ctx, target, { toCatalogItemId: LADDER.standard, quantity: 11 });
  assert.match(many.refused ?? '', /from 1 to the subscription's 10 seat/);
  assert.equal(prompts.asked.length, 1, 'only the declined one was asked');
});

test('an upgrade whose answers are lost is re-sent under the same MS-RequestId and makes one transition', async (t) => {
  const emu = await withEmulator(t);
  const target = emu.fixtures.subscriptions.recent;
  const prompts = recordingPrompts(true);
  const ctx = makeContext(emu, prompts, { retry: { baseDelayMs: 5, maxAttempts: 6 } });
  t.after(() => ctx.client.close());
  const { proposal } = await proposeUpgrade(ctx, target, { toCatalogItemId: LADDER.standard });
  assert.ok(proposal);
  // Once confirmed, the POST is applied and the connection drops before its answer, twice.
  const yes = prompts.confirmPurchase;
  prompts.confirmPurchase = async (summary) => {
    emu.setFaults({ resetAfterCommit: 1, limit: 2 });
    return yes(summary);
  };
  const result = await applyUpgrade(ctx, proposal, FAST);
  emu.setFaults(undefined);
  assert.equal(result.status, 'done', result.message);
  const sent = posts(emu, target.subscriptionId);
  assert.ok(sent.length >= 3, `sent ${sent.length} times`);
  assert.equal(new Set(sent.map((r) => r.requestId)).size, 1, 'one MS-RequestId on every attempt');
  // Without the same id a second attempt would meet the first one's pending transition (900278).
  const history = await ctx.client.request({
    method: 'GET',
    path: `/v1/customers/${target.customerId}/subscriptions/${target.subscriptionId}/transitions`,
  });
  assert.equal((history.body as { items: unknown[] }).items.length, 1, 'one transition was made');
  assert.deepEqual(await ctx.journal.unsettled(), [], 'settled in the journal');
});
