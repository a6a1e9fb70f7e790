// Registers the run-request part: the command, the CodeLens, the History view and its commands,
// the response documents; then asks the service about any send a crash or reload left open.
// Returns the seams the integration tests use (confirmer, retry tuning, reload from storage).
import * as vscode from 'vscode';
import { History } from '../../../common/src/send/history';
import { Journal } from '../../../common/src/send/journal';
import { type RecoveryOutcome } from '../../../common/src/send/recovery';
import { config } from '../config';
import { type PartContext } from '../partContext';
import { type Confirmer, modalConfirmer } from './confirmer';
import { CustomerMemory } from './customerPicker';
import { RunCodeLensProvider } from './codeLens';
import { exportHistory, registerHistoryCommands } from './historyCommands';
import { HistoryTreeProvider } from './historyView';
import { registerJournalCommands } from './journalCommands';
import { RESPONSE_SCHEME, ResponseProvider } from './responseProvider';
import { type ExplorerHooks, RunController, type RunOutcome } from './runController';
import { historyStore, StateJournalStore } from './stores';

export interface RunApi {
  run(uri?: vscode.Uri, options?: { token?: vscode.CancellationToken }): Promise<RunOutcome>;
  /** Replaces the dialogs (undefined restores them). */
  setConfirmer(confirmer: Confirmer | undefined): void;
  setRetry(retry: { maxAttempts?: number; baseDelayMs?: number } | undefined): void;
  setTrusted(isTrusted: (() => boolean) | undefined): void;
  rememberCustomer(uri: vscode.Uri, customerId: string): Promise<void>;
  history(): History;
  journal(): Journal;
  /** Rebuilds the journal and history from storage, as after a window reload, and runs recovery. */
  reload(): Promise<RecoveryOutcome[]>;
  followed: ReadonlyMap<string, string>;
  exportHistory(format: 'json' | 'har', target: vscode.Uri): Promise<vscode.Uri | undefined>;
}

export function registerRun(ctx: PartContext, explorer: ExplorerHooks): RunApi {
  const { extensionContext: context, connection, log } = ctx;
  const memory = new CustomerMemory(context.workspaceState);
  let journal = new Journal(new StateJournalStore(context.globalState));
  let history = new History(historyStore(context), config.run.historyLimit);
  const tree = new HistoryTreeProvider(() => history);
  const controller = new RunController({
    connection, log, explorer, memory, journal: () => journal, history: () => history, onHistoryChanged: () => tree.refresh(),
  });
  const codeLens = new RunCodeLensProvider((document) => controller.kindOf(document));
  const updateContext = (editor = vscode.window.activeTextEditor) =>
    void vscode.commands.executeCommand('setContext', 'partnerCenter.activeRequestDocument', !!editor && !!controller.kindOf(editor.document));
  const recover = () => controller.recover().catch((err: unknown) => {
    log.warn(`Could not check interrupted sends: ${err instanceof Error ? err.message : String(err)}`);
    return [] as RecoveryOutcome[];
  });

  context.subscriptions.push(
    controller, tree, codeLens,
    vscode.window.createTreeView('partnerCenter.history', { treeDataProvider: tree }),
    vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, new ResponseProvider(() => history)),
    vscode.languages.registerCodeLensProvider([{ scheme: 'file', language: 'json' }, { scheme: 'untitled', language: 'json' }, { language: 'jsonc' }], codeLens),
    vscode.commands.registerCommand('partnerCenter.runRequest', (uri?: vscode.Uri) => controller.run(uri instanceof vscode.Uri ? uri : undefined)),
    ...registerHistoryCommands(() => history, () => tree.refresh(), (uri) => controller.run(uri)),
    ...registerJournalCommands(() => journal, () => controller.confirmer, log),
    vscode.window.onDidChangeActiveTextEditor((editor) => updateContext(editor)),
    connection.onDidChange(() => void recover()),
  );
  updateContext();
  void recover();

  return {
    run: (uri, options) => controller.run(uri, options),
    setConfirmer: (confirmer) => { controller.confirmer = confirmer ?? modalConfirmer; },
    setRetry: (retry) => { controller.retry = retry; },
    setTrusted: (isTrusted) => { controller.isTrusted = isTrusted ?? (() => vscode.workspace.isTrusted); },
    rememberCustomer: (uri, customerId) => memory.set(uri, customerId),
    history: () => history,
    journal: () => journal,
    reload: async () => {
      journal = new Journal(new StateJournalStore(context.globalState));
      history = new History(historyStore(context), config.run.historyLimit);
      tree.refresh();
      return recover();
    },
    followed: controller.followed,
    exportHistory: (format, target) => exportHistory(() => history, format, undefined, target),
  };
}
