// The options `send` (and, later, `validate`) share: parsed in one place, token sources in order.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkSharedOptions, readSharedOption, resolveToken, type SharedCliOptions } from '../../../cli/src/cliOptions';
import { defaultJournalPath } from '../../../cli/src/send';

test('shared options are read, checked and resolved', async () => {
  const o: SharedCliOptions = {};
  const argv = ['--endpoint', 'http://127.0.0.1:1', '--kind', 'order', 'file.json', '--token'];
  assert.equal(readSharedOption(argv, 0, o), 1);
  assert.equal(readSharedOption(argv, 2, o), 3);
  assert.equal(readSharedOption(argv, 4, o), undefined, 'not a shared option');
  assert.match(String(readSharedOption(argv, 5, o)), /needs a value/);
  assert.deepEqual(o, { endpoint: 'http://127.0.0.1:1', kind: 'order' });
  assert.equal(checkSharedOptions(o), undefined);
  assert.match(String(checkSharedOptions({ kind: 'nope' })), /unknown kind/);
  assert.match(String(checkSharedOptions({ endpoint: 'not a url' })), /not a URL/);

  const file = join(mkdtempSync(join(tmpdir(), 'pc-token-')), 'token');
  writeFileSync(file, ' from-file \n');
  assert.deepEqual(await resolveToken({ tokenFile: file }, { PARTNER_CENTER_TOKEN: 'env' }), { token: 'from-file' });
  assert.deepEqual(await resolveToken({ token: 'flag' }, { PARTNER_CENTER_TOKEN: 'env' }), { token: 'flag' });
  assert.deepEqual(await resolveToken({}, { PARTNER_CENTER_TOKEN: ' env ' }), { token: 'env' });
  assert.deepEqual(await resolveToken({}, {}), {});
  assert.match(String((await resolveToken({ tokenFile: join(file, 'missing') }, {})).error), /cannot read/);
});

test('the CLI journal defaults to the user cache directory', () => {
  assert.equal(defaultJournalPath({ XDG_CACHE_HOME: '/c' }, '/home/u'), join('/c', 'partner-center-vscode', 'cli-journal.json'));
  assert.equal(defaultJournalPath({}, '/home/u'), join('/home/u', '.cache', 'partner-center-vscode', 'cli-journal.json'));
});
