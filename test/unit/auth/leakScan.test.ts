// The launcher's leak scan must actually find a leaked token, or its green line means nothing.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { scanForIssuedTokens } from '../../harness/authRig';
import { type FakeAuthority } from '../../support/fakeAuthority';

test('the leak scan finds an issued token in a nested log file, and passes clean files', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'pc-leak-scan-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const token = `0.AR${'q'.repeat(60)}`;
  const authority = { issued: new Set([token, 'eyJhbGciOi.never.written']) } as unknown as FakeAuthority;
  mkdirSync(join(dir, 'logs', 'exthost1'), { recursive: true });
  writeFileSync(join(dir, 'logs', 'exthost1', 'Partner Center.log'), 'info signed in\n');
  assert.deepEqual(scanForIssuedTokens(authority, [dir]).leaks, []);
  writeFileSync(join(dir, 'logs', 'exthost1', 'Partner Center.log'), `debug refresh with ${token}\n`);
  const scan = scanForIssuedTokens(authority, [dir, join(dir, 'missing')]);
  assert.equal(scan.files, 1);
  assert.equal(scan.leaks.length, 1);
  assert.match(scan.leaks[0]!, /Partner Center\.log: 0\.ARqqqq/);
});
