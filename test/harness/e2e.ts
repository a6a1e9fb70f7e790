// `npm run test:e2e`: runs the integration suite inside the extension host of a real VS Code
// (code-server), driven by headless Chromium, against an emulator started through the CLI.
// Prints each test's outcome and, last, "N passed, N failed"; a run that executed no test fails.
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureRuntime, CHROMIUM, type Runtime, selectedVersions } from './runtime';
import { startUiDriver } from './uiDriver';
import { checkDemo } from './demoCheck';
import { type CheckOutcome, runWorkbenchChecks } from './workbenchChecks';
import { type Page } from 'playwright-core';
import { startCodeServer } from './codeServer';
import { startEmulatorProcess } from './emulatorProcess';
import { scanForIssuedTokens, startAuthRig } from './authRig';
import { excludeIsolatedSuites, ISOLATED_SUITES } from './isolatedSuites';

const repoRoot = resolve(__dirname, '..', '..', '..');

interface SuiteResult {
  files: number;
  passed: number;
  failed: number;
  outcomes: { title: string; state: string; durationMs?: number; error?: string }[];
}

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

interface PassOptions {
  trusted: boolean;
  environment: Record<string, string>;
  /** Mocha grep over full test titles (a substring). */
  grep?: string;
  /** The folder under test/fixtures the workspace is made from. */
  fixture: string;
  emulatorUrl: string;
}

interface PassResult {
  result?: SuiteResult;
  runDir: string;
  workspace: string;
}

