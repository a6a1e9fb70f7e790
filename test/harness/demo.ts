// `npm start`: the offline demo. Starts the emulator and a VS Code (code-server) with the extension
// in development mode on a demo workspace connected to that emulator, prints the URL to open, and
// stops everything it started on Ctrl-C.
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureRuntime } from './runtime';
import { startCodeServer } from './codeServer';
import { startEmulatorProcess } from './emulatorProcess';

const repoRoot = resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const runtime = ensureRuntime();
  const emulator = await startEmulatorProcess(repoRoot, ['--port', process.env.PC_EMULATOR_PORT ?? '8787', '--provisioning-delay-ms', '8000']);
  // A copy of the demo workspace, so trying things out never dirties the checkout.
  const workspace = join(repoRoot, '.demo', 'workspace');
  if (!existsSync(workspace)) cpSync(join(repoRoot, 'demo'), workspace, { recursive: true });
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'partnerCenter.environment': 'emulator', 'partnerCenter.emulatorUrl': emulator.url }, null, 2));
  const port = Number(process.env.PORT ?? 8080);
  const session = await startCodeServer(runtime, { port });
  const url = await session.workbenchUrl({ folder: workspace, extensionPath: repoRoot });

  process.stdout.write(`\nPartner Center emulator: ${emulator.url}\nVS Code with the extension (open this in a browser):\n\n  ${url}\n\nPress Ctrl-C to stop.\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\nStopping…\n');
    await Promise.all([session.stop(), emulator.stop()]);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
