// Checking out a cart that was already checked out. The docs disagree on the answer:
// checkout-a-cart.md says the call is idempotent and repeats the first checkout's result (the
// emulator does this), the error table lists 800065 "can't check out an already submitted cart".
// Either way nothing more is bought, and a run says so instead of reporting a purchase or a failure.
// A gateway in front of the emulator plays a service that answers 800065.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { requestKindById } from '../../../common/src/requestKinds';
import { runDocument } from '../../../common/src/send';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { type GatewayRule, makeContext, recordingPrompts, startGateway } from './helpers';

const request = requestKindById('request')!;
const cartKind = requestKindById('cart')!;
const ALREADY_SUBMITTED = {
  code: 800065,
  description: "can't check out an already submitted cart.",
  data: [],
  source: 'PartnerFD',
};
const isCheckout = (req: { method: string; path: string }) => req.method === 'POST' && /\/checkout$/i.test(req.path);
const orderCount = async (emu: RunningEmulator) =>
  (await makeContext(emu, recordingPrompts()).client.orders.list(emu.fixtures.customerId)).length;

/** A cart of the customer, checked out once; returns its checkout path and the order it placed. */
async function checkedOutCart(emu: RunningEmulator): Promise<{ path: string; orderId: string }> {
  const { client } = makeContext(emu, recordingPrompts());
  const { customerId, catalog } = emu.fixtures;
  const cart = await client.carts.create(customerId, {
    lineItems: [{ id: 0, catalogItemId: catalog.license, quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' }],
  });
  const result = await client.carts.checkout(customerId, String(cart.id));
  await client.close();
  return { path: `/v1/customers/${customerId}/carts/${String(cart.id)}/checkout`, orderId: String(result.orders?.[0]?.id) };
}

describe('checking out a cart that was already checked out', () => {
  test('is not confirmed, buys nothing, and names the order the first checkout placed', async () => {
    await withEmulator(async (emu) => {
      const { path, orderId } = await checkedOutCart(emu);
      const before = await orderCount(emu);
      const prompts = recordingPrompts(true, emu.fixtures.customerId);
      const ctx = makeContext(emu, prompts);
      const result = await runDocument(JSON.stringify({ method: 'POST', path }), request, ctx);
      assert.equal(result.status, 'alreadyDone', result.message);
      assert.deepEqual(result.orderIds, [orderId]);
      assert.match(result.message, /already checked out/);
      assert.equal(prompts.asked.length, 0, 'nothing to confirm');
      assert.equal(await orderCount(emu), before, 'no new order');
      await ctx.client.close();
    });
  });

  test('against a service that answers 800065, is reported as already bought, not as a failure', async () => {
    await withEmulator(async (emu) => {
      const { path } = await checkedOutCart(emu);
      const gateway = await startGateway(emu, (req) => (isCheckout(req) ? { status: 400, body: ALREADY_SUBMITTED } : 'forward'));
      const prompts = recordingPrompts(true, emu.fixtures.customerId);
      const ctx = makeContext({ ...emu, url: gateway.url }, prompts);
      try {
        const result = await runDocument(JSON.stringify({ method: 'POST', path }), request, ctx);
        assert.equal(result.status, 'alreadyDone', result.message);
        assert.match(result.message, /800065/);
        assert.equal(prompts.asked.length, 0);
      } finally {
        await ctx.client.close();
        await gateway.close();
      }
    });
  });

  test('when a checkout went through but its answer was lost, and the retry is answered 800065, the run ends already done with one order', async () => {
    await withEmulator(async (emu) => {
      let checkouts = 0;
      const rule: GatewayRule = (req) =>
        isCheckout(req) && ++checkouts > 1 ? { status: 400, body: ALREADY_SUBMITTED } : 'forward';
      const gateway = await startGateway(emu, rule);
      const prompts = recordingPrompts(true, emu.fixtures.customerId);
      const yes = prompts.confirmPurchase;
      // Only the checkout meets the fault: it is processed, then its connection is dropped.
      prompts.confirmPurchase = async (s) => {
        emu.setFaults({ resetAfterCommit: 1, limit: 1 });
        return yes(s);
      };
      const ctx = makeContext({ ...emu, url: gateway.url }, prompts);
      const before = await orderCount(emu);
      try {
        const cart = {
          lineItems: [
            { id: 0, catalogItemId: emu.fixtures.catalog.license, quantity: 2, billingCycle: 'monthly', termDuration: 'P1M' },
          ],
        };
        const result = await runDocument(JSON.stringify(cart), cartKind, ctx);
        assert.equal(result.status, 'alreadyDone', result.message);
        assert.match(result.message, /already been checked out \(800065\)/);
        assert.equal(checkouts, 2, 'the checkout was sent again once, under the same request id');
        assert.equal(await orderCount(emu), before + 1, 'exactly one order');
        assert.deepEqual(await ctx.journal.unsettled(() => true), [], 'the send is settled');
      } finally {
        emu.setFaults({});
        await ctx.client.close();
        await gateway.close();
      }
    });
  });
});
