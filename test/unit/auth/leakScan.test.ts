// The launcher's leak scan must actually find a leaked token, or its green line means nothing.
// The token is a real one: issued by the fake authority to a device-code sign-in.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { scanForIssuedTokens } from '../../harness/authRig';
import { authHarness } from './helpers';

test('the leak scan finds an issued token in a nested log file, and passes clean files', async (t) => {
  const h = await authHarness(t, { deviceCodePendingPolls: 0 });
  const account = await h.auth.signInUser(h.app, { flow: 'deviceCode', onCode: () => undefined });
  const token = await h.auth.getToken(account);
  assert.ok(h.authority.issued.has(token));
  const dir = mkdtempSync(join(tmpdir(), 'pc-leak-scan-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'logs', 'exthost1'), { recursive: true });
  writeFileSync(join(dir, 'logs', 'exthost1', 'Partner Center.log'), 'info signed in\n');
  assert.deepEqual(scanForIssuedTokens(h.authority, [dir]).leaks, []);
  writeFileSync(join(dir, 'logs', 'exthost1', 'Partner Center.log'), `debug refresh with ${token}\n`);
  const scan = scanForIssuedTokens(h.authority, [dir, join(dir, 'missing')]);
  assert.equal(scan.files, 1);
  assert.deepEqual(scan.leaks, [`${join(dir, 'logs', 'exthost1', 'Partner Center.log')}: ${token.slice(0, 12)}…`]);
});
