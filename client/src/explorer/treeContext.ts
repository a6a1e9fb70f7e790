// What every explorer node may use: the API client of the current connection, a way to tell the
// view that one node changed (so only that node is redrawn), progress in the view, and the poller.
import type * as vscode from 'vscode';
import { type PartnerCenterClient } from '../../../common/src/api';
import { type ExplorerNode } from './node';
import { type Poller } from './poller';

export interface TreeContext {
  /** The API client; throws NotSignedInError when there is no account. */
  client(): PartnerCenterClient;
  /** Redraws `node` (and, if expanded, asks for its children again); undefined redraws the view. */
  changed(node: ExplorerNode | undefined): void;
  /** Shows the view's progress bar while `work` runs. */
  withProgress<T>(work: () => Promise<T>): Promise<T>;
  poller: Poller;
  /** The view, for reveal. */
  view(): vscode.TreeView<ExplorerNode> | undefined;
  /** Where the local emulator should answer, when the connection is set to it (else undefined). */
  emulatorEndpoint(): string | undefined;
}
