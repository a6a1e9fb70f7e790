// `npm start`: the offline demo. Starts the emulator and a VS Code (code-server) with the extension
// in development mode on a demo workspace connected to that emulator, prints the URL to open, and
// stops everything it started on Ctrl-C.
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureRuntime } from './runtime';
import { repoExtension, startCodeServer } from './codeServer';
import { startEmulatorProcess } from './emulatorProcess';

const repoRoot = resolve(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const runtime = ensureRuntime();
  let stopping = false;
  const emulator = await startEmulatorProcess(repoRoot, [
    '--port',
    process.env.PC_EMULATOR_PORT ?? '8787',
    '--provisioning-delay-ms',
    '8000',
  ]);
  // A copy of the demo workspace, so trying things out never dirties the checkout.
  const workspace = join(repoRoot, '.demo', 'workspace');
  if (!existsSync(workspace)) cpSync(join(repoRoot, 'demo'), workspace, { recursive: true });
  mkdirSync(join(workspace, '.vscode'), { recursive: true });
  writeFileSync(
    join(workspace, '.vscode', 'settings.json'),
    JSON.stringify({ 'partnerCenter.environment': 'emulator', 'partnerCenter.emulatorUrl': emulator.url }, null, 2),
  );
  const port = Number(process.env.PORT ?? 8080);
  // No smoke-test driver here: it hides every notification toast, and a person needs to see them.
  const session = await startCodeServer(runtime, { port, installExtensions: [repoExtension(repoRoot)] });
  const url = await session.workbenchUrl({ folder: workspace });
  // The demo is only as good as its emulator: if it dies, say so at once rather than leave the
  // workbench showing errors with no cause.
  emulator.process.once('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(
      `\nThe Partner Center emulator stopped (${signal ?? `exit code ${code}`}). The explorer and Run Request cannot reach ${emulator.url} now.\nRestart the demo with npm start, or run the emulator alone with npm run emulator.\n`,
    );
  });

  process.stdout.write(
    `\nPartner Center emulator: ${emulator.url} (process ${emulator.process.pid})\nVS Code with the extension (open this in a browser):\n\n  ${url}\n\nPress Ctrl-C to stop.\n`,
  );
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
