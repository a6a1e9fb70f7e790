// What Run Request takes from the window around it: the dialogs that ask a person, whether the
// workspace is trusted, and how long a lost answer is waited for. A window passes the real ones
// (windowRunHost); outside production, activate passes a TestRunHost instead, so the integration
// tests can answer the dialogs (a modal cannot be clicked in a headless extension host).
import * as vscode from 'vscode';
import { type Confirmer, modalConfirmer } from './confirmer';

/** Exactly-once tuning of a purchase's re-sends (common/src/api exactlyOnce). */
export interface RetryTuning {
  maxAttempts?: number;
  baseDelayMs?: number;
}

export interface RunHost {
  confirmer(): Confirmer;
  isTrusted(): boolean;
  /** Undefined: the client's defaults. */
  retry(): RetryTuning | undefined;
}

export const windowRunHost: RunHost = {
  confirmer: () => modalConfirmer,
  isTrusted: () => vscode.workspace.isTrusted,
  retry: () => undefined,
};
