// "Partner Center: Discard Interrupted Send". An unsettled journal entry blocks sending for its
// customer while it cannot be checked (the service unreachable for it, or a resource that changed
// in a way recovery cannot read); a person who checked by hand needs a way out. Discarding is
// confirmed in a modal naming the entry, because it gives up the protection against buying twice.
import * as vscode from 'vscode';
import { type Journal, type JournalEntry } from '../../../common/src/send';
import { type Confirmer, modalConfirmer } from './confirmer';

interface EntryItem extends vscode.QuickPickItem {
  entry: JournalEntry;
}

/** `requestId` picks the entry directly (tests, links in messages); otherwise a list is shown. */
export function registerJournalCommands(
  journal: () => Journal,
  confirmer: () => Confirmer,
  log: vscode.LogOutputChannel,
): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('partnerCenter.journal.discard', async (requestId?: string): Promise<boolean> => {
      const entries = await journal().unsettled();
      if (entries.length === 0) {
        void vscode.window.showInformationMessage('Partner Center: no interrupted sends are waiting to be checked.');
        return false;
      }
      const entry = typeof requestId === 'string' ? entries.find((e) => e.requestId === requestId) : await pickEntry(entries);
      if (!entry) return false;
      const current = confirmer();
      const ask = current.confirmDiscard?.bind(current) ?? modalConfirmer.confirmDiscard!.bind(modalConfirmer);
      if (!(await ask(entry))) return false;
      const removed = await journal().discard(entry.requestId);
      if (!removed) {
        void vscode.window.showWarningMessage('Partner Center: that send is in progress right now and was not discarded.');
        return false;
      }
      log.warn(
        `Discarded interrupted send ${entry.requestId} (${entry.method} ${entry.path}, started ${entry.startedAt}) at the user's request.`,
      );
      // A quiet success reads as "nothing happened": say what was given up (issue 12).
      void vscode.window.showInformationMessage(
        `Partner Center: discarded the interrupted send ${entry.method} ${entry.path} (request id ${entry.requestId}). It will not be checked or re-sent.`,
      );
      return true;
    }),
  ];
}

async function pickEntry(entries: JournalEntry[]): Promise<JournalEntry | undefined> {
  const items: EntryItem[] = entries.map((entry) => ({
    entry,
    label: `${entry.method} ${entry.path}`,
    description: `${entry.purpose} · customer ${entry.customerId}`,
    detail: `Started ${new Date(entry.startedAt).toLocaleString()} · request id ${entry.requestId}${entry.documentUri ? ` · ${entry.documentUri}` : ''}`,
  }));
  return (
    await vscode.window.showQuickPick(items, {
      title: 'Discard which interrupted send?',
      matchOnDescription: true,
      matchOnDetail: true,
    })
  )?.entry;
}
