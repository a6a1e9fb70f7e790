// What the History view's items and title bar can do: re-open a response, send again (a new
// request id: it is a new logical send, confirmed like the first), export as JSON or HAR, delete.
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { toHar } from '../../../common/src/send/har';
import { type History, type HistoryRecord } from '../../../common/src/send/history';
import { type HistoryNode } from './historyView';
import { openResponse } from './responseProvider';

export function registerHistoryCommands(
  history: () => History,
  refresh: () => void,
  resend: (uri: vscode.Uri) => Promise<unknown>,
): vscode.Disposable[] {
  const recordOf = (node?: HistoryNode): HistoryRecord | undefined => node?.record;
  return [
    vscode.commands.registerCommand('partnerCenter.history.open', async (node?: HistoryNode) => {
      const record = recordOf(node);
      if (record) await openResponse(record);
    }),
    vscode.commands.registerCommand('partnerCenter.history.resend', async (node?: HistoryNode) => {
      const record = recordOf(node);
      if (!record?.documentUri) {
        void vscode.window.showErrorMessage('Partner Center: this history entry has no request document to send again.');
        return;
      }
      await resend(vscode.Uri.parse(record.documentUri));
    }),
    vscode.commands.registerCommand('partnerCenter.history.delete', async (node?: HistoryNode) => {
      const record = recordOf(node);
      if (record) await history().remove(record.id);
      refresh();
    }),
    vscode.commands.registerCommand('partnerCenter.history.clear', async () => {
      const clear = 'Clear History';
      if (
        (await vscode.window.showWarningMessage(
          'Delete every request and response in the Partner Center history?',
          { modal: true },
          clear,
        )) !== clear
      ) {
        return;
      }
      await history().clear();
      refresh();
    }),
    // The view's title bar may hand its command the focused item; exporting "the history" from
    // there must still export all of it, so the one-run exports are commands of their own.
    vscode.commands.registerCommand('partnerCenter.history.exportJson', () => exportTo(history, 'json')),
    vscode.commands.registerCommand('partnerCenter.history.exportHar', () => exportTo(history, 'har')),
    vscode.commands.registerCommand('partnerCenter.history.exportRecordJson', (node?: HistoryNode) =>
      exportTo(history, 'json', recordOf(node)),
    ),
    vscode.commands.registerCommand('partnerCenter.history.exportRecordHar', (node?: HistoryNode) =>
      exportTo(history, 'har', recordOf(node)),
    ),
    vscode.commands.registerCommand('partnerCenter.history.refresh', refresh),
  ];
}

/**
 * One record when given, else the whole history. The file goes where downloads go (the home
 * folder's Downloads, else the home folder), not into the workspace, where it could be committed
 * by mistake; afterwards a notification says what was written and offers to open or reveal it.
 */
async function exportTo(
  history: () => History,
  format: 'json' | 'har',
  record?: HistoryRecord,
  target?: vscode.Uri,
): Promise<vscode.Uri | undefined> {
  const records = record ? [record] : await history().list();
  const content = format === 'har' ? toHar(records) : records;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      title: `Export ${record ? 'this run' : 'Partner Center history'} as ${format.toUpperCase()}`,
      filters: format === 'har' ? { 'HTTP Archive': ['har'] } : { JSON: ['json'] },
      defaultUri: vscode.Uri.joinPath(await downloadsFolder(), `partner-center-history.${format}`),
    }));
  if (!uri) return undefined;
  await vscode.workspace.fs.writeFile(uri, Buffer.from(`${JSON.stringify(content, null, 2)}\n`, 'utf8'));
  if (!target) void confirmExport(uri, records.length);
  return uri;
}

async function downloadsFolder(): Promise<vscode.Uri> {
  const home = vscode.Uri.file(homedir());
  const downloads = vscode.Uri.joinPath(home, 'Downloads');
  try {
    if ((await vscode.workspace.fs.stat(downloads)).type & vscode.FileType.Directory) return downloads;
  } catch {
    // No Downloads folder: the home folder.
  }
  return home;
}

async function confirmExport(uri: vscode.Uri, runs: number): Promise<void> {
  const open = 'Open';
  // The system's file manager can show the file only when it is on this machine; in a browser or
  // remote window the path is offered instead.
  const local = vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName;
  const reveal = local ? (process.platform === 'darwin' ? 'Reveal in Finder' : 'Reveal in File Explorer') : 'Copy Path';
  const choice = await vscode.window.showInformationMessage(
    `Partner Center: exported ${runs} run${runs === 1 ? '' : 's'} to ${uri.fsPath}.`,
    open,
    reveal,
  );
  if (choice === open) await vscode.window.showTextDocument(uri);
  else if (choice === reveal && local) await vscode.commands.executeCommand('revealFileInOS', uri);
  else if (choice === reveal) await vscode.env.clipboard.writeText(uri.fsPath);
}

export { exportTo as exportHistory };
