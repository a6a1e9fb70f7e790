// Starts the emulator as its own process through the real command line (`node dist/cli.js emulator`),
// the way a person runs it, and reads its URL from the "listening on" line.
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface EmulatorProcess {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

export function startEmulatorProcess(repoRoot: string, args: string[] = [], quiet = true): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'emulator', '--port', '0', ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start within 15 s:\n${output}`)), 15_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!quiet) process.stderr.write(chunk);
    });
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!quiet) process.stdout.write(chunk);
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[1]!.replace(/\/+$/, ''), process: child, stop });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited with ${code} before listening:\n${output}`));
    });
  });
}
