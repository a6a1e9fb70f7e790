// A journal entry whose resource is gone must not block a customer's purchases forever: a 404
// while checking is the truthful answer "nothing is there" (the entry is dropped), and a person can
// discard an entry that cannot be checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requestKindById } from '../../../common/src/requestKinds';
import { checkEntry, Journal, type JournalEntry, MemoryJournalStore, recoverAll, runDocument } from '../../../common/src/send';
import { withEmulator } from '../../support/emulator';
import { makeContext, orderDocument, recordingPrompts } from './helpers';

const entryFor = (endpoint: string, customerId: string, extra: Partial<JournalEntry>): JournalEntry => ({
  requestId: '5b0c6c1e-7f1d-4c3e-9a51-0f6e2f4b9a10',
  correlationId: '6c1d7d2f-8a2e-4d4f-8b62-1a7f3a5c0b21',
  startedAt: new Date(Date.now() - 60_000).toISOString(),
  endpoint,
  purpose: 'subscription',
  method: 'PATCH',
  path: `/v1/customers/${customerId}/subscriptions/gone`,
  customerId,
  documentUri: 'file:///w/old.subscription.json',
  bodyHash: 'x',
  match: { subscriptionId: '00000000-0000-4000-8000-000000000000', changes: [{ path: 'quantity', to: 3 }] },
  ...extra,
});

test('an entry of another purchase whose subscription is gone does not block purchases for the customer', async () => {
  await withEmulator(async (emu) => {
    const { customerId, catalog } = emu.fixtures;
    const prompts = recordingPrompts(true);
    const probe = makeContext(emu, prompts);
    const store = new MemoryJournalStore([entryFor(probe.client.endpoint, customerId, {})]);
    const ctx = { ...probe, journal: new Journal(store) };
    const outcome = await checkEntry(ctx.client, (await store.read())[0]);
    assert.equal(outcome.state, 'notFound', outcome.message);
    assert.equal(outcome.state === 'notFound' && outcome.gone, true);

    const result = await runDocument(
      orderDocument(customerId, [{ item: catalog.license, quantity: 1 }]),
      requestKindById('order')!,
      ctx,
    );
    assert.equal(result.status, 'done', result.message);
    await ctx.client.close();
  });
});

test('recovery at start-up drops entries whose resource is gone', async () => {
  await withEmulator(async (emu) => {
    const ctx = makeContext(emu, recordingPrompts(true));
    const store = new MemoryJournalStore([entryFor(ctx.client.endpoint, emu.fixtures.customerId, {})]);
    const outcomes = await recoverAll(ctx.client, new Journal(store));
    assert.deepEqual(
      outcomes.map((o) => o.state),
      ['notFound'],
    );
    assert.deepEqual(await store.read(), []);
    await ctx.client.close();
  });
});

test('an entry can be discarded, except while it is being sent', async () => {
  const journal = new Journal(new MemoryJournalStore());
  const entry = entryFor('http://x', 'c', { purpose: 'request' });
  await journal.begin(entry);
  const removed = await journal.discard(entry.requestId);
  assert.equal(removed?.requestId, entry.requestId);
  assert.deepEqual(await journal.unsettled(), []);

  assert.equal(await journal.beginUnlessSending(entry), undefined);
  assert.equal(await journal.discard(entry.requestId), undefined, 'not while it is in flight');
  await journal.finished(entry.requestId);
  assert.ok(await journal.discard(entry.requestId));
});
