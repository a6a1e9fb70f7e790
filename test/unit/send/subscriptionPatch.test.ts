// A generic PATCH of a subscription is merged over the subscription as it is now, like a
// `*.subscription.json`: Partner Center resets what a PATCH leaves out (reference §3.3), so a
// partial body would turn auto-renew off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Subscription } from '../../../common/src/api';
import { requestKindById } from '../../../common/src/requestKinds';
import { describeExchange, runDocument } from '../../../common/src/send';
import { withEmulator } from '../../support/emulator';
import { makeContext, recordingPrompts } from './helpers';

// The second spelling is a finding of the safety review: a dot segment once skipped the merge.
for (const [title, spell] of [
  [
    'a generic subscription PATCH keeps the fields it leaves out',
    (c: string, s: string) => `/v1/customers/${c}/subscriptions/${s}`,
  ],
  [
    'a subscription PATCH through a dot segment is merged, so auto-renew is not reset',
    (c: string, s: string) => `/v1/./customers/${c}/subscriptions/${s}`,
  ],
] as const) {
  test(title, async () => {
    await withEmulator(async (emu) => {
      const { customerId, subscriptionId } = emu.fixtures.subscriptions.recent;
      const prompts = recordingPrompts(true);
      const ctx = makeContext(emu, prompts);
      const before: Subscription = await ctx.client.subscriptions.get(customerId, subscriptionId);
      assert.equal(before.autoRenewEnabled, true, 'the fixture renews automatically');
      const text = JSON.stringify({
        method: 'PATCH',
        path: spell(customerId, subscriptionId),
        body: { quantity: (before.quantity ?? 1) + 1 },
      });
      const result = await runDocument(text, requestKindById('request')!, ctx);
      assert.equal(result.status, 'done', result.message);
      assert.deepEqual(
        prompts.asked.map((s) => s.changes?.map((c) => c.path)),
        [['quantity']],
        'confirmed, with the one change listed',
      );
      const after = await ctx.client.subscriptions.get(customerId, subscriptionId);
      assert.equal(after.quantity, (before.quantity ?? 1) + 1);
      assert.equal(after.autoRenewEnabled, true, 'auto-renew was not reset');
      await ctx.client.close();
    });
  });
}

test('a subscription someone else changed after it was read is not overwritten: the run fails with the stale-etag advice', async () => {
  await withEmulator(async (emu) => {
    const { customerId, subscriptionId } = emu.fixtures.subscriptions.recent;
    const prompts = recordingPrompts(true);
    const ctx = makeContext(emu, prompts);
    const yes = prompts.confirmPurchase;
    // While the person reads the confirmation, another tool renames the subscription.
    prompts.confirmPurchase = async (summary) => {
      const now = await ctx.client.subscriptions.get(customerId, subscriptionId);
      await ctx.client.subscriptions.update(customerId, subscriptionId, { ...now, friendlyName: 'Renamed elsewhere' });
      return yes(summary);
    };
    const before: Subscription = await ctx.client.subscriptions.get(customerId, subscriptionId);
    const text = JSON.stringify({
      method: 'PATCH',
      path: `/v1/customers/${customerId}/subscriptions/${subscriptionId}`,
      body: { quantity: (before.quantity ?? 1) + 1 },
    });
    const result = await runDocument(text, requestKindById('request')!, ctx);
    assert.equal(result.status, 'failed', result.message);
    const patch = result.exchanges.at(-1)!;
    assert.deepEqual([patch.status, Number(patch.error?.code)], [400, 2055]);
    assert.match(String((describeExchange(patch).error as { meaning?: string }).meaning), /changed since it was read/);
    const after = await ctx.client.subscriptions.get(customerId, subscriptionId);
    assert.equal(after.quantity, before.quantity, 'the stale change was not applied');
    assert.equal(after.friendlyName, 'Renamed elsewhere', 'the other change stands');
    await ctx.client.close();
  });
});
