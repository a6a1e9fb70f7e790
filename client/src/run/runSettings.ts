// The run-request settings, read in one place (the shared settings.ts belongs to the connection).
import * as vscode from 'vscode';

export interface RunSettings {
  /** Against production, the customer's domain must be typed to confirm a purchase. */
  requireTypedConfirmation: boolean;
  codeLens: boolean;
  historyLimit: number;
}

export function readRunSettings(): RunSettings {
  const config = vscode.workspace.getConfiguration('partnerCenter');
  return {
    requireTypedConfirmation: config.get<boolean>('send.requireTypedConfirmation', true),
    codeLens: config.get<boolean>('send.codeLens', true),
    historyLimit: Math.max(1, config.get<number>('history.maxEntries', 200)),
  };
}
