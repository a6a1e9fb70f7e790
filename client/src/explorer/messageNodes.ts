// Nodes that are not Partner Center resources: "Load more…", an error with a retry, "Sign in".
import * as vscode from 'vscode';
import { type PartnerCenterError } from '../../../common/src/api/errors';
import { apiPart, loadedApiPart } from '../parts';
import { type ExplorerNode } from './node';

export class LoadMoreNode implements ExplorerNode {
  static readonly contextValue = 'partnerCenter.loadMore';
  readonly id: string;

  constructor(parentId: string, private readonly loaded: number, readonly load: () => Promise<void>) {
    this.id = `${parentId}/loadMore/${loaded}`;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem('Load more…');
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('more');
    item.contextValue = LoadMoreNode.contextValue;
    item.tooltip = `${this.loaded} loaded so far`;
    item.command = { command: 'partnerCenter.loadMore', title: 'Load More', arguments: [this] };
    return item;
  }
}

/** A level that failed to load. It keeps the Partner Center code visible and offers a retry. */
export class ErrorNode implements ExplorerNode {
  static readonly contextValue = 'partnerCenter.error';
  readonly id: string;

  constructor(parentId: string, readonly error: unknown, readonly retry: () => void) {
    this.id = `${parentId}/error`;
  }

  getTreeItem(): vscode.TreeItem {
    const err = this.error;
    const service = partnerCenterError(err);
    const code = service?.code !== undefined ? ` ${service.code}` : '';
    const summary = service ? (service.description ?? service.message) : err instanceof Error ? err.message : String(err);
    // Access errors (MFA missing, app not registered, App-only on an App+User API) say what to do.
    const advice = service?.status !== undefined ? apiPart().explainPartnerCenterAuthError(service.status, service.code, false, service.challenge) : undefined;
    const item = new vscode.TreeItem(`Error${code}: ${summary}`);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = ErrorNode.contextValue;
    item.tooltip = [advice?.message, err instanceof Error ? err.message : String(err)].filter(Boolean).join('\n\n');
    item.description = 'Click to retry';
    item.command = { command: 'partnerCenter.retry', title: 'Retry', arguments: [this] };
    return item;
  }
}

/**
 * The error as Partner Center's, when it is one. Only the api part makes those, so asking it does
 * not load it for the errors that come before any request (not signed in).
 */
export function partnerCenterError(err: unknown): PartnerCenterError | undefined {
  return loadedApiPart()?.isPartnerCenterError(err) ? err as PartnerCenterError : undefined;
}

/** A node that is one action: an icon, a label and the command it runs. */
function actionItem(id: string, label: string, icon: string, contextValue: string, command: vscode.Command, tooltip: string, description?: string): vscode.TreeItem {
  const item = new vscode.TreeItem(label);
  item.id = id;
  item.tooltip = tooltip;
  item.description = description;
  item.iconPath = new vscode.ThemeIcon(icon);
  item.contextValue = contextValue;
  item.command = command;
  return item;
}

export class SignInNode implements ExplorerNode {
  static readonly contextValue = 'partnerCenter.signIn';
  readonly id = 'signIn';

  constructor(private readonly reason: string) {}

  getTreeItem(): vscode.TreeItem {
    return actionItem(this.id, 'Sign in to Partner Center…', 'sign-in', SignInNode.contextValue, { command: 'partnerCenter.signIn', title: 'Sign In' }, this.reason);
  }
}

/** The emulator is the default environment: when nothing answers there, offer to start it. */
export class StartEmulatorNode implements ExplorerNode {
  static readonly contextValue = 'partnerCenter.startEmulator';
  readonly id = 'startEmulator';

  constructor(private readonly url: string) {}

  getTreeItem(): vscode.TreeItem {
    const tooltip = 'The extension is set to use the local emulator (partnerCenter.environment), but it is not running. Click to start the emulator that ships with the extension, or sign in to a real Partner Center account.';
    return actionItem(this.id, 'Start the local Partner Center emulator…', 'vm', StartEmulatorNode.contextValue, { command: 'partnerCenter.useEmulator', title: 'Use the Local Emulator' }, tooltip, `nothing answers at ${this.url}`);
  }
}
