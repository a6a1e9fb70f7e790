// A generic checkout reads the cart first, so the confirmation can list what it buys. A cart that
// cannot be read is not checked out: the person is told why, with the Partner Center code, and is
// never asked to confirm a purchase whose lines nobody could see (issue 13: that read used to
// swallow every error and go on to an empty confirmation).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { requestKindById } from '../../../common/src/requestKinds';
import { runDocument } from '../../../common/src/send';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { makeContext, recordingPrompts, startGateway } from './helpers';

const request = requestKindById('request')!;
const checkouts = (emu: RunningEmulator) => emu.requests.filter((r) => r.method === 'POST' && /\/checkout$/i.test(r.path));

async function openCart(emu: RunningEmulator): Promise<string> {
  const { client } = makeContext(emu, recordingPrompts());
  const { customerId, catalog } = emu.fixtures;
  const cart = await client.carts.create(customerId, {
    lineItems: [{ id: 0, catalogItemId: catalog.license, quantity: 1, billingCycle: 'monthly', termDuration: 'P1M' }],
  });
  await client.close();
  return `/v1/customers/${customerId}/carts/${String(cart.id)}/checkout`;
}

describe('a checkout whose cart cannot be read', () => {
  test('is refused by the service: nothing is confirmed or checked out, and the message carries the code', async () => {
    await withEmulator(async (emu) => {
      const path = await openCart(emu);
      const cartPath = path.replace(/\/checkout$/, '').toLowerCase();
      const denied = { code: 2032, description: 'Access denied', data: [], source: 'PartnerFD' };
      const gateway = await startGateway(emu, (req) =>
        req.method === 'GET' && req.path.toLowerCase() === cartPath ? { status: 403, body: denied } : 'forward',
      );
      const prompts = recordingPrompts(true, emu.fixtures.customerId);
      const ctx = makeContext({ ...emu, url: gateway.url }, prompts);
      try {
        const result = await runDocument(JSON.stringify({ method: 'POST', path }), request, ctx);
        assert.equal(result.status, 'failed', result.message);
        assert.match(result.message, /403, code 2032: Access denied/);
        assert.equal(prompts.asked.length, 0, 'no confirmation of a purchase nobody could see');
        assert.equal(checkouts(emu).length, 0, 'the cart was not checked out');
      } finally {
        await ctx.client.close();
        await gateway.close();
      }
    });
  });

  test('does not exist: the run says so with 800008 and asks nothing', async () => {
    await withEmulator(async (emu) => {
      const path = `/v1/customers/${emu.fixtures.customerId}/carts/no-such-cart/checkout`;
      const prompts = recordingPrompts(true, emu.fixtures.customerId);
      const ctx = makeContext(emu, prompts);
      try {
        const result = await runDocument(JSON.stringify({ method: 'POST', path }), request, ctx);
        assert.equal(result.status, 'failed', result.message);
        assert.match(result.message, /404, code 800008/);
        assert.equal(prompts.asked.length, 0);
        assert.equal(checkouts(emu).length, 0);
      } finally {
        await ctx.client.close();
      }
    });
  });
});
