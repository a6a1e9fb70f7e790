// The CLI on the documentation's example bodies and broken ones: exit codes and JSON output.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './helpers';

const fixture = (name: string) => join(REPO, 'test', 'fixtures', 'language', name);

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, [join(REPO, 'dist', 'cli.js'), 'validate', ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface JsonResult {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

test('the documentation example bodies validate with exit 0', () => {
  const r = cli(
    fixture('docs-create.order.json'),
    fixture('docs-reserved-instance.order.json'),
    fixture('docs-create.cart.json'),
    '--format',
    'json',
  );
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const results = JSON.parse(r.stdout) as JsonResult[];
  assert.ok(results.every((x) => x.severity !== 'error'));
  assert.ok(results.some((x) => x.code === 'pc.casing.property' && x.severity === 'hint'));
});

test('broken bodies exit 1 with zero-based ranges, severities and codes in JSON', () => {
  const r = cli(fixture('broken.order.json'), '--format', 'json');
  assert.equal(r.code, 1);
  const results = JSON.parse(r.stdout) as JsonResult[];
  const numbering = results.find((x) => x.code === 'pc.lineItem.numbering')!;
  assert.deepEqual(numbering.range, { start: { line: 5, character: 24 }, end: { line: 5, character: 25 } });
  assert.equal(numbering.severity, 'error');
  assert.equal(numbering.file, fixture('broken.order.json'));
  assert.deepEqual(Object.keys(numbering).sort(), ['code', 'file', 'message', 'range', 'severity']);
});

test('text output, syntax errors, usage and unreadable files', () => {
  const text = cli(fixture('broken.cart.json'));
  assert.equal(text.code, 1);
  assert.match(text.stdout, /broken\.cart\.json:6:\d+: error pc\.term\.billingCycleMismatch/);
  assert.equal(cli().code, 2);
  assert.equal(cli('--format', 'xml', fixture('broken.cart.json')).code, 2);
  assert.equal(cli(fixture('does-not-exist.order.json')).code, 2);
  assert.equal(cli(join(REPO, 'package.json')).code, 2, 'a file of no known kind is a usage error');
  assert.equal(cli(join(REPO, 'package.json'), '--kind', 'order', '--format', 'json').code, 1);
});
