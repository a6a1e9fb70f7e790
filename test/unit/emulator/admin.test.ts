// Who may use /_emulator/...: the token with requireToken, never a foreign Origin or a Host that is
// not this emulator (DNS rebinding), and POSTs only as JSON. Sent with node:http, because fetch
// will not let a test choose the Host header; every refusal is checked by its effect too (faults
// still off, the log not cleared).
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { test } from 'node:test';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { call } from './helpers';

interface Raw {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read loosely shaped JSON answers
  body: any;
}

function raw(
  em: RunningEmulator,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: em.port, method, path, headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, body: text === '' ? undefined : JSON.parse(text.replace(/^\uFEFF/, '')) }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const JSON_TYPE = { 'Content-Type': 'application/json' };
const FAULT = JSON.stringify({ status503: 1 });

/** The faults as the emulator sees them, asked through /v1 so no admin refusal can hide a change. */
async function faultFires(em: RunningEmulator, token?: string): Promise<boolean> {
  return (await call(em, '/v1/customers?size=1', { token })).status === 503;
}

test('with requireToken every admin endpoint needs that bearer token, and a refused call changes nothing', async (t) => {
  const em = await withEmulator(t, { requireToken: 'admin-secret' });
  await call(em, '/v1/customers?size=1', { token: 'admin-secret' });
  const calls: [string, string, string?][] = [
    ['GET', '/_emulator/health'],
    ['GET', '/_emulator/requests'],
    ['GET', '/_emulator/faults'],
    ['GET', '/_emulator/fixtures'],
    ['POST', '/_emulator/faults', FAULT],
    ['POST', '/_emulator/requests/reset', '{}'],
  ];
  for (const [method, path, body] of calls) {
    for (const auth of [undefined, 'Bearer wrong', 'admin-secret', 'Bearer admin-secret-and-more']) {
      const reply = await raw(em, method, path, { ...JSON_TYPE, ...(auth ? { Authorization: auth } : {}) }, body);
      assert.equal(reply.status, 401, `${method} ${path} with ${auth ?? 'no token'}`);
      assert.match(reply.body.error, /bearer token/);
    }
  }
  assert.equal(em.requests.length, 1, 'the log was not cleared');
  assert.equal(await faultFires(em, 'admin-secret'), false, 'the fault was not set');

  const ok = { ...JSON_TYPE, Authorization: 'Bearer admin-secret' };
  for (const [method, path, body] of calls) {
    assert.equal((await raw(em, method, path, ok, body)).status, 200, `${method} ${path} with the token`);
  }
  assert.equal(em.requests.length, 0, 'the reset with the token cleared the log');
});

test('without requireToken the admin endpoints need no token', async (t) => {
  const em = await withEmulator(t);
  assert.equal((await raw(em, 'GET', '/_emulator/health')).status, 200);
  assert.equal((await raw(em, 'POST', '/_emulator/faults', JSON_TYPE, FAULT)).status, 200);
  assert.equal(await faultFires(em), true);
});

test("a foreign Origin is refused, even for a well-formed JSON POST; the emulator's own origin is not", async (t) => {
  const em = await withEmulator(t);
  for (const origin of [
    'https://evil.example',
    'null',
    `http://127.0.0.1:${em.port + 1}`,
    `https://127.0.0.1:${em.port}`,
    `http://evil.example:${em.port}`,
  ]) {
    const post = await raw(em, 'POST', '/_emulator/faults', { ...JSON_TYPE, Origin: origin }, FAULT);
    assert.equal(post.status, 403, origin);
    assert.match(post.body.error, /Origin/);
    assert.equal((await raw(em, 'GET', '/_emulator/requests', { Origin: origin })).status, 403, `GET with ${origin}`);
  }
  assert.equal(await faultFires(em), false, 'no refused POST set the fault');
  for (const origin of [em.url, `http://localhost:${em.port}`]) {
    assert.equal((await raw(em, 'GET', '/_emulator/faults', { Origin: origin })).status, 200, origin);
  }
});

test("a Host that is not loopback or the emulator's own address is refused (DNS rebinding)", async (t) => {
  const em = await withEmulator(t);
  for (const host of [`rebind.evil.example:${em.port}`, 'evil.example', `localhost.evil.example:${em.port}`, '8.8.8.8']) {
    const read = await raw(em, 'GET', '/_emulator/requests', { Host: host });
    assert.equal(read.status, 403, host);
    assert.match(read.body.error, /Host/);
    assert.equal(
      (await raw(em, 'POST', '/_emulator/faults', { ...JSON_TYPE, Host: host }, FAULT)).status,
      403,
      `POST with ${host}`,
    );
  }
  assert.equal(await faultFires(em), false);
  for (const host of [`127.0.0.1:${em.port}`, `localhost:${em.port}`, `[::1]:${em.port}`, `127.0.0.2:${em.port}`]) {
    assert.equal((await raw(em, 'GET', '/_emulator/health', { Host: host })).status, 200, host);
  }
});

test('admin POSTs must be JSON: a text/plain or untyped body is refused with 415', async (t) => {
  const em = await withEmulator(t);
  await call(em, '/v1/customers?size=1');
  for (const type of [
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    undefined,
  ]) {
    const headers: Record<string, string> = type === undefined ? {} : { 'Content-Type': type };
    const set = await raw(em, 'POST', '/_emulator/faults', headers, FAULT);
    assert.equal(set.status, 415, type ?? 'no type');
    assert.equal((await raw(em, 'POST', '/_emulator/requests/reset', headers)).status, 415, `reset with ${type ?? 'no type'}`);
  }
  assert.equal(await faultFires(em), false);
  assert.equal(em.requests.length, 2, 'the log was not cleared');
  assert.equal(
    (await raw(em, 'POST', '/_emulator/faults', { 'Content-Type': 'application/json; charset=utf-8' }, FAULT)).status,
    200,
  );
  assert.equal(await faultFires(em), true);
});
