// One code-server session: a fresh user-data folder, its own process group (so every helper process
// it starts is stopped with it), and a workbench URL that loads our extension in development mode.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Runtime } from './runtime';

export interface CodeServerSession {
  baseUrl: string;
  runDir: string;
  /** The workbench URL; `payload` entries are read because the smoke-test driver option is on. */
  workbenchUrl(options: { folder: string; extensionPath: string; testsPath?: string; environment?: Record<string, string> }): Promise<string>;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${baseUrl}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer /healthz within 60 s:\n${log()}`);
}

export interface CodeServerOptions {
  userSettings?: Record<string, unknown>;
  port?: number;
  /** Keep workspace trust on (folders open in Restricted Mode); off by default, as for most suites. */
  workspaceTrust?: boolean;
}

export async function startCodeServer(runtime: Runtime, options: CodeServerOptions = {}): Promise<CodeServerSession> {
  const { userSettings = {}, port, workspaceTrust = false } = options;
  const runDir = mkdtempSync(join(tmpdir(), 'pc-code-server-'));
  const userDataDir = join(runDir, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoCheckUpdates': false,
    'chat.disableAIFeatures': true,
    // With trust on, a new folder stays in Restricted Mode without a modal prompt.
    ...(workspaceTrust ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {}),
    ...userSettings,
  }, null, 2));
  const listenPort = port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${listenPort}`;
  let log = '';
  // detached = its own process group, so stop() can end code-server and every helper it forked.
  const child = spawn(runtime.codeServer, [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${listenPort}`,
    '--user-data-dir', userDataDir, '--extensions-dir', join(runDir, 'extensions'),
    '--disable-telemetry', '--disable-update-check', ...(workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    '--vscode-option', 'enable-smoke-test-driver',
  ], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PATH: runtime.path, XDG_CONFIG_HOME: join(runDir, 'xdg'), XDG_DATA_HOME: join(runDir, 'xdg'), TMPDIR: runDir },
  });
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try { process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
    const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ } }, 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(baseUrl, child, () => log);
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    baseUrl,
    runDir,
    stop,
    async workbenchUrl({ folder, extensionPath, testsPath, environment }) {
      // The remote authority is whatever the server renders into the workbench configuration.
      const html = (await (await fetch(`${baseUrl}/`)).text()).replace(/&quot;/g, '"');
      const authority = /"remoteAuthority":"([^"]+)"/.exec(html)?.[1] ?? 'remote';
      const remote = (path: string) => `vscode-remote://${authority}${path}`;
      const payload: [string, string][] = [['extensionDevelopmentPath', remote(extensionPath)], ['skipWelcome', 'true']];
      if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
      if (environment) payload.push(['extensionEnvironment', JSON.stringify(environment)]);
      const query = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
      return `${baseUrl}/?${query}`;
    },
  };
}
