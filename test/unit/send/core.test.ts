// The pure parts of the run-request core: planning a call from the kinds table, the subscription
// merge, redaction, history and HAR export.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  History,
  matchKind,
  MemoryHistoryStore,
  mergeOver,
  planFromText,
  redactBody,
  redactHeaders,
  toHar,
  type Exchange,
} from '../../../common/src/send';
import { requestKindById } from '../../../common/src/requestKinds';
import { orderDocument } from './helpers';

const kind = (id: string) => requestKindById(id)!;
const CUSTOMER = '0c1e1f6b-2d3a-4b5c-8d9e-0f1a2b3c4d5e';

test('an order document plans a purchase POST to its referenceCustomerId', () => {
  const plan = planFromText(orderDocument(CUSTOMER, [{ item: 'A1:B2:C3', quantity: 2 }]), kind('order'));
  assert.deepEqual(plan.problems, []);
  assert.equal(plan.method, 'POST');
  assert.equal(plan.pathTemplate, '/v1/customers/{customerId}/orders');
  assert.equal(plan.customerId, CUSTOMER);
  assert.equal(plan.spendsMoney, true);
  assert.equal((plan.body as Record<string, unknown>).$schema, undefined, '$schema is not sent');
});

test('a subscription document without "id" cannot be sent, and names what is missing', () => {
  const plan = planFromText('{"quantity": 3}', kind('subscription'));
  assert.match(plan.problems.join(' '), /"id"/);
});

test('invalid JSON is a problem, not an exception', () => {
  assert.match(planFromText('{"billingCycle": ', kind('order')).problems[0], /not valid JSON/);
});

test('a generic request to an orders path is a purchase, and its body is checked as an order', () => {
  const good = planFromText(
    JSON.stringify({
      method: 'post',
      path: `/v1/customers/${CUSTOMER}/orders`,
      body: JSON.parse(orderDocument(undefined, [{ item: 'A1:B2:C3', quantity: 1 }])),
    }),
    kind('request'),
  );
  assert.deepEqual(good.problems, []);
  assert.equal(good.target?.id, 'order');
  assert.equal(good.spendsMoney, true);
  assert.equal(good.customerId, CUSTOMER);
  const bad = planFromText(
    JSON.stringify({ method: 'POST', path: '/v1/customers/{customerId}/orders', body: { lineItems: 'none' } }),
    kind('request'),
  );
  assert.ok(
    bad.problems.some((p) => p.startsWith('Body:')),
    bad.problems.join('\n'),
  );
  assert.equal(bad.needsCustomer, true);
});

test('generic reads spend nothing; checkout paths do', () => {
  const read = planFromText('{"method":"GET","path":"/v1/customers","query":{"size":5}}', kind('request'));
  assert.equal(read.isRead, true);
  assert.equal(read.spendsMoney, false);
  assert.deepEqual(read.problems, []);
  assert.equal(matchKind('POST', `/customers/${CUSTOMER}/carts/abc/checkout`)?.step, 'checkout');
  assert.equal(
    planFromText(`{"method":"POST","path":"/v1/customers/${CUSTOMER}/carts/abc/checkout"}`, kind('request')).spendsMoney,
    true,
  );
  assert.match(
    planFromText('{"method":"GET","path":"/v1/customers","query":{"filter":{"a":1}}}', kind('request')).problems[0],
    /query\.filter/,
  );
});

test('the subscription merge keeps every field the document leaves out and lists the changes', () => {
  const current = {
    id: 's1',
    quantity: 5,
    autoRenewEnabled: true,
    scheduledNextTermInstructions: { quantity: 5, product: { skuId: '0001' } },
    attributes: { etag: 'e1' },
  };
  const { merged, changes } = mergeOver(current, { Quantity: 6, scheduledNextTermInstructions: { quantity: 7 } });
  assert.equal(merged.quantity, 6, 'names are matched without regard to case');
  assert.equal(merged.Quantity, undefined);
  assert.equal(merged.autoRenewEnabled, true);
  assert.deepEqual(merged.scheduledNextTermInstructions, { quantity: 7, product: { skuId: '0001' } });
  assert.deepEqual(
    changes.map((c) => c.path),
    ['quantity', 'scheduledNextTermInstructions.quantity'],
  );
});

const exchange: Exchange = {
  call: {
    method: 'POST',
    path: '/v1/customers',
    headers: { Authorization: 'Bearer abc.def', 'X-Custom': 'ok' },
    body: { name: 'x' },
  },
  url: 'http://127.0.0.1:1/v1/customers?size=1',
  requestId: '11111111-1111-4111-8111-111111111111',
  correlationId: '22222222-2222-4222-8222-222222222222',
  startedAt: '2025-01-01T00:00:00.000Z',
  durationMs: 12,
  attempts: 1,
  outcome: 'ok',
  status: 201,
  responseHeaders: { 'content-type': 'application/json' },
  responseBody: { id: 'c1', userCredentials: { userName: 'admin', password: 'hunter2' } },
};

test('history keeps no token or password, and survives through its store', async () => {
  const store = new MemoryHistoryStore();
  await new History(store).add({
    time: exchange.startedAt,
    title: 't',
    kindId: 'customer',
    environment: 'e',
    endpoint: 'x',
    summary: 's',
    exchanges: [exchange],
  });
  const again = await new History(store).list();
  const text = JSON.stringify(again);
  assert.equal(again.length, 1);
  assert.ok(!text.includes('abc.def') && !text.includes('hunter2'), text);
  assert.equal(redactHeaders({ 'X-Custom': 'ok' })!['X-Custom'], 'ok');
  assert.deepEqual(redactBody({ a: [{ refresh_token: 'r' }] }), { a: [{ refresh_token: '***' }] });
});

test('history is capped, newest first', async () => {
  const history = new History(new MemoryHistoryStore(), 3);
  for (let i = 0; i < 5; i++) {
    await history.add({
      time: `t${i}`,
      title: `r${i}`,
      kindId: 'request',
      environment: 'e',
      endpoint: 'x',
      summary: '',
      exchanges: [],
    });
  }
  assert.deepEqual(
    (await history.list()).map((r) => r.title),
    ['r4', 'r3', 'r2'],
  );
});

test('HAR export has one entry per call with ids, query and bodies', () => {
  const har = toHar([
    {
      id: '1',
      time: exchange.startedAt,
      title: 't',
      kindId: 'customer',
      environment: 'e',
      endpoint: 'x',
      summary: '',
      exchanges: [exchange],
    },
  ]) as {
    log: {
      version: string;
      entries: {
        request: {
          method: string;
          headers: { name: string; value: string }[];
          queryString: unknown[];
          postData?: { text: string };
        };
        response: { status: number };
      }[];
    };
  };
  assert.equal(har.log.version, '1.2');
  const [entry] = har.log.entries;
  assert.equal(entry.request.method, 'POST');
  assert.equal(entry.response.status, 201);
  assert.deepEqual(entry.request.queryString, [{ name: 'size', value: '1' }]);
  assert.ok(entry.request.headers.some((h) => h.name === 'MS-RequestId' && h.value === exchange.requestId));
  assert.equal(entry.request.postData?.text, '{"name":"x"}');
});
