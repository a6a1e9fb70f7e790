// Where the journal and the history live. The journal is small and must survive anything, so it
// sits in globalState (written before each purchase leaves). The history can grow to megabytes, so
// it is a JSON file in the extension's global storage folder rather than in the state database.
import * as vscode from 'vscode';
import { JsonFileStore } from '../../../common/src/send/fileStore';
import { type HistoryRecord, type HistoryStore } from '../../../common/src/send/history';
import { type JournalEntry, type JournalStore } from '../../../common/src/send/journal';

const JOURNAL_KEY = 'partnerCenter.send.journal';

export class StateJournalStore implements JournalStore {
  constructor(private readonly state: vscode.Memento) {}
  async read(): Promise<JournalEntry[]> {
    return this.state.get<JournalEntry[]>(JOURNAL_KEY, []);
  }
  async write(entries: JournalEntry[]): Promise<void> {
    await this.state.update(JOURNAL_KEY, entries);
  }
}

export function historyStore(context: vscode.ExtensionContext): HistoryStore {
  return new JsonFileStore<HistoryRecord>(vscode.Uri.joinPath(context.globalStorageUri, 'history.json').fsPath);
}
