// "Use the Local Emulator": points the extension at the emulator and, when nothing answers at the
// configured URL, starts the emulator that ships inside the extension (dist/cli.js) on that port.
import { type ChildProcess, fork } from 'node:child_process';
import * as vscode from 'vscode';
import { type Config } from './config';

async function answers(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/_emulator/health`, { signal: AbortSignal.timeout(1500) });
    // 401: an emulator started with --require-token, whose admin calls need a token we do not have.
    return res.ok || res.status === 401;
  } catch {
    return false;
  }
}

export class EmulatorLauncher implements vscode.Disposable {
  private child: ChildProcess | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly config: Config,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  async useEmulator(): Promise<void> {
    const url = this.config.emulatorUrl;
    if (!(await answers(url))) await this.start(url);
    // A changed environment refreshes everything by itself; otherwise the view asks again now.
    if (!(await this.config.setEnvironment('emulator'))) await vscode.commands.executeCommand('partnerCenter.refreshExplorer');
    void vscode.window.showInformationMessage(`Partner Center: using the local emulator at ${url}.`);
  }

  private async start(url: string): Promise<void> {
    const { hostname, port } = new URL(url);
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Starting the Partner Center emulator on ${url}…` },
      async () => {
        this.child?.kill();
        const child = fork(this.context.asAbsolutePath('dist/cli.js'), ['emulator', '--host', hostname, '--port', port || '80'], {
          stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
        });
        this.child = child;
        child.stdout?.on('data', (chunk: Buffer) => this.log.info(`[emulator] ${chunk.toString().trimEnd()}`));
        child.stderr?.on('data', (chunk: Buffer) => this.log.warn(`[emulator] ${chunk.toString().trimEnd()}`));
        const deadline = Date.now() + 15_000;
        while (!(await answers(url))) {
          if (child.exitCode !== null) {
            throw new Error(`The emulator exited (code ${child.exitCode}); see the Partner Center log.`);
          }
          if (Date.now() > deadline) {
            child.kill();
            throw new Error(`The emulator did not answer at ${url} within 15 s.`);
          }
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
      },
    );
  }

  /** Stops the emulator this window started, if any; resolves once its process has exited. */
  async stop(): Promise<boolean> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return false;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill();
    await exited;
    return true;
  }

  dispose(): void {
    this.child?.kill();
  }
}
