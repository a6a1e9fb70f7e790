// How Partner Center states look in the tree: one codicon and colour per status, and dates and
// terms in the words a partner uses. Statuses are compared case-insensitively (the service and
// the documentation disagree on casing).
import * as vscode from 'vscode';

const statusIcons: Record<string, [icon: string, color?: string]> = {
  completed: ['pass', 'testing.iconPassed'],
  active: ['pass', 'testing.iconPassed'],
  fulfilled: ['pass', 'testing.iconPassed'],
  pending: ['sync~spin', 'charts.yellow'],
  pending_review: ['sync~spin', 'charts.yellow'],
  pending_po_upload: ['cloud-upload', 'charts.yellow'],
  cancelled: ['circle-slash', 'disabledForeground'],
  deleted: ['trash', 'disabledForeground'],
  suspended: ['debug-pause', 'charts.orange'],
  disabled: ['circle-slash', 'charts.orange'],
  expired: ['history', 'disabledForeground'],
  error: ['error', 'list.errorForeground'],
  failed: ['error', 'list.errorForeground'],
};

export function statusIcon(status: string | undefined, fallback: string): vscode.ThemeIcon {
  const entry = status ? statusIcons[status.toLowerCase().replace(/ /g, '_')] : undefined;
  if (!entry) return new vscode.ThemeIcon(fallback);
  return new vscode.ThemeIcon(entry[0], entry[1] ? new vscode.ThemeColor(entry[1]) : undefined);
}

export function isPendingStatus(status: string | undefined): boolean {
  return status !== undefined && status.toLowerCase().startsWith('pending');
}

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

/** Context values carry several flags; sorted so `viewItem =~ /…/` patterns stay simple. */
export function contextValue(...flags: string[]): string {
  return [...new Set(flags)].sort().join(';');
}
