// A purchase confirmed after its client was closed (the connection was switched while the dialog
// stayed open): nothing can reach the service through a closed pool, so there is no point sending
// five more times and blaming the network. The outcome stays "unknown" (journaled, checked before
// the next send) because a pool destroyed mid-request may have delivered it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PartnerCenterClient } from '../../../common/src/api';
import { exchange } from '../../../common/src/send';
import { withEmulator } from '../../support/emulator';

test('a write on a closed client stops at once and stays unknown', async () => {
  await withEmulator(async (emu) => {
    const client = new PartnerCenterClient({
      endpoint: emu.url,
      tokenProvider: { getToken: async () => 't' },
      retry: { baseDelayMs: 10, maxDelayMs: 40 },
    });
    await client.customers.get(emu.fixtures.customerId).catch(() => undefined);
    void client.close();
    const e = await exchange(
      client,
      { method: 'POST', path: `/customers/${emu.fixtures.customerId}/orders`, body: {} },
      { baseDelayMs: 10 },
    );
    assert.equal(e.outcome, 'unknown');
    assert.equal(e.attempts, 1, 'not re-sent through a closed pool');
    assert.match(String(e.error?.message), /closed/i);
    assert.doesNotMatch(String(e.error?.message), /network connection/i);
    assert.equal(emu.requests.filter((r) => r.method === 'POST').length, 0);
  });
});
