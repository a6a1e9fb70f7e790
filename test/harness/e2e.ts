// `npm run test:e2e`: runs the integration suite inside the extension host of a real VS Code
// (code-server), driven by headless Chromium, against an emulator started through the CLI.
// Prints each test's outcome and, last, "N passed, N failed"; a run that executed no test fails.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureRuntime, CHROMIUM } from './runtime';
import { startCodeServer } from './codeServer';
import { startEmulatorProcess } from './emulatorProcess';
import { scanForIssuedTokens, startAuthRig } from './authRig';

const repoRoot = resolve(__dirname, '..', '..', '..');

interface SuiteResult { files: number; passed: number; failed: number; outcomes: { title: string; state: string; durationMs?: number; error?: string }[] }

/** On failure, the extension's own log (its output channel, as the host wrote it) says most. */
function printExtensionLog(runDir: string): void {
  const find = (dir: string): string | undefined => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        const found = find(path);
        if (found) return found;
      } else if (name === 'Partner Center.log') return path;
    }
    return undefined;
  };
  const log = find(runDir);
  if (!log) return;
  const lines = readFileSync(log, 'utf8').trimEnd().split('\n');
  process.stdout.write(`[e2e] last lines of ${log}:\n${lines.slice(-40).join('\n')}\n`);
}

async function main(): Promise<number> {
  const runtime = ensureRuntime();
  const { chromium } = await import('playwright-core');
  const started = Date.now();
  const authRig = await startAuthRig(repoRoot);
  const emulator = await startEmulatorProcess(repoRoot, ['--seed', '42', '--provisioning-delay-ms', '2000']);
  const workspace = mkdtempSync(join(tmpdir(), 'pc-e2e-workspace-'));
  cpSync(join(repoRoot, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'partnerCenter.environment': 'emulator', 'partnerCenter.emulatorUrl': emulator.url, 'partnerCenter.trace.server': process.env.PC_TRACE_SERVER ?? 'off' }, null, 2));
  const session = await startCodeServer(runtime);
  const resultFile = join(session.runDir, 'result.json');
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  try {
    const url = await session.workbenchUrl({
      folder: workspace,
      extensionPath: repoRoot,
      testsPath: join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      environment: {
        PC_TEST_RESULT_FILE: resultFile,
        PC_EMULATOR_URL: emulator.url,
        ...authRig.environment,
        ...(process.env.PC_TEST_GREP ? { PC_TEST_GREP: process.env.PC_TEST_GREP } : {}),
      },
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let reportExit!: (code: number) => void;
    const exited = new Promise<number>((r) => (reportExit = r));
    // The workbench calls this when the extension host's run() settles (smoke-test driver contract).
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    await page.exposeFunction('codeAutomationLog', () => undefined);
    await page.goto(url);
    const timeoutMs = Number(process.env.PC_E2E_TIMEOUT_MS ?? 15 * 60_000);
    const code = await Promise.race([exited, new Promise<number>((r) => setTimeout(() => r(-1), timeoutMs).unref())]);
    process.stdout.write(`[e2e] extension host finished with exit code ${code} after ${Math.round((Date.now() - started) / 1000)} s\n`);
  } finally {
    await browser?.close();
    await session.stop();
    await emulator.stop();
    await authRig.stop();
  }

  if (!existsSync(resultFile)) {
    process.stdout.write('[e2e] the suite wrote no result: it did not load or crashed before running.\n0 passed, 1 failed\n');
    return 1;
  }
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as SuiteResult;
  for (const o of result.outcomes) {
    process.stdout.write(`${o.state === 'passed' ? '  ✔' : '  ✘'} ${o.title}${o.durationMs !== undefined ? ` (${o.durationMs} ms)` : ''}\n`);
    if (o.error) process.stdout.write(`      ${o.error.split('\n').join('\n      ')}\n`);
  }
  // The leak scan is one more test, run here because only the launcher sees every file the
  // run wrote (the extension host's logs, the output channel, settings) and every token issued.
  let scanFailed = 0;
  if (authRig.authority.issued.size > 0) {
    const scan = scanForIssuedTokens(authRig.authority, [session.runDir, workspace]);
    const title = `Token leak scan: none of the ${scan.tokens} values the fake authority issued is in the run's ${scan.files} log, output channel and settings files`;
    if (scan.leaks.length === 0) {
      result.passed++;
      process.stdout.write(`  ✔ ${title}\n`);
    } else {
      scanFailed = 1;
      process.stdout.write(`  ✘ ${title}\n      found in:\n      ${scan.leaks.join('\n      ')}\n`);
    }
  } else {
    process.stdout.write('  - Token leak scan skipped: no sign-in ran (PC_TEST_GREP left the Auth suites out).\n');
  }
  const failed = result.failed + scanFailed + (result.outcomes.length === 0 ? 1 : 0);
  if (failed > 0) printExtensionLog(session.runDir);
  process.stdout.write(`${result.passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[e2e] ${err instanceof Error ? err.stack : String(err)}\n0 passed, 1 failed\n`);
    process.exit(1);
  },
);
