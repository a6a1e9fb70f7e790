// Commands that are not tied to one view. Each is registered at activation, so none is ever
// "command not found"; those that need a signed-in account say so instead of failing.
import * as vscode from 'vscode';
import { type EmulatorLauncher } from './emulatorLauncher';

export function registerCommands(context: vscode.ExtensionContext, log: vscode.LogOutputChannel, emulator: EmulatorLauncher): void {
  context.subscriptions.push(
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
    vscode.commands.registerCommand('partnerCenter.signIn', async () => {
      // Real accounts (msal-node, every cloud) arrive with the sign-in work; until then the
      // emulator is the way to use the extension, and we say so rather than fail silently.
      const choice = await vscode.window.showInformationMessage(
        'Signing in to a real Partner Center account is not available in this version yet. Try the local emulator instead: it needs no account.',
        'Use the Local Emulator',
      );
      if (choice) await vscode.commands.executeCommand('partnerCenter.useEmulator');
    }),
  );
}
