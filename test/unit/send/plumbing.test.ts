// The shared plumbing: one read-modify-write queue for the journal and the history, and one URL
// rule (the API client's) for what a call record says was sent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PartnerCenterClient, resolveApiUrl } from '../../../common/src/api';
import { exchange, SerialStore } from '../../../common/src/send';
import { withEmulator } from '../../support/emulator';

test('changes made at once are applied in turn, none lost', async () => {
  let items: number[] = [];
  const store = {
    read: async () => {
      await new Promise((r) => setTimeout(r, 5));
      return [...items];
    },
    write: async (next: number[]) => {
      items = next;
    },
  };
  const serial = new SerialStore(store);
  await Promise.all(Array.from({ length: 10 }, (_, i) => serial.update((list) => [...list, i])));
  assert.deepEqual(
    (await serial.read()).sort((a, b) => a - b),
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  );
  assert.equal(await serial.update((list) => ({ result: list.length })), 10, 'a change can hand back a value without writing');
});

test('a call record names the URL the client sends to, /v1 added once', async () => {
  await withEmulator(async (emu) => {
    const client = new PartnerCenterClient({ endpoint: emu.url, tokenProvider: { getToken: async () => 't' } });
    for (const path of ['/customers', '/v1/customers', 'customers']) {
      const e = await exchange(client, { method: 'GET', path, query: { size: 2 } });
      assert.equal(e.url, resolveApiUrl(client.endpoint, path, { size: 2 }).href);
      assert.equal(new URL(e.url).pathname, '/v1/customers');
    }
    await client.close();
  });
});
