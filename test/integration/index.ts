// The integration suite's entry, loaded by the extension host of a real VS Code (code-server via
// `npm run test:e2e`, or desktop VS Code via `npm run test:electron`). It runs every compiled
// `*.test.js` beside it with Mocha, writes a machine-readable result for the launcher, and fails
// when it found no test at all: a suite that runs nothing must never look green.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

function findTests(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return findTests(path);
    return name.endsWith('.test.js') ? [path] : [];
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Full titles containing `grep` (when given) and none of `exclude` (the suites that run in hosts of their own). */
function titleFilter(grep: string | undefined, exclude: readonly string[]): RegExp | undefined {
  if (!grep && exclude.length === 0) return undefined;
  const without = exclude.length > 0 ? `(?!.*(?:${exclude.map(escape).join('|')}))` : '';
  return new RegExp(`^${without}.*${grep ? escape(grep) : ''}`);
}

interface Outcome {
  title: string;
  state: 'passed' | 'failed';
  durationMs?: number;
  error?: string;
}

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: Number(process.env.PC_TEST_TIMEOUT_MS ?? 60_000),
    reporter: 'spec',
  });
  const files = findTests(__dirname).sort();
  const filter = titleFilter(process.env.PC_TEST_GREP, JSON.parse(process.env.PC_TEST_EXCLUDE ?? '[]') as string[]);
  if (filter) mocha.grep(filter);
  for (const file of files) mocha.addFile(file);

  const outcomes: Outcome[] = [];
  const failures = await new Promise<number>((resolve) => {
    const runner = mocha.run((failed) => resolve(failed));
    runner.on('pass', (test) => outcomes.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration }));
    runner.on('fail', (test, err: Error) =>
      outcomes.push({ title: test.fullTitle(), state: 'failed', error: `${err.message}\n${err.stack ?? ''}`.slice(0, 4000) }),
    );
  });

  const passed = outcomes.filter((o) => o.state === 'passed').length;
  const result = { files: files.length, passed, failed: outcomes.length - passed, outcomes };
  if (process.env.PC_TEST_RESULT_FILE) writeFileSync(process.env.PC_TEST_RESULT_FILE, JSON.stringify(result, null, 2));
  if (outcomes.length === 0) throw new Error(`No integration test ran (found ${files.length} test files).`);
  if (failures > 0) throw new Error(`${failures} integration test(s) failed.`);
}
