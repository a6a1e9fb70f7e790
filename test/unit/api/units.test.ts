// Small pieces without a server: clouds, the client-side rate limiter, exactlyOnce.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  clouds,
  exactlyOnce,
  isSafeToResend,
  PartnerCenterError,
  RateLimiter,
  rateLimitKey,
  resolveEndpoint,
} from '../../../common/src/api';

const ids = { method: 'POST', path: '/v1/customers/c/orders', requestId: 'r', correlationId: 'c' };

describe('clouds', () => {
  test('each cloud maps to its documented host and authority', () => {
    assert.equal(resolveEndpoint('global'), 'https://api.partnercenter.microsoft.com');
    assert.equal(resolveEndpoint('usGovernment'), 'https://api.partnercenter.microsoft.com');
    assert.equal(clouds.usGovernment.authority, 'https://login.microsoftonline.us');
    assert.equal(resolveEndpoint('china21Vianet'), 'https://partner.partnercenterapi.microsoftonline.cn');
    assert.equal(clouds.china21Vianet.authority, 'https://login.chinacloudapi.cn');
    assert.equal(clouds.global.scope, 'https://api.partnercenter.microsoft.com/.default');
    assert.equal(resolveEndpoint('emulator', 'http://127.0.0.1:7071/v1/'), 'http://127.0.0.1:7071');
    assert.throws(() => resolveEndpoint('custom'), /needs a base URL/);
    assert.throws(() => resolveEndpoint('custom', 'ftp://x'), /http or https/);
  });
});

describe('rate limiter', () => {
  test('keys by customer tenant, else partner', () => {
    assert.equal(rateLimitKey('/v1/customers/ABC/orders'), 'abc');
    assert.equal(rateLimitKey('/customers/abc'), 'abc');
    assert.equal(rateLimitKey('/v1/customers?size=3'), 'partner');
    assert.equal(rateLimitKey('/v1/products'), 'partner');
  });

  test('holds the request over the limit until the window frees a slot; other tenants pass', async () => {
    // A clock the test moves: nothing frees a slot until it does, so "not held" means "resolved
    // while the clock stood still" and "held" means "resolved only after it moved".
    let now = 1_000_000;
    const limiter = new RateLimiter({ limit: 3, windowMs: 300, now: () => now });
    for (let i = 0; i < 3; i++) await limiter.acquire('a');
    let fourthAt: number | undefined;
    const fourth = limiter.acquire('a').then(() => {
      fourthAt = now;
    });
    await limiter.acquire('b');
    assert.equal(fourthAt, undefined, 'another tenant passed while the fourth request of the first was held');
    now += 300;
    await fourth;
    assert.equal(fourthAt, 1_000_300, 'the fourth request went only once the window had moved on');
  });

  test('pause holds a tenant and an abort ends the wait', async () => {
    const limiter = new RateLimiter({ limit: 100 });
    limiter.pause('a', 60_000);
    const controller = new AbortController();
    const waiting = limiter.acquire('a', controller.signal);
    controller.abort();
    await assert.rejects(waiting, { name: 'AbortError' });
  });
});

describe('exactlyOnce', () => {
  test('re-sends after 503 with the same request id, then returns the result', async () => {
    const seen: string[] = [];
    const result = await exactlyOnce(
      async ({ requestId }) => {
        seen.push(requestId);
        if (seen.length < 3) throw new PartnerCenterError({ kind: 'http', status: 503, ...ids });
        return 'bought';
      },
      { baseDelayMs: 1 },
    );
    assert.equal(result, 'bought');
    assert.equal(seen.length, 3);
    assert.equal(new Set(seen).size, 1);
  });

  test('never re-sends after a definite answer', async () => {
    let calls = 0;
    await assert.rejects(
      exactlyOnce(
        async () => {
          calls++;
          throw new PartnerCenterError({ kind: 'http', status: 400, code: 800071, ...ids });
        },
        { baseDelayMs: 1 },
      ),
      { status: 400 },
    );
    assert.equal(calls, 1);
    assert.equal(isSafeToResend(new PartnerCenterError({ kind: 'http', status: 500, ...ids })), false);
    assert.equal(isSafeToResend(new PartnerCenterError({ kind: 'aborted', ...ids })), false);
    assert.equal(isSafeToResend(new PartnerCenterError({ kind: 'http', status: 409, code: 800060, ...ids })), true);
    assert.equal(isSafeToResend(new PartnerCenterError({ kind: 'timeout', ...ids })), true);
    assert.equal(isSafeToResend(new Error('x')), false);
  });

  test('uses the journaled id and reports each attempt', async () => {
    const journaled = '6f9619ff-8b86-d011-b42d-00c04fc964ff';
    const attempts: number[] = [];
    await exactlyOnce(async ({ requestId }) => assert.equal(requestId, journaled), {
      requestId: journaled,
      onAttempt: (a) => attempts.push(a.attempt),
    });
    assert.deepEqual(attempts, [1]);
  });
});
