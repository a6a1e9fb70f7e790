// Error bodies in every shape the service uses become one readable, typed error.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseErrorBody, PartnerCenterError } from '../../../common/src/api';
import { makeClient, sendJson, startServer, TOKEN } from './helpers';

describe('errors', () => {
  test('classic body {code, description, data, source} → code, description, ids, actionable message', async () => {
    const server = await startServer((_req, res) => sendJson(res, 400,
      { code: 800071, description: 'Line item numbers must be 0..n-1', data: [], source: 'PartnerFD' }));
    const client = makeClient(server.url);
    try {
      await assert.rejects(client.orders.create('c1', { billingCycle: 'monthly', lineItems: [] }), (err: PartnerCenterError) => {
        assert.ok(err instanceof PartnerCenterError);
        assert.equal(err.status, 400);
        assert.equal(err.code, 800071);
        assert.equal(err.description, 'Line item numbers must be 0..n-1');
        assert.equal(err.requestId, server.requests[0].headers['ms-requestid']);
        assert.equal(err.correlationId, server.requests[0].headers['ms-correlationid']);
        assert.equal(err.message,
          `Partner Center rejected the request (400, code 800071): Line item numbers must be 0..n-1. Request id ${err.requestId}, correlation id ${err.correlationId}.`);
        assert.ok(!err.message.includes(TOKEN) && !JSON.stringify(err).includes(TOKEN));
        return true;
      });
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('newer body {code, message, description, errorName} keeps the name', () => {
    const parsed = parseErrorBody({ code: 600061, message: 'm', description: 'Partner already confirmed', errorName: 'PartnerConfirmedAgreementAlreadyExists', isRetryable: false }, '');
    assert.deepEqual({ ...parsed, data: undefined }, { code: 600061, description: 'Partner already confirmed', errorName: 'PartnerConfirmedAgreementAlreadyExists', data: undefined });
    assert.equal(parseErrorBody({ code: '2055', message: 'Etag is no longer valid' }, '').description, 'Etag is no longer valid');
  });

  test('429 {statusCode, message} and non-JSON bodies still give a description', () => {
    assert.equal(parseErrorBody({ statusCode: 429, message: 'Rate limit is exceeded.' }, '').description, 'Rate limit is exceeded.');
    assert.equal(parseErrorBody(undefined, '<html><body><h1>502 Bad Gateway</h1></body></html>').description, '502 Bad Gateway');
    assert.deepEqual(parseErrorBody(undefined, ''), {});
  });

  test('401 and 403 messages say what to do', async () => {
    // A 401 is tried once more with a fresh token (see tokenRefresh.test.ts), so two 401s first.
    const server = await startServer((_req, res, _b, i) => i <= 1
      ? sendJson(res, 401, { code: 400, description: 'Access denied' }, { 'www-authenticate': 'OAuth realm=x' })
      : sendJson(res, 403, { code: 900329, description: 'This resource does not support application-only authentication' }));
    const client = makeClient(server.url);
    try {
      await assert.rejects(client.customers.get('c1'), /\(401, code 400\): Access denied\. Sign in again/);
      await assert.rejects(client.entitlements.list('c1'), /\(403, code 900329\).*lacks the permission/);
    } finally {
      await client.close();
      await server.close();
    }
  });

  test('the generic request returns non-2xx answers unless asked to throw', async () => {
    const server = await startServer((_req, res) => sendJson(res, 404, { code: 1000, description: 'Not found' }));
    const client = makeClient(server.url);
    try {
      const res = await client.request({ method: 'GET', path: 'customers/nope', query: { a: 1, b: undefined } });
      assert.equal(res.status, 404);
      assert.deepEqual(res.body, { code: 1000, description: 'Not found' });
      assert.equal(server.requests[0].url, '/v1/customers/nope?a=1');
      await assert.rejects(client.request({ method: 'GET', path: '/v1/customers/nope', throwOnHttpError: true }), { name: 'PartnerCenterError', status: 404, code: 1000 });
    } finally {
      await client.close();
      await server.close();
    }
  });
});
