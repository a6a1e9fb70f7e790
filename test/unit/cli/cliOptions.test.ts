// The options `send` (and, later, `validate`) share: parsed in one place, token sources in order.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import * as sharedOptions from '../../../cli/src/cliOptions';
import { defaultJournalPath } from '../../../cli/src/send';

test('shared options are read, checked and resolved', async () => {
  const o: sharedOptions.SharedCliOptions = {};
  const argv = ['--endpoint', 'http://127.0.0.1:1', '--kind', 'order', 'file.json', '--token'];
  assert.equal(sharedOptions.readOption(argv, 0, o), 1);
  assert.equal(sharedOptions.readOption(argv, 2, o), 3);
  assert.equal(sharedOptions.readOption(argv, 4, o), undefined, 'not a shared option');
  assert.match(String(sharedOptions.readOption(argv, 5, o)), /needs a value/);
  assert.deepEqual(o, { endpoint: 'http://127.0.0.1:1', kind: 'order' });
  assert.equal(sharedOptions.checkOptions(o), undefined);
  assert.match(String(sharedOptions.checkOptions({ kind: 'nope' })), /unknown kind/);
  assert.match(String(sharedOptions.checkOptions({ endpoint: 'not a url' })), /not a URL/);

  const file = join(mkdtempSync(join(tmpdir(), 'pc-token-')), 'token');
  writeFileSync(file, ' from-file \n');
  assert.deepEqual(await sharedOptions.resolveToken({ tokenFile: file }, { PARTNER_CENTER_TOKEN: 'env' }), {
    token: 'from-file',
  });
  assert.deepEqual(await sharedOptions.resolveToken({ token: 'flag' }, { PARTNER_CENTER_TOKEN: 'env' }), { token: 'flag' });
  assert.deepEqual(await sharedOptions.resolveToken({}, { PARTNER_CENTER_TOKEN: ' env ' }), { token: 'env' });
  assert.deepEqual(await sharedOptions.resolveToken({}, {}), {});
  assert.match(String((await sharedOptions.resolveToken({ tokenFile: join(file, 'missing') }, {})).error), /cannot read/);
});

test('the CLI journal defaults to the user cache directory', () => {
  assert.equal(defaultJournalPath({ XDG_CACHE_HOME: '/c' }, '/home/u'), join('/c', 'partner-center-vscode', 'cli-journal.json'));
  assert.equal(defaultJournalPath({}, '/home/u'), join('/home/u', '.cache', 'partner-center-vscode', 'cli-journal.json'));
});
