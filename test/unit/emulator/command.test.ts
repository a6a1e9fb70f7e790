import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { test } from 'node:test';

// out/test/unit/emulator -> repository root
const CLI = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

function run(args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, 'emulator', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

async function collect(child: ChildProcess): Promise<{ code: number | null; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

/** Resolves with the listening URL once the line appears on stdout. */
function listening(child: ChildProcess): Promise<{ url: string; lines: string[] }> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`no listening line; got: ${buffer}`)), 10_000);
    child.stdout?.on('data', (d: Buffer) => {
      buffer += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(buffer);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], lines: buffer.split('\n').filter((l) => l !== '') });
      }
    });
    child.once('exit', () => reject(new Error(`exited before listening: ${buffer}`)));
  });
}

test('emulator --port 0 prints one listening line, takes its --fault flags, serves /v1, and exits 0 on SIGINT', async () => {
  const child = run([
    '--port',
    '0',
    '--seed',
    '5',
    '--fault',
    'latency-ms=0',
    '--fault',
    'status-500-after-commit=0',
    '--fault',
    'checkout-order-errors=0.5',
    '--fault',
    'limit=3',
  ]);
  try {
    const { url, lines } = await listening(child);
    assert.equal(lines.length, 1);
    const health = (await (await fetch(`${url}/_emulator/health`)).json()) as { seed: number; faults: unknown };
    assert.equal(health.seed, 5);
    assert.deepEqual(health.faults, { latencyMs: 0, status500AfterCommit: 0, checkoutOrderErrors: 0.5, limit: 3 });
    const customers = await fetch(`${url}/v1/customers?size=1`, { headers: { Authorization: 'Bearer t' } });
    assert.equal(customers.status, 200);
    const exited = once(child, 'exit');
    child.kill('SIGINT');
    const [code] = (await exited) as [number | null];
    assert.equal(code, 0);
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
});

test('--help lists the flags and exits 0', async () => {
  const { code, stdout } = await collect(run(['--help']));
  assert.equal(code, 0);
  for (const flag of [
    '--port',
    '--host',
    '--seed',
    '--rate-limit',
    '--provisioning-delay-ms',
    '--bom',
    '--fault',
    '--require-token',
  ]) {
    assert.ok(stdout.includes(flag), `help misses ${flag}`);
  }
});

test('bad flags print a message on stderr and exit 2', async () => {
  for (const args of [
    ['--nope'],
    ['--port', 'abc'],
    ['--fault', 'status-503=2'],
    ['--fault', 'explode=1'],
    ['--fault', 'limit=1.5'],
  ]) {
    const { code, stderr, stdout } = await collect(run(args));
    assert.equal(code, 2, `args ${args.join(' ')}`);
    assert.ok(stderr.length > 0);
    assert.equal(stdout, '');
  }
});
