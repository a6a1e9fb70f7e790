// Error bodies in every shape the service uses become one readable, typed error; the emulator
// gives the classic, 401, 403 and 404 ones.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseErrorBody, PartnerCenterError } from '../../../common/src/api';
import { emulatorAndClient, TOKEN } from './helpers';

describe('errors', () => {
  test('classic body {code, description, data, source} → code, description, ids, actionable message', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const order = {
      billingCycle: 'monthly',
      lineItems: [{ lineItemNumber: 3, offerId: emu.fixtures.catalog.license, quantity: 1, termDuration: 'P1M' }],
    };
    await assert.rejects(client.orders.create(emu.fixtures.customerId, order), (err: PartnerCenterError) => {
      assert.ok(err instanceof PartnerCenterError);
      assert.equal(err.status, 400);
      assert.equal(err.code, 800071);
      assert.match(err.description ?? '', /lineItemNumber/);
      assert.equal(err.requestId, emu.requests[0].requestId);
      assert.equal(err.correlationId, emu.requests[0].correlationId);
      assert.ok(
        err.message.startsWith(`Partner Center rejected the request (400, code 800071): ${err.description}`),
        err.message,
      );
      assert.ok(err.message.endsWith(`. Request id ${err.requestId}, correlation id ${err.correlationId}.`), err.message);
      assert.ok(!err.message.includes(TOKEN) && !JSON.stringify(err).includes(TOKEN));
      return true;
    });
  });

  test('newer body {code, message, description, errorName} keeps the name', () => {
    const parsed = parseErrorBody(
      {
        code: 600061,
        message: 'm',
        description: 'Partner already confirmed',
        errorName: 'PartnerConfirmedAgreementAlreadyExists',
        isRetryable: false,
      },
      '',
    );
    assert.deepEqual(
      { ...parsed, data: undefined },
      {
        code: 600061,
        description: 'Partner already confirmed',
        errorName: 'PartnerConfirmedAgreementAlreadyExists',
        data: undefined,
      },
    );
    assert.equal(parseErrorBody({ code: '2055', message: 'Etag is no longer valid' }, '').description, 'Etag is no longer valid');
  });

  test('429 {statusCode, message} and non-JSON bodies still give a description', () => {
    assert.equal(
      parseErrorBody({ statusCode: 429, message: 'Rate limit is exceeded.' }, '').description,
      'Rate limit is exceeded.',
    );
    assert.equal(parseErrorBody(undefined, '<html><body><h1>502 Bad Gateway</h1></body></html>').description, '502 Bad Gateway');
    assert.deepEqual(parseErrorBody(undefined, ''), {});
  });

  test('401 and 403 messages say what to do', async (t) => {
    // A 401 is tried once more with a fresh token (see tokenRefresh.test.ts); this provider's
    // token is refused both times. An App-only token is refused on App+User-only entitlements.
    const { emu, client } = await emulatorAndClient(t, { requireToken: 'not-the-test-token' });
    await assert.rejects(client.customers.get(emu.fixtures.customerId), /\(401, code 400\): Access denied[^]*Sign in again/);
    assert.deepEqual(
      emu.requests.map((r) => r.status),
      [401, 401],
    );
    const appOnly = `e30.${Buffer.from(JSON.stringify({ aud: 'https://api.partnercenter.microsoft.com', idtyp: 'app' })).toString('base64url')}.sig`;
    const open = await emulatorAndClient(t, {}, { tokenProvider: { getToken: () => Promise.resolve(appOnly) } });
    await assert.rejects(
      open.client.entitlements.list(open.emu.fixtures.customerId),
      /\(403, code 900329\).*lacks the permission/,
    );
  });

  test('the generic request returns non-2xx answers unless asked to throw', async (t) => {
    const { emu, client } = await emulatorAndClient(t);
    const res = await client.request({ method: 'GET', path: 'customers/nope', query: { a: 1, b: undefined } });
    assert.equal(res.status, 404);
    assert.equal((res.body as { code: number }).code, 1000);
    assert.equal(emu.requests[0].path, '/v1/customers/nope?a=1');
    await assert.rejects(client.request({ method: 'GET', path: '/v1/customers/nope', throwOnHttpError: true }), {
      name: 'PartnerCenterError',
      status: 404,
      code: 1000,
    });
  });
});
