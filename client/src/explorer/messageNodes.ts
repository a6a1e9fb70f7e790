// Nodes that are not Partner Center resources: "Load more…", an error with a retry, and actions
// ("Sign in", "Start the emulator").
import * as vscode from 'vscode';
import { type PartnerCenterError } from '../../../common/src/api/errors';
import { apiPart, loadedApiPart } from '../parts';
import { childId, type ExplorerNode, type NodeKind } from './node';
import { treeItem } from './presentation';

export class LoadMoreNode implements ExplorerNode {
  static readonly contextValue = 'partnerCenter.loadMore';
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    private readonly loaded: number,
    /** Loads the next page; resolves with the first node it added (where keyboard focus goes). */
    readonly load: () => Promise<ExplorerNode | undefined>,
  ) {
    this.id = childId(parent, `loadMore/${loaded}`);
  }

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(this, LoadMoreNode, 'Load more…');
    item.iconPath = new vscode.ThemeIcon('more');
    item.tooltip = `${this.loaded} loaded so far`;
    item.command = { command: 'partnerCenter.loadMore', title: 'Load More', arguments: [this] };
    return item;
  }
}

/** A level that failed to load. It keeps the Partner Center code visible and offers a retry. */
export class ErrorNode implements ExplorerNode {
  static readonly contextValue = 'partnerCenter.error';
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    readonly error: unknown,
    readonly retry: () => Promise<void>,
    /** What went wrong in the words of the context, when the service's own words mislead there. */
    private readonly explained?: string,
  ) {
    this.id = childId(parent, 'error');
  }

  getTreeItem(): vscode.TreeItem {
    const err = this.error;
    const service = partnerCenterError(err);
    const code = service?.code !== undefined ? ` ${service.code}` : '';
    const summary =
      this.explained ?? (service ? (service.description ?? service.message) : err instanceof Error ? err.message : String(err));
    // Access errors (MFA missing, app not registered, App-only on an App+User API) say what to do.
    const advice =
      service?.status !== undefined
        ? apiPart().explainPartnerCenterAuthError(service.status, service.code, false, service.challenge)
        : undefined;
    const item = treeItem(this, ErrorNode, `Error${code}: ${summary}`);
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
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
  return loadedApiPart()?.isPartnerCenterError(err) ? (err as PartnerCenterError) : undefined;
}

/** Nothing listens where the request went: a stopped emulator, not a network or proxy fault. */
export function emulatorNotAnswering(err: unknown): boolean {
  const service = partnerCenterError(err);
  return service?.kind === 'network' && service.networkCode === 'ECONNREFUSED';
}

/** What a node that is one action shows and runs; its key is its part of the node's id. */
export interface Action extends NodeKind {
  key: string;
  label: string;
  icon: string;
  command: vscode.Command;
}

/** An action row: its context value and its part of the id are both named by `key`. */
function action(key: string, label: string, icon: string, command: string, title: string): Action {
  return { contextValue: `partnerCenter.${key}`, key, label, icon, command: { command, title } };
}

export const signInAction = action('signIn', 'Sign in to Partner Center…', 'sign-in', 'partnerCenter.signIn', 'Sign In');

/** The emulator is the default environment: when nothing answers there, the root offers to start it. */
export const startEmulatorAction = action(
  'startEmulator',
  'Start the local Partner Center emulator…',
  'vm',
  'partnerCenter.useEmulator',
  'Use the Local Emulator',
);
/** A filter that matches no customer says so here; the label names the filter. */
export const clearFilterAction = action(
  'clearFilter',
  'No customer matches the filter',
  'clear-all',
  'partnerCenter.clearCustomerFilter',
  'Clear Customer Filter',
);
export const START_EMULATOR_TOOLTIP =
  'The extension is set to use the local emulator (partnerCenter.environment), but it is not running. Click to start the emulator that ships with the extension, or sign in to a real Partner Center account.';

/** A node that is one action ("Sign in", "Start the emulator"): a label, an icon and the command it runs. */
export class ActionNode implements ExplorerNode {
  readonly id: string;

  constructor(
    parent: ExplorerNode,
    readonly action: Action,
    private readonly tooltip: string,
    private readonly description?: string,
  ) {
    this.id = childId(parent, action.key);
  }

  getTreeItem(): vscode.TreeItem {
    const item = treeItem(this, this.action, this.action.label);
    item.tooltip = this.tooltip;
    item.description = this.description;
    item.iconPath = new vscode.ThemeIcon(this.action.icon);
    item.command = this.action.command;
    return item;
  }
}
