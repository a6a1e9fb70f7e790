// Commands that are not tied to one view, and the emulator launcher behind two of them. Each is
// registered at activation, so none is ever "command not found"; those that need a signed-in
// account say so instead of failing. The sign-in commands live with the rest of sign-in in
// auth/registerAuth.ts.
import * as vscode from 'vscode';
import { EmulatorLauncher } from './emulatorLauncher';
import { type PartContext } from './partContext';

export function registerCommands(ctx: PartContext): void {
  const { extensionContext: context, config, log } = ctx;
  const emulator = new EmulatorLauncher(context, config, log);
  context.subscriptions.push(
    emulator,
    vscode.commands.registerCommand('partnerCenter.showLog', () => log.show(true)),
    vscode.commands.registerCommand('partnerCenter.useEmulator', async () => {
      try {
        await emulator.useEmulator();
      } catch (err) {
        const message = err instanceof Error ? err.message : String(err);
        log.error(message);
        void vscode.window.showErrorMessage(`Partner Center: ${message}`);
      }
    }),
    vscode.commands.registerCommand('partnerCenter.stopEmulator', async () => {
      const stopped = await emulator.stop();
      void vscode.window.showInformationMessage(
        stopped
          ? 'Partner Center: the local emulator this window started has stopped.'
          : 'Partner Center: this window has not started a local emulator (one started elsewhere keeps running).',
      );
      return stopped;
    }),
  );
}
