// What the integration tests reach of Run Request, through the API activate returns outside
// production only: run a document, answer the dialogs (a modal cannot be clicked in a test
// extension host), shorten the waits, open the stores again as after a window reload.
import type * as vscode from 'vscode';
import { type History, type HistoryRecord } from '../../../common/src/send/history';
import { type Journal } from '../../../common/src/send/journal';
import { type RecoveryOutcome } from '../../../common/src/send/recovery';
import { type Confirmer } from './confirmer';
import { exportHistory } from './historyCommands';
import { type RunPart } from './registerRun';
import { type RunOutcome } from './runController';
import { type RetryTuning } from './runHost';
import { type TestRunHost } from './testRunHost';

export interface RunTestApi {
  run(uri?: vscode.Uri, options?: { token?: vscode.CancellationToken }): Promise<RunOutcome>;
  /** Replaces the dialogs (undefined restores them). */
  setConfirmer(confirmer: Confirmer | undefined): void;
  setRetry(retry: RetryTuning | undefined): void;
  /** Replaces the workspace's trust (undefined restores it). */
  setTrusted(isTrusted: (() => boolean) | undefined): void;
  history(): History;
  journal(): Journal;
  /** Opens the journal and history again from storage, as after a window reload, and runs recovery. */
  reload(): Promise<RecoveryOutcome[]>;
  /** Orders followed after placing or recovery, with their last status. */
  followed: ReadonlyMap<string, string>;
  exportHistory(format: 'json' | 'har', target: vscode.Uri): Promise<vscode.Uri | undefined>;
  /** What the History view shows for a record (its icon and description). */
  historyItem(record: HistoryRecord): vscode.TreeItem;
}

export function runTestApi(part: RunPart, host: TestRunHost): RunTestApi {
  return {
    run: (uri, options) => part.controller.run(uri, options),
    setConfirmer: (confirmer) => host.setConfirmer(confirmer),
    setRetry: (retry) => host.setRetry(retry),
    setTrusted: (isTrusted) => host.setTrusted(isTrusted),
    history: () => part.history(),
    journal: () => part.journal(),
    reload: () => part.reopen(),
    followed: part.controller.followed,
    historyItem: (record) => part.historyItem(record),
    exportHistory: (format, target) => exportHistory(() => part.history(), format, undefined, target),
  };
}
