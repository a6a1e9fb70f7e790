// Registers the run-request part: the command, the CodeLens, the History view and its commands,
// the response documents; then asks the service about any send a crash or reload left open.
// The dialogs, trust and retry tuning come in with the host (runHost.ts); what it returns is only
// for the test API (runTestApi.ts).
import * as vscode from 'vscode';
import { History, type HistoryRecord } from '../../../common/src/send/history';
import { Journal } from '../../../common/src/send/journal';
import { type RecoveryOutcome } from '../../../common/src/send/recovery';
import { type StatusFollower } from '../../../common/src/follow/statusFollower';
import { config } from '../config';
import { type PartContext } from '../partContext';
import { CustomerMemory } from './customerPicker';
import { RunCodeLensProvider } from './codeLens';
import { registerHistoryCommands } from './historyCommands';
import { HistoryTreeProvider } from './historyView';
import { registerJournalCommands } from './journalCommands';
import { recordIdOf, RESPONSE_SCHEME, ResponseProvider } from './responseProvider';
import { type ExplorerHooks, RunController } from './runController';
import { type RunHost, windowRunHost } from './runHost';
import { historyStore, StateJournalStore } from './stores';

/** What the run part hands back to activate; only the test API (runTestApi.ts) uses it. */
export interface RunPart {
  controller: RunController;
  history(): History;
  journal(): Journal;
  /** Redraws the History view after another part added a record (the lifecycle actions do). */
  historyChanged(): void;
  /** Opens the journal and history again from storage, as a window reload does, and runs recovery. */
  reopen(): Promise<RecoveryOutcome[]>;
  /** What the History view shows for a record. */
  historyItem(record: HistoryRecord): vscode.TreeItem;
}

export function registerRun(
  ctx: PartContext,
  explorer: ExplorerHooks,
  follower: StatusFollower,
  host: RunHost = windowRunHost,
): RunPart {
  const { extensionContext: context, connection, log } = ctx;
  const memory = new CustomerMemory(context.workspaceState);
  let journal = new Journal(new StateJournalStore(context.globalState));
  let history = new History(historyStore(context), config.run.historyLimit);
  const tree = new HistoryTreeProvider(() => history);
  const responses = new ResponseProvider(() => history);
  const controller = new RunController({
    connection,
    log,
    explorer,
    memory,
    journal: () => journal,
    history: () => history,
    onHistoryChanged: () => tree.refresh(),
    onRecordChanged: (recordId) => responses.recordChanged(recordId),
    host,
    follower,
  });
  const codeLens = new RunCodeLensProvider((document) => controller.kindOf(document));
  const updateContext = (editor = vscode.window.activeTextEditor) =>
    void vscode.commands.executeCommand(
      'setContext',
      'partnerCenter.activeRequestDocument',
      !!editor && !!controller.kindOf(editor.document),
    );
  const recover = () =>
    controller.recover().catch((err: unknown) => {
      log.warn(`Could not check interrupted sends: ${err instanceof Error ? err.message : String(err)}`);
      return [] as RecoveryOutcome[];
    });

  context.subscriptions.push(
    controller,
    tree,
    codeLens,
    vscode.window.createTreeView('partnerCenter.history', { treeDataProvider: tree }),
    responses,
    vscode.workspace.registerTextDocumentContentProvider(RESPONSE_SCHEME, responses),
    vscode.commands.registerCommand('partnerCenter.response.showInExplorer', async (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      const id = target && recordIdOf(target);
      await controller.showInExplorer(id ? await history.get(id) : undefined);
    }),
    vscode.languages.registerCodeLensProvider(
      [{ scheme: 'file', language: 'json' }, { scheme: 'untitled', language: 'json' }, { language: 'jsonc' }],
      codeLens,
    ),
    vscode.commands.registerCommand('partnerCenter.runRequest', (uri?: vscode.Uri) =>
      controller.run(uri instanceof vscode.Uri ? uri : undefined),
    ),
    ...registerHistoryCommands(
      () => history,
      () => tree.refresh(),
      (uri) => controller.run(uri),
    ),
    ...registerJournalCommands(
      () => journal,
      () => host.confirmer(),
      log,
    ),
    vscode.window.onDidChangeActiveTextEditor((editor) => updateContext(editor)),
    connection.onDidChange(() => void recover()),
  );
  updateContext();
  void recover();

  return {
    controller,
    history: () => history,
    journal: () => journal,
    historyItem: (record) => tree.getTreeItem({ type: 'record', record }),
    historyChanged: () => tree.refresh(),
    reopen: async () => {
      journal = new Journal(new StateJournalStore(context.globalState));
      history = new History(historyStore(context), config.run.historyLimit);
      tree.refresh();
      return recover();
    },
  };
}
