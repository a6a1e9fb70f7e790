// One reservation of a reserved-instance artifact: its state, scope, quantity and expiry.
import * as vscode from 'vscode';
import { type ExplorerNode } from './node';
import { describe, shortDate, treeItem } from './presentation';

export interface Reservation {
  reservationId?: string;
  scopeType?: string;
  quantity?: number;
  expiryDateTime?: string;
  effectiveDateTime?: string;
  provisioningState?: string;
}

export class ReservationNode implements ExplorerNode {
  static readonly contextValue = 'partnerCenter.reservation';

  constructor(
    readonly reservation: Reservation,
    readonly id: string,
    private readonly parent: ExplorerNode,
  ) {}

  getParent(): ExplorerNode {
    return this.parent;
  }

  getTreeItem(): vscode.TreeItem {
    const r = this.reservation;
    const item = treeItem(this, ReservationNode, r.reservationId ?? 'Reservation');
    item.description = describe(
      r.provisioningState,
      r.scopeType,
      r.quantity !== undefined && `×${r.quantity}`,
      r.expiryDateTime && `expires ${shortDate(r.expiryDateTime)}`,
    );
    item.iconPath = new vscode.ThemeIcon('calendar');
    return item;
  }
}
