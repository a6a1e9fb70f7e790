// What the history keeps, and the HAR export built from it, holds no secret a request or an answer
// carried: secret query values, key headers, secret body fields, continuation tokens inside
// `links.next.headers`, and JWTs wherever they appear in text. Everything else stays readable.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Exchange, History, MemoryHistoryStore, toHar } from '../../../common/src/send';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJlLXNlY3JldA';
const SECRETS = [
  'qs-access-token-1',
  'qs-token-2',
  'qs-sig-3',
  'hdr-apim-4',
  'hdr-functions-5',
  'body-secret-6',
  'body-private-7',
  'body-pfx-8',
  'body-cert-9',
  'continuation-10',
  JWT,
];

const exchange: Exchange = {
  call: {
    method: 'POST',
    path: '/v1/customers/c1/things?access_token=qs-access-token-1',
    query: { token: 'qs-token-2', size: 5 },
    headers: { 'Ocp-Apim-Subscription-Key': 'hdr-apim-4', 'X-Functions-Key': 'hdr-functions-5', 'X-Custom': 'visible-header' },
    body: {
      secretValue: 'body-secret-6',
      nested: { privateKey: 'body-private-7', pfx: 'body-pfx-8', certificate: 'body-cert-9' },
      note: 'visible-body',
    },
  },
  url: 'http://127.0.0.1:1/v1/customers/c1/things?access_token=qs-access-token-1&token=qs-token-2&sig=qs-sig-3&size=5',
  requestId: '11111111-1111-4111-8111-111111111111',
  correlationId: '22222222-2222-4222-8222-222222222222',
  startedAt: '2025-01-01T00:00:00.000Z',
  durationMs: 3,
  attempts: 1,
  outcome: 'failed',
  status: 400,
  responseHeaders: { 'x-debug': `token ${JWT}`, 'content-type': 'application/json' },
  responseBody: {
    description: `The token ${JWT} is not valid`,
    links: { next: { uri: '/customers?size=5', headers: [{ key: 'MS-ContinuationToken', value: 'continuation-10' }] } },
  },
  error: {
    kind: 'http',
    message: `Partner Center answered 400: The token ${JWT} is not valid`,
    description: `The token ${JWT} is not valid`,
  },
};

test('history and HAR keep no secret query value, key header, secret field, continuation token or JWT', async () => {
  const history = new History(new MemoryHistoryStore());
  await history.add({
    time: exchange.startedAt,
    title: 't',
    kindId: 'request',
    environment: 'e',
    endpoint: 'x',
    summary: 's',
    exchanges: [exchange],
  });
  const kept = JSON.stringify(await history.list());
  const har = JSON.stringify(toHar(await history.list()));
  for (const text of [kept, har]) {
    for (const secret of SECRETS) assert.ok(!text.includes(secret), `${secret} leaked: ${text}`);
    for (const visible of ['visible-header', 'visible-body', 'size=5', 'MS-ContinuationToken', '/customers?size=5']) {
      assert.ok(text.includes(visible), `${visible} was lost`);
    }
  }
});
