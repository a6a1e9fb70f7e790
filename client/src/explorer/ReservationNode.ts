// One reservation of a reserved-instance artifact: its state, scope, quantity and expiry.
import * as vscode from 'vscode';
import { type ExplorerNode } from './node';
import { describe, shortDate } from './presentation';

export interface Reservation { reservationId?: string; scopeType?: string; quantity?: number; expiryDateTime?: string; effectiveDateTime?: string; provisioningState?: string }

export class ReservationNode implements ExplorerNode {
  constructor(readonly reservation: Reservation, readonly id: string, private readonly parent: ExplorerNode) {}

  getParent(): ExplorerNode {
    return this.parent;
  }

  getTreeItem(): vscode.TreeItem {
    const r = this.reservation;
    const item = new vscode.TreeItem(r.reservationId ?? 'Reservation');
    item.id = this.id;
    item.description = describe(r.provisioningState, r.scopeType, r.quantity !== undefined && `×${r.quantity}`, r.expiryDateTime && `expires ${shortDate(r.expiryDateTime)}`);
    item.iconPath = new vscode.ThemeIcon('calendar');
    item.contextValue = 'partnerCenter.reservation';
    return item;
  }
}
