// How Partner Center states look in the tree: one codicon and colour per status, and dates and
// terms in the words a partner uses. Statuses are compared case-insensitively (the service and
// the documentation disagree on casing).
import * as vscode from 'vscode';
import { type ExplorerNode, type NodeKind } from './node';

// One row a look, with every status that looks so.
const statusLooks: [icon: string, color: string, statuses: string[]][] = [
  ['pass', 'testing.iconPassed', ['completed', 'active', 'fulfilled']],
  ['cloud-upload', 'charts.yellow', ['pending_po_upload']],
  ['circle-slash', 'disabledForeground', ['cancelled']],
  ['trash', 'disabledForeground', ['deleted']],
  ['sync~spin', 'charts.yellow', ['pending', 'pending_review']],
  ['debug-pause', 'charts.orange', ['suspended']],
  ['circle-slash', 'charts.orange', ['disabled']],
  ['error', 'list.errorForeground', ['error', 'failed']],
  ['history', 'disabledForeground', ['expired']],
];
const statusIcons = new Map(
  statusLooks.flatMap(([icon, color, statuses]) => statuses.map((status) => [status, { icon, color }] as const)),
);

export function statusIcon(status: string | undefined, fallback: string): vscode.ThemeIcon {
  const look = status ? statusIcons.get(status.toLowerCase().replace(/ /g, '_')) : undefined;
  return look ? new vscode.ThemeIcon(look.icon, new vscode.ThemeColor(look.color)) : new vscode.ThemeIcon(fallback);
}

// Which statuses are pending is the shared vocabulary's (issue 13), so the tree and the run command agree.
export { isPendingStatus } from '../../../common/src/follow/resourceStatus';

export function shortDate(iso: string | undefined): string | undefined {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

const termWords: Record<string, string> = { P1M: '1 month', P1Y: '1 year', P3Y: '3 years', P2Y: '2 years' };

export function termLabel(term: string | undefined): string | undefined {
  return term ? (termWords[term.toUpperCase()] ?? term) : undefined;
}

/** Joins the parts that are present with " · ". */
export function describe(...parts: (string | number | undefined | false)[]): string {
  return parts.filter((p) => p !== undefined && p !== false && p !== '').join(' · ');
}

/**
 * A node's tree item: its id, and its kind's context value with the node's flags, sorted and
 * `;`-joined so `viewItem =~ /…/` patterns stay simple.
 */
export function treeItem(
  node: ExplorerNode,
  kind: NodeKind,
  label: string,
  collapsible = vscode.TreeItemCollapsibleState.None,
  ...flags: string[]
): vscode.TreeItem {
  const item = new vscode.TreeItem(label, collapsible);
  item.id = node.id;
  item.contextValue = [...new Set([kind.contextValue, ...flags])].sort().join(';');
  return item;
}
