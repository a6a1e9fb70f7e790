// `npm test`: every test tier in one command. Builds once, runs the unit tests (Node's test runner,
// real loopback HTTP against the emulator), then the integration suite inside a real VS Code, and
// ends with one line "N passed, N failed" for the whole run. A run that executes no test fails.
import { spawn } from 'node:child_process';

function run(command, args, { capture = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      if (capture) output += chunk.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const node = process.execPath;
let passed = 0;
let failed = 0;

const build = await run(node, ['esbuild.mjs', '--tests', '--quiet']);
if (build.code !== 0) {
  console.log('build failed\n0 passed, 1 failed');
  process.exit(1);
}

// Unit tier: the spec reporter's summary carries the counts ("ℹ pass 12", "ℹ fail 0").
const unit = await run(node, ['--test', '--test-reporter=spec', '--test-concurrency=2', 'out/test/unit/'], { capture: true });
const count = (name) => Number(new RegExp(`^\\S*\\s*${name} (\\d+)$`, 'm').exec(unit.output)?.[1] ?? 0);
passed += count('pass');
failed += count('fail') + count('cancelled');
if (unit.code !== 0 && count('fail') + count('cancelled') === 0) failed += 1; // crashed before reporting

// Integration tier: the launcher's last line is "N passed, N failed".
if (!process.argv.includes('--unit-only')) {
  const e2e = await run(node, ['out/test/harness/e2e.js'], { capture: true });
  const m = /^(\d+) passed, (\d+) failed$/m.exec(e2e.output.trim().split('\n').pop() ?? '');
  if (m) {
    passed += Number(m[1]);
    failed += Number(m[2]);
  } else {
    failed += 1;
  }
  if (e2e.code !== 0 && (!m || Number(m[2]) === 0)) failed += 1;
}

if (passed + failed === 0) failed = 1; // no test ran at all
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
