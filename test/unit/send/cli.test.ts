// `node dist/cli.js send` as a script would run it, against the emulator: stdout is the response
// JSON, the exit status says what happened, and a purchase without --yes is refused when stdin is
// not a terminal (here it is a pipe). Each run gets its own cache directory, where the journal lives.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { type RunningEmulator } from '../../../emulator/src/index';
import { withEmulator } from '../../support/emulator';
import { orderDocument, orderPosts, TOKEN } from './helpers';

const REPO = resolve(__dirname, '..', '..', '..', '..');
const CLI = join(REPO, 'dist', 'cli.js');

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const cache = mkdtempSync(join(tmpdir(), 'pc-cache-'));
  const { PARTNER_CENTER_TOKEN: _inherited, ...parent } = process.env;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...parent, XDG_CACHE_HOME: cache, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
    child.stdin.end();
  });
}

function writeDoc(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pc-send-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const send = (emu: RunningEmulator, file: string, ...extra: string[]) =>
  cli(['send', file, '--endpoint', emu.url, '--token', TOKEN, ...extra]);

describe('partner-center send', () => {
  test('usage problems exit 2', async () => {
    assert.equal((await cli(['send'])).code, 2);
    assert.equal((await cli(['send', 'x.order.json', '--endpoint', 'http://127.0.0.1:9'])).code, 2, '--token is required');
    assert.equal(
      (
        await cli([
          'send',
          join(REPO, 'test', 'fixtures', 'run', 'nope.order.json'),
          '--endpoint',
          'http://127.0.0.1:9',
          '--token',
          't',
        ])
      ).code,
      2,
    );
  });

  test('refuses a purchase without --yes when stdin is not a terminal, and sends nothing', async () => {
    await withEmulator(async (emu) => {
      const file = writeDoc(
        'buy.order.json',
        orderDocument(emu.fixtures.customerId, [{ item: emu.fixtures.catalog.license, quantity: 1 }]),
      );
      const run = await send(emu, file);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, /refusing to make a purchase without --yes/);
      assert.match(run.stderr, /Line 0: 1 ×/, 'the purchase is still described');
      assert.equal(orderPosts(emu, emu.fixtures.customerId).length, 0);
    });
  });

  test('with --yes the order is placed once and the response printed as JSON', async () => {
    await withEmulator(async (emu) => {
      const file = writeDoc('buy.order.json', orderDocument(undefined, [{ item: emu.fixtures.catalog.license, quantity: 2 }]));
      const run = await send(emu, file, '--customer', emu.fixtures.customerId, '--yes');
      assert.equal(run.code, 0, run.stderr);
      const out = JSON.parse(run.stdout) as { status: number; requestId: string; correlationId: string; body: { id: string } };
      assert.equal(out.status, 201);
      assert.ok(out.body.id);
      const posts = orderPosts(emu, emu.fixtures.customerId);
      assert.equal(posts.length, 1);
      assert.equal(posts[0].requestId, out.requestId);
      assert.ok(!run.stdout.includes(TOKEN) && !run.stderr.includes(TOKEN), 'the token is never printed');
    });
  });

  test('a document naming no customer, without --customer, exits 2', async () => {
    await withEmulator(async (emu) => {
      const file = writeDoc('buy.order.json', orderDocument(undefined, [{ item: emu.fixtures.catalog.license, quantity: 1 }]));
      const run = await send(emu, file, '--yes');
      assert.equal(run.code, 2);
      assert.match(run.stderr, /no customer/);
    });
  });

  test('an API error exits 1 with the Partner Center code and its meaning', async () => {
    await withEmulator(async (emu) => {
      const [noMca] = emu.fixtures.customersWithoutMca;
      const file = writeDoc('buy.order.json', orderDocument(noMca, [{ item: emu.fixtures.catalog.license, quantity: 1 }]));
      const run = await send(emu, file, '--yes');
      assert.equal(run.code, 1, run.stderr);
      const out = JSON.parse(run.stdout) as { status: number; error: { code: number; meaning: string; whatToDo: string } };
      assert.equal(out.status, 403);
      assert.equal(out.error.code, 13605);
      assert.match(out.error.meaning, /Customer Agreement/);
    });
  });

  test('reads need no --yes', async () => {
    await withEmulator(async (emu) => {
      const run = await send(emu, join(REPO, 'test', 'fixtures', 'run', 'customers.request.json'));
      assert.equal(run.code, 0, run.stderr);
      assert.equal((JSON.parse(run.stdout) as { body: { items: unknown[] } }).body.items.length, 5);
    });
  });

  test('the token can come from PARTNER_CENTER_TOKEN or --token-file, which --help names before --token', async () => {
    await withEmulator(async (emu) => {
      const file = join(REPO, 'test', 'fixtures', 'run', 'customers.request.json');
      const fromEnv = await cli(['send', file, '--endpoint', emu.url], { PARTNER_CENTER_TOKEN: TOKEN });
      assert.equal(fromEnv.code, 0, fromEnv.stderr);
      const tokenFile = writeDoc('token.txt', `${TOKEN}\n`);
      const fromFile = await cli(['send', file, '--endpoint', emu.url, '--token-file', tokenFile]);
      assert.equal(fromFile.code, 0, fromFile.stderr);
      assert.equal((await cli(['send', file, '--endpoint', emu.url])).code, 2, 'no token at all');
      assert.equal(
        (await cli(['send', file, '--endpoint', emu.url, '--token', TOKEN, '--token-file', tokenFile])).code,
        2,
        'two tokens',
      );
    });
    const help = (await cli(['send', '--help'])).stdout;
    const at = (s: string) => help.indexOf(s);
    assert.ok(at('PARTNER_CENTER_TOKEN') >= 0 && at('--token-file') >= 0 && at('--token <') >= 0, help);
    assert.ok(at('PARTNER_CENTER_TOKEN') < at('--token <') && at('--token-file') < at('--token <'), help);
  });

  test('without --journal, an unsettled purchase is kept in the cache directory and finished by the next run', async () => {
    await withEmulator(async (emu) => {
      const cache = mkdtempSync(join(tmpdir(), 'pc-cache-'));
      const journalFile = join(cache, 'partner-center-vscode', 'cli-journal.json');
      const file = writeDoc(
        'buy.order.json',
        orderDocument(emu.fixtures.customerId, [{ item: emu.fixtures.catalog.license, quantity: 1 }]),
      );
      const args = ['send', file, '--endpoint', emu.url, '--yes'];
      const env = { XDG_CACHE_HOME: cache, PARTNER_CENTER_TOKEN: TOKEN };
      emu.setFaults({ status500: 1 });
      const first = await cli(args, env);
      emu.setFaults(undefined);
      assert.equal(first.code, 1, first.stderr);
      assert.match(first.stderr, /cli-journal\.json/);
      const [entry] = JSON.parse(readFileSync(journalFile, 'utf8')) as { requestId: string }[];
      assert.ok(entry, 'the send is journaled on disk, so a crash cannot forget it');

      const second = await cli(args, env);
      assert.equal(second.code, 0, second.stderr);
      const sent = orderPosts(emu, emu.fixtures.customerId);
      assert.deepEqual(
        sent.map((r) => [r.requestId, r.status]),
        [
          [entry.requestId, 500],
          [entry.requestId, 201],
        ],
        'the re-run used the journaled request id',
      );
      assert.deepEqual(JSON.parse(readFileSync(journalFile, 'utf8')), []);
    });
  });
});
