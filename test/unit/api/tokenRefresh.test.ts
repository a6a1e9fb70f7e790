// A 401 to a token the service no longer accepts: the client asks its token provider for a fresh
// token once and sends again under the same request id; a second 401 is the answer. The emulator
// with requireToken plays the service that accepts only one token.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type PartnerCenterError } from '../../../common/src/api';
import { emulatorAndClient } from './helpers';

test('a rejected token is refreshed once and the call succeeds under the same request id', async (t) => {
  const asked: (boolean | undefined)[] = [];
  const { emu, client } = await emulatorAndClient(
    t,
    { requireToken: 'fresh' },
    {
      tokenProvider: {
        getToken: async (_s, o) => {
          asked.push(o?.forceRefresh);
          return o?.forceRefresh ? 'fresh' : 'revoked';
        },
      },
    },
  );
  const order = await client.orders.create(emu.fixtures.customerId, {
    billingCycle: 'monthly',
    lineItems: [{ lineItemNumber: 0, offerId: emu.fixtures.catalog.license, quantity: 1, termDuration: 'P1M' }],
  });
  assert.ok(order.id);
  assert.deepEqual(asked, [undefined, true]);
  assert.deepEqual(
    emu.requests.map((r) => r.status),
    [401, 201],
  );
  assert.equal(emu.requests[0].requestId, emu.requests[1].requestId, 'the purchase keeps its idempotency key');
});

test('a second 401 is the answer: no loop, a PartnerCenterError with the code', async (t) => {
  const { emu, client } = await emulatorAndClient(
    t,
    { requireToken: 'never' },
    { tokenProvider: { getToken: async () => 'revoked' } },
  );
  await assert.rejects(
    client.customers.get(emu.fixtures.customerId),
    (err: PartnerCenterError) => err.status === 401 && String(err.code) === '400',
  );
  assert.equal(emu.requests.length, 2);
});
