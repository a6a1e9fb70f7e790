// Tests of `npm start`, the demo a person sees first, run by the e2e launcher: the demo process as
// `npm start` runs it, its workbench opened in Chromium, and its terminal output read.
//  - The extension is loaded and notification toasts show (the smoke-test driver, which hides
//    them, is for the test passes only).
//  - When the emulator dies, the terminal says so.
//  - Ctrl-C stops everything it started.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { CHROMIUM } from './runtime';
import { freePort } from './codeServer';
import { type CheckOutcome, quickPick } from './workbenchChecks';

function waitForOutput(
  child: ChildProcess,
  output: () => string,
  pattern: RegExp,
  what: string,
  timeoutMs: number,
): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(output());
      if (match) {
        clearInterval(timer);
        child.off('exit', onExit);
        resolve(match);
      }
    };
    const onExit = (code: number | null) => {
      clearInterval(timer);
      reject(new Error(`the demo exited (${code}) before ${what}:\n${output().slice(-3000)}`));
    };
    const timer = setInterval(check, 100);
    const deadline = setTimeout(() => {
      clearInterval(timer);
      child.off('exit', onExit);
      reject(new Error(`no ${what} within ${timeoutMs / 1000} s:\n${output().slice(-3000)}`));
    }, timeoutMs);
    deadline.unref();
    child.once('exit', onExit);
    check();
  });
}

export async function checkDemo(repoRoot: string): Promise<CheckOutcome[]> {
  const { chromium } = await import('playwright-core');
  const outcomes: CheckOutcome[] = [];
  const port = await freePort();
  const emulatorPort = await freePort();
  // Exactly what `npm start` runs after building, with the environment npm gives it removed of
  // nothing: a person's shell.
  const demo = spawn(process.execPath, [join(repoRoot, 'out', 'test', 'harness', 'demo.js')], {
    cwd: repoRoot,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), PC_EMULATOR_PORT: String(emulatorPort) },
  });
  let output = '';
  demo.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  demo.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const browser = await chromium.launch({
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
  const record = async (title: string, body: () => Promise<void>) => {
    try {
      await body();
      outcomes.push({ title });
    } catch (err) {
      outcomes.push({ title, error: err instanceof Error ? err.message : String(err) });
    }
  };
  try {
    const started = await waitForOutput(
      demo,
      () => output,
      /Partner Center emulator: (\S+) \(process (\d+)\)[\s\S]*?\n\s+(http:\/\/\S+)/,
      'workbench URL',
      120_000,
    );
    const [, , emulatorPid, url] = started;
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await record(
      'npm start: the demo workbench has the extension installed and shows its notifications (no smoke-test driver)',
      async () => {
        await page.goto(url!);
        await page.locator('.activitybar [aria-label^="Partner Center"]').first().waitFor({ timeout: 90_000 });
        // Run Request with no request document open answers with an error notification.
        await page.locator('.monaco-workbench').first().click();
        await quickPick(page, 'F1', 'Partner Center: Run Request');
        await page
          .locator('.notification-toast')
          .filter({ hasText: 'open a request document' })
          .first()
          .waitFor({ state: 'visible', timeout: 30_000 });
      },
    );
    await record("npm start: when the demo's emulator dies, the terminal says so", async () => {
      process.kill(Number(emulatorPid), 'SIGKILL');
      await waitForOutput(
        demo,
        () => output,
        /The Partner Center emulator stopped \(SIGKILL\)/,
        'message about the emulator',
        30_000,
      );
    });
    await record('npm start: Ctrl-C stops the demo and everything it started', async () => {
      const exited = new Promise<number | null>((resolve) => demo.once('exit', (code) => resolve(code)));
      process.kill(demo.pid!, 'SIGINT');
      const code = await exited;
      if (code !== 0) throw new Error(`the demo exited with ${code}`);
      const still = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        () => true,
        () => false,
      );
      if (still) throw new Error('code-server still answers after Ctrl-C');
    });
  } catch (err) {
    outcomes.push({
      title: 'npm start: the demo starts and prints its URL',
      error: err instanceof Error ? err.message : String(err),
    });
  } finally {
    await browser.close();
    if (demo.exitCode === null && demo.signalCode === null) {
      // Its own Ctrl-C handling stops code-server's process group and the emulator.
      const exited = new Promise<void>((resolve) => demo.once('exit', () => resolve()));
      demo.kill('SIGINT');
      const timer = setTimeout(() => {
        try {
          process.kill(-demo.pid!, 'SIGKILL');
        } catch {
          /* gone */
        }
      }, 15_000);
      await exited;
      clearTimeout(timer);
    }
  }
  return outcomes;
}
