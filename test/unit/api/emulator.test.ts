// The client against the project's Partner Center emulator: paging, filters, exactly-once purchases
// under injected faults, typed errors, throttling, BOM bodies, auth, cancellation and timeouts.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type Customer,
  exactlyOnce,
  MCA_AGREEMENT_TYPE,
  type Order,
  type PartnerCenterError,
  type PartnerCenterClient,
} from '../../../common/src/api';
import { startEmulator } from '../../../emulator/src/index';
import { waitFor } from '../../support/waitFor';
import { emulatorAndClient, makeClient, manualClock } from './helpers';

/** A catalog item a plain purchase can use, found through the client's catalog calls. */
async function findLicenseItem(
  client: PartnerCenterClient,
): Promise<{ catalogItemId: string; termDuration: string; billingCycle: string }> {
  const products = await client.catalog.products({ country: 'US', targetView: 'OnlineServices' });
  for (const product of products) {
    for (const sku of await client.catalog.skus(product.id, { country: 'US' })) {
      if (sku.isTrial || sku.attestationProperties?.enforceAttestation || (sku.minimumQuantity ?? 1) > 1) continue;
      for (const availability of await client.catalog.availabilities(product.id, sku.id, { country: 'US' })) {
        const term = availability.terms?.find((t) => t.duration === 'P1M' && t.billingCycle.toLowerCase() === 'monthly');
        if (term && availability.isPurchasable !== false) {
          return { catalogItemId: availability.catalogItemId, termDuration: term.duration, billingCycle: 'monthly' };
        }
      }
    }
  }
  throw new Error('no purchasable monthly license in the emulator catalog');
}