/** One code-server session running the suite (or the part `grep` selects) in a fresh workspace. */
async function runPass(runtime: Runtime, options: PassOptions): Promise<PassResult> {
  const { chromium } = await import('playwright-core');
  const started = Date.now();
  const workspace = mkdtempSync(join(tmpdir(), 'pc-e2e-workspace-'));
  cpSync(join(repoRoot, 'test', 'fixtures', options.fixture), workspace, { recursive: true });
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  const connection = { 'partnerCenter.environment': 'emulator', 'partnerCenter.emulatorUrl': options.emulatorUrl };
  // In Restricted Mode the workspace's own environment and emulatorUrl are ignored (restricted
  // settings), so the untrusted pass gets them from the user settings and the workspace names a
  // host that must never be used.
  const workspaceSettings = options.trusted
    ? { ...connection, 'partnerCenter.trace.server': process.env.PC_TRACE_SERVER ?? 'off' }
    : { 'partnerCenter.emulatorUrl': 'http://192.0.2.1:9' };
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify(workspaceSettings, null, 2));
  let browser: Awaited<ReturnType<typeof chromium.launch>> | undefined;
  let page: Page | undefined;
  const uiDriver = await startUiDriver(() => page);
  const resultDir = mkdtempSync(join(tmpdir(), 'pc-e2e-result-'));
  const resultFile = join(resultDir, 'result.json');
  const session = await startCodeServer(runtime, {
    workspaceTrust: !options.trusted,
    userSettings: options.trusted ? {} : connection,
    testDriver: true,
    environment: {
      PC_TEST_RESULT_FILE: resultFile,
      PC_EMULATOR_URL: options.emulatorUrl,
      PC_UI_DRIVER_URL: uiDriver.url,
      PC_VSCODE_VERSION: runtime.version.vscode,
      ...options.environment,
      ...(options.grep ? { PC_TEST_GREP: options.grep } : {}),
    },
  });
  try {
    const url = await session.workbenchUrl({
      folder: workspace,
      extensionPath: repoRoot,
      testsPath: join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let reportExit!: (code: number) => void;
    const exited = new Promise<number>((r) => (reportExit = r));
    // The workbench calls this when the extension host's run() settles (smoke-test driver contract).
    await page.exposeFunction('codeAutomationExit', (code: number) => reportExit(code));
    await page.exposeFunction('codeAutomationLog', () => undefined);
    await page.goto(url);
    const timeoutMs = Number(process.env.PC_E2E_TIMEOUT_MS ?? 15 * 60_000);
    const code = await Promise.race([exited, new Promise<number>((r) => setTimeout(() => r(-1), timeoutMs).unref())]);
    process.stdout.write(
      `[e2e] VS Code ${runtime.version.vscode}, ${options.trusted ? 'trusted' : 'untrusted'} workspace: extension host finished with exit code ${code} after ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
  } finally {
    await uiDriver.stop();
    await browser?.close();
    await session.stop();
  }
  const result = existsSync(resultFile) ? (JSON.parse(readFileSync(resultFile, 'utf8')) as SuiteResult) : undefined;
  return { result, runDir: session.runDir, workspace };
}

function printOutcomes(result: SuiteResult, vscodeVersion: string): void {
  for (const o of result.outcomes) {
    process.stdout.write(
      `${o.state === 'passed' ? '  ✔' : '  ✘'} [VS Code ${vscodeVersion}] ${o.title}${o.durationMs !== undefined ? ` (${o.durationMs} ms)` : ''}\n`,
    );
    if (o.error) process.stdout.write(`      ${o.error.split('\n').join('\n      ')}\n`);
  }
}

async function main(): Promise<number> {
  // Both ends of what `engines.vscode` claims, unless PC_VSCODE picks one (`newest` / `oldest`).
  const runtimes = selectedVersions().map((version) => ensureRuntime(version));
  const authRig = await startAuthRig(repoRoot);
  const grep = process.env.PC_TEST_GREP;
  const passes: { runtime: Runtime; options: Omit<PassOptions, 'emulatorUrl'>; outcome?: PassResult }[] = [];
  // A grep that names (part of) an isolated suite's title, or starts with it, runs that suite's pass only.
  const isolated = ISOLATED_SUITES.filter((s) => !grep || s.title.includes(grep) || grep.startsWith(s.title));
  for (const runtime of runtimes) {
    // Each isolated suite runs alone in its own host and workspace; the main pass runs everything else.
    if (!grep || isolated.length === 0) {
      passes.push({
        runtime,
        options: {
          trusted: true,
          environment: { ...authRig.environment, ...excludeIsolatedSuites() },
          fixture: 'workspace',
          grep,
        },
      });
    }
    for (const suite of isolated) {
      passes.push({
        runtime,
        options: {
          trusted: suite.trusted,
          environment: suite.trusted ? authRig.environment : {},
          fixture: suite.fixture,
          grep: grep ?? suite.title,
        },
      });
    }
  }
  try {
    for (const pass of passes) {
      // A new emulator for every pass: each VS Code version meets the same seeded Partner Center,
      // whatever the pass before it bought.
      const emulator = await startEmulatorProcess(repoRoot, ['--seed', '42', '--provisioning-delay-ms', '2000']);
      try {
        pass.outcome = await runPass(pass.runtime, { ...pass.options, emulatorUrl: emulator.url });
      } finally {
        await emulator.stop();
      }
    }
  } finally {
    await authRig.stop();
  }

  let passed = 0;
  let failed = 0;
  for (const { runtime, outcome } of passes) {
    if (!outcome?.result) {
      process.stdout.write(
        `[e2e] VS Code ${runtime.version.vscode}: a pass wrote no result: the suite did not load or crashed before running.\n`,
      );
      failed++;
      continue;
    }
    printOutcomes(outcome.result, runtime.version.vscode);
    passed += outcome.result.passed;
    failed += outcome.result.failed + (outcome.result.outcomes.length === 0 ? 1 : 0);
    if (outcome.result.failed > 0) printExtensionLog(outcome.runDir);
  }
  // What only clicks show, in a workbench like a person's (no test driver), on each version; and
  // `npm start` as a person uses it: its own process, its own workbench, its terminal.
  const checks: CheckOutcome[] = [];
  if (!grep || 'Workbench'.includes(grep)) {
    for (const runtime of runtimes) checks.push(...(await runWorkbenchChecks(repoRoot, runtime)));
  }
  if ((!grep || 'npm start'.includes(grep)) && runtimes.some((r) => r.version.name === 'newest')) {
    checks.push(...(await checkDemo(repoRoot)));
  }
  for (const o of checks) {
    process.stdout.write(
      `${o.error ? '  ✘' : '  ✔'} ${o.title}\n${o.error ? `      ${o.error.split('\n').join('\n      ')}\n` : ''}`,
    );
    if (o.error) failed++;
    else passed++;
  }
  // The leak scan is one more test, run here because only the launcher sees every file the
  // run wrote (the extension host's logs, the output channel, settings) and every token issued.
  if (authRig.authority.issued.size > 0) {
    const dirs = passes.flatMap(({ outcome }) => (outcome ? [outcome.runDir, outcome.workspace] : []));
    const scan = scanForIssuedTokens(authRig.authority, dirs);
    const title = `Token leak scan: none of the ${scan.tokens} values the fake authority issued is in the run's ${scan.files} log, output channel and settings files`;
    if (scan.leaks.length === 0) {
      passed++;
      process.stdout.write(`  ✔ ${title}\n`);
    } else {
      failed++;
      process.stdout.write(`  ✘ ${title}\n      found in:\n      ${scan.leaks.join('\n      ')}\n`);
    }
  } else {
    process.stdout.write('  - Token leak scan skipped: no sign-in ran (PC_TEST_GREP left the Auth suites out).\n');
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`[e2e] ${err instanceof Error ? err.stack : String(err)}\n0 passed, 1 failed\n`);
    process.exit(1);
  },
);
