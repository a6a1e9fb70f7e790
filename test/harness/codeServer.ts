// One code-server session: a fresh user-data folder, its own process group (so every helper process
// it starts is stopped with it), and a workbench URL that loads our extension in development mode.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanEnvironment, type Runtime } from './runtime';

export interface CodeServerSession {
  baseUrl: string;
  runDir: string;
  /** The workbench URL; its `payload` (the tests to run) is read only when `testDriver` is on. */
  workbenchUrl(options: { folder: string; extensionPath?: string; testsPath?: string }): Promise<string>;
  stop(): Promise<void>;
}

/** This repository as an installable extension folder (its id and version from package.json). */
export function repoExtension(repoRoot: string): { path: string; id: string; version: string } {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
    publisher: string;
    name: string;
    version: string;
  };
  return { path: repoRoot, id: `${manifest.publisher}.${manifest.name}`, version: manifest.version };
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

async function waitForHealth(healthUrl: string, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(healthUrl);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${healthUrl} within 60 s:\n${log()}`);
}

export interface CodeServerOptions {
  userSettings?: Record<string, unknown>;
  port?: number;
  /** Keep workspace trust on (folders open in Restricted Mode); off by default, as for most suites. */
  workspaceTrust?: boolean;
  /**
   * VS Code's smoke-test driver: the workbench then runs `extensionTestsPath` from the payload and
   * reports back through `codeAutomationExit`. It also hides every notification toast, so the demo,
   * which a person uses, never turns it on.
   */
  testDriver?: boolean;
  /**
   * An extension folder to install as a person would have it installed. Without the test driver
   * the workbench ignores the payload's `extensionDevelopmentPath`, so the demo installs ours.
   */
  installExtensions?: { path: string; id: string; version: string }[];
  /**
   * Environment for the extension host. It inherits the server's environment; the payload's
   * `extensionEnvironment` would be tidier but VS Code 1.96 ignores it.
   */
  environment?: Record<string, string>;
}

export async function startCodeServer(runtime: Runtime, options: CodeServerOptions = {}): Promise<CodeServerSession> {
  const {
    userSettings = {},
    port,
    workspaceTrust = false,
    testDriver = false,
    installExtensions = [],
    environment = {},
  } = options;
  const runDir = mkdtempSync(join(tmpdir(), 'pc-code-server-'));
  const userDataDir = join(runDir, 'user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    join(userDataDir, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'chat.disableAIFeatures': true,
        // With trust on, a new folder stays in Restricted Mode without a modal prompt.
        ...(workspaceTrust
          ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' }
          : {}),
        ...userSettings,
      },
      null,
      2,
    ),
  );
  mkdirSync(join(runDir, 'extensions'), { recursive: true });
  for (const extension of installExtensions) {
    symlinkSync(extension.path, join(runDir, 'extensions', `${extension.id}-${extension.version}`));
  }
  const listenPort = port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${listenPort}`;
  let log = '';
  // code-server passes VS Code's own options with --vscode-option from 4.99 on. Older releases
  // have no way to switch the test driver on, so their test passes start the VS Code server that
  // code-server bundles (the same workbench and extension host) directly, with the option.
  const common = [
    '--user-data-dir',
    userDataDir,
    '--extensions-dir',
    join(runDir, 'extensions'),
    '--disable-telemetry',
    ...(workspaceTrust ? [] : ['--disable-workspace-trust']),
  ];
  const direct = testDriver && !runtime.version.vscodeOption;
  const [command, args] = direct
    ? [
        join(runtime.nodeDir, 'bin', 'node'),
        [
          runtime.vscodeServer,
          '--host',
          '127.0.0.1',
          '--port',
          String(listenPort),
          '--without-connection-token',
          '--accept-server-license-terms',
          '--server-data-dir',
          join(runDir, 'server-data'),
          ...common,
          '--enable-smoke-test-driver',
        ],
      ]
    : [
        runtime.codeServer,
        [
          '--auth',
          'none',
          '--bind-addr',
          `127.0.0.1:${listenPort}`,
          ...common,
          '--disable-update-check',
          '--disable-getting-started-override',
          ...(testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
        ],
      ];
  // detached = its own process group, so stop() can end code-server and every helper it forked.
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: cleanEnvironment({
      ...environment,
      PATH: runtime.path,
      XDG_CONFIG_HOME: join(runDir, 'xdg'),
      XDG_DATA_HOME: join(runDir, 'xdg'),
      TMPDIR: runDir,
    }),
  });
  child.stdout!.on('data', (c: Buffer) => (log += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitForHealth(`${baseUrl}${direct ? '/version' : '/healthz'}`, child, () => log);
  } catch (err) {
    await stop();
    throw err;
  }

  return {
    baseUrl,
    runDir,
    stop,
    async workbenchUrl({ folder, extensionPath, testsPath }) {
      // The remote authority is whatever the server renders into the workbench configuration.
      const html = (await (await fetch(`${baseUrl}/`)).text()).replace(/&quot;/g, '"');
      const authority = /"remoteAuthority":"([^"]+)"/.exec(html)?.[1] ?? 'remote';
      const remote = (path: string) => `vscode-remote://${authority}${path}`;
      const payload: [string, string][] = [['skipWelcome', 'true']];
      if (extensionPath) payload.push(['extensionDevelopmentPath', remote(extensionPath)]);
      if (testsPath) payload.push(['extensionTestsPath', remote(testsPath)]);
      const query = new URLSearchParams({ folder, payload: JSON.stringify(payload) });
      return `${baseUrl}/?${query}`;
    },
  };
}