describe('against the emulator', () => {
  test('paging over every customer has no duplicates or gaps', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const seen: string[] = [];
    let pages = 0;
    for await (const page of client.customers.pages({ size: 7 })) {
      pages++;
      assert.ok(page.items.length <= 7);
      assert.equal(page.hasMore, page.next !== undefined);
      seen.push(...page.items.map((c) => c.id));
    }
    assert.ok(seen.length >= 120, `only ${seen.length} customers`);
    assert.equal(new Set(seen).size, seen.length, 'no duplicates');
    assert.equal(pages, Math.ceil(seen.length / 7));
    // No gaps: one unpaged listing (size 0, as the SDK uses it) holds exactly the same set.
    const all = await client.customers.listPage({ size: 0 });
    assert.equal(all.hasMore, false);
    assert.equal(all.totalCount, seen.length);
    assert.deepEqual(new Set(all.items.map((c) => c.id)), new Set(seen));
    // The pages of the first listing share one correlation id and used distinct request ids.
    const listing = emu.requests.slice(0, pages);
    assert.equal(new Set(listing.map((r) => r.correlationId)).size, 1);
    assert.equal(new Set(listing.map((r) => r.requestId)).size, pages);
  });

  test('"Load more" continuations walk the same pages', async (t) => {
    const { client } = await emulatorAndClient(t);
    const ids: string[] = [];
    let next: string | undefined;
    do {
      const page = await client.customers.listPage({ size: 25 }, next);
      ids.push(...page.items.map((c) => c.id));
      next = page.next;
    } while (next !== undefined);
    const all = await client.customers.listAll({ size: 50 });
    assert.deepEqual(
      ids,
      all.map((c) => c.id),
    );
  });

  test('a CompanyName / Domain filter returns only, and all, the matches', async (t) => {
    const { client } = await emulatorAndClient(t);
    const all = await client.customers.listAll({ size: 50 });
    const name = (c: Customer): string => c.companyProfile?.companyName ?? '';
    const prefix = name(all[0]).slice(0, 3);
    const expected = all
      .filter((c) => name(c).toLowerCase().startsWith(prefix.toLowerCase()))
      .map((c) => c.id)
      .sort();
    assert.ok(expected.length < all.length, 'the filter must exclude someone');
    const got: Customer[] = [];
    for await (const c of client.customers.list({ size: 2, filter: { field: 'CompanyName', value: prefix } })) got.push(c);
    assert.ok(
      got.every((c) => name(c).toLowerCase().startsWith(prefix.toLowerCase())),
      'only matches',
    );
    assert.deepEqual(got.map((c) => c.id).sort(), expected, 'all matches');

    const domain = all[1].companyProfile?.domain ?? '';
    const byDomain = await client.customers.listAll({ filter: { field: 'Domain', value: domain } });
    assert.ok(byDomain.some((c) => c.id === all[1].id));
    assert.ok(byDomain.every((c) => (c.companyProfile?.domain ?? '').toLowerCase().startsWith(domain.toLowerCase())));
  });

  test('200 purchases under reset-after-commit and 503 faults create exactly 200 orders', async (t) => {
    const { emu, client } = await emulatorAndClient(t, {}, { rateLimitPerMinute: 500 });
    const item = await findLicenseItem(client);
    const customers = await client.customers.listAll({ size: 100 });
    const eligible: string[] = [];
    for (const c of customers) {
      const agreements = await client.agreements.list(c.id, { agreementType: MCA_AGREEMENT_TYPE });
      if (agreements.length > 0) eligible.push(c.id);
    }
    assert.ok(eligible.length >= 100, `${eligible.length} customers with an MCA`);
    const before = new Map<string, number>();
    for (const id of eligible) before.set(id, (await client.orders.list(id)).length);

    emu.setFaults({ resetAfterCommit: 0.2, status503: 0.2 });
    const order = (): Order => ({
      billingCycle: item.billingCycle,
      lineItems: [{ lineItemNumber: 0, offerId: item.catalogItemId, quantity: 1, termDuration: item.termDuration }],
    });
    const created: string[] = [];
    let nextIndex = 0;
    const worker = async (): Promise<void> => {
      while (nextIndex < 200) {
        const customerId = eligible[nextIndex % eligible.length];
        nextIndex++;
        // One logical purchase = one request id, re-sent until the outcome is known.
        const result = await exactlyOnce((ids) => client.orders.create(customerId, order(), ids), {
          baseDelayMs: 20,
          maxAttempts: 12,
        });
        created.push(result.id ?? '');
      }
    };
    await Promise.all(Array.from({ length: 16 }, worker));
    emu.setFaults(undefined);

    assert.equal(created.length, 200);
    assert.equal(new Set(created).size, 200, 'each purchase returned its own order');
    const faults = emu.requests.filter((r) => r.method === 'POST');
    assert.ok(
      faults.some((r) => r.fault === 'reset-after-commit'),
      'reset-after-commit fired',
    );
    assert.ok(
      faults.some((r) => r.fault === 'status-503'),
      '503 fired',
    );
    assert.ok(
      faults.some((r) => r.replayed),
      'some re-sends were answered from the idempotency store',
    );

    let added = 0;
    for (const id of eligible) added += (await client.orders.list(id)).length - (before.get(id) ?? 0);
    assert.equal(added, 200, 'exactly 200 new orders');
  });

  test('service errors become PartnerCenterError with code, description and ids', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const item = await findLicenseItem(client);
    await assert.rejects(client.customers.get('00000000-0000-0000-0000-000000000000'), (err: PartnerCenterError) => {
      assert.equal(err.kind, 'http');
      assert.equal(err.status, 404);
      assert.notEqual(err.code, undefined);
      assert.ok(err.description);
      const rec = emu.requests[emu.requests.length - 1];
      assert.equal(err.requestId, rec.requestId);
      assert.equal(err.correlationId, rec.correlationId);
      return true;
    });
    const noMca = emu.fixtures.customersWithoutMca[0];
    await assert.rejects(
      client.orders.create(noMca, {
        billingCycle: 'monthly',
        lineItems: [{ lineItemNumber: 0, offerId: item.catalogItemId, quantity: 1, termDuration: 'P1M' }],
      }),
      (err: PartnerCenterError) => err.status === 403 && Number(err.code) === 13605 && err.message.includes(`(403, code 13605)`),
    );
    await assert.rejects(
      client.orders.create(emu.fixtures.customerId, {
        billingCycle: 'monthly',
        lineItems: [{ lineItemNumber: 3, offerId: item.catalogItemId, quantity: 1, termDuration: 'P1M' }],
      }),
      (err: PartnerCenterError) =>
        err.status === 400 && err.code !== undefined && err.message.startsWith('Partner Center rejected the request (400'),
    );
  });

  test('429 from the service waits for Retry-After, then succeeds with the same request id', async (t) => {
    // The emulator's clock stands still until moved: 59 s on, the window ends in exactly 1 s
    // (Retry-After: 1); once the 429 is recorded it moves past the window for the re-send.
    const clock = manualClock();
    const { emu, client } = await emulatorAndClient(t, { rateLimitPerMinute: 3, clock: clock.now }, { rateLimitPerMinute: 1000 });
    const id = emu.fixtures.customerId;
    for (let i = 0; i < 3; i++) await client.customers.get(id);
    clock.advance(59_000);
    const started = Date.now();
    const pending = client.customers.get(id);
    await waitFor('the call to be throttled', () => emu.requests.at(-1)?.status === 429, 5000);
    clock.advance(1_000);
    const customer = await pending;
    assert.equal(customer.id, id);
    assert.ok(Date.now() - started >= 900, `waited only ${Date.now() - started} ms`);
    const [throttled, ...resent] = emu.requests.slice(3);
    assert.equal(throttled.status, 429);
    assert.equal(resent.at(-1)?.status, 200);
    assert.ok(
      resent.every((r) => r.requestId === throttled.requestId),
      'every re-send used the throttled request id',
    );
  });

  test('BOM-prefixed responses parse', async (t) => {
    const { emu, client } = await emulatorAndClient(t, { bom: true });
    const page = await client.customers.listPage({ size: 5 });
    assert.equal(page.items.length, 5);
    assert.equal((await client.customers.get(emu.fixtures.customerId)).id, emu.fixtures.customerId);
  });

  test('401 when the token is missing or wrong', async () => {
    const emu = await startEmulator({ requireToken: 'right-token' });
    const empty = makeClient(emu.url, { tokenProvider: { getToken: () => Promise.resolve('') } });
    const wrong = makeClient(emu.url, { tokenProvider: { getToken: () => Promise.resolve('wrong-token') } });
    const right = makeClient(emu.url, { tokenProvider: { getToken: () => Promise.resolve('right-token') } });
    try {
      await assert.rejects(
        empty.customers.listPage(),
        (err: PartnerCenterError) => err.status === 401 && /Sign in again/.test(err.message),
      );
      await assert.rejects(
        wrong.customers.listPage(),
        (err: PartnerCenterError) => err.status === 401 && !err.message.includes('wrong-token'),
      );
      assert.ok((await right.customers.listPage({ size: 1 })).items.length === 1);
    } finally {
      await Promise.all([empty.close(), wrong.close(), right.close()]);
      await emu.close();
    }
  });

  test('abort rejects a held call with AbortError and it is not re-sent; a timeout ends a call whose answer is held', async (t) => {
    // The latency fault holds every answer for a minute: a call that settles at all was settled by
    // the abort or the timeout, never by the answer.
    const { emu, client } = await emulatorAndClient(t, { faults: { latencyMs: 60_000 } }, { maxRetries: 0 });
    const controller = new AbortController();
    const pending = client.customers.listPage({ size: 5, signal: controller.signal });
    await waitFor('request to reach the emulator', () => emu.requests.length === 1, 5000);
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError', kind: 'aborted' });
    assert.equal(emu.requests.length, 1, 'no retry after a cancel');

    await assert.rejects(client.customers.listPage({ size: 5, timeoutMs: 200 }), { kind: 'timeout' });
    assert.equal(emu.requests.length, 2, 'the timed-out call was sent once');
    assert.ok(
      emu.requests.every((r) => r.status === 200),
      'both were processed; only their answers were held',
    );
  });
});
