// An entitled artifact (a reserved-instance group): expanding it follows its link to read the
// reservations it holds, with one request.
import * as vscode from 'vscode';
import { type EntitledArtifact } from '../../../common/src/api';
import { type ExplorerNode } from './node';
import { ParentNode } from './ParentNode';
import { describe } from './presentation';
import { type Reservation, ReservationNode } from './ReservationNode';
import { type TreeContext } from './treeContext';

interface ArtifactDetails { type?: string; reservations?: Reservation[]; virtualMachineReservations?: Reservation[] }

export class ArtifactNode extends ParentNode {
  static readonly contextValue = 'partnerCenter.artifact';

  constructor(readonly artifact: EntitledArtifact, id: string, parent: ExplorerNode, ctx: TreeContext) {
    super(id, ctx, parent);
  }

  protected async loadChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    if (!this.artifact.link) return [];
    const details = await this.ctx.client().entitlements.getArtifact<ArtifactDetails>(this.artifact.link, { signal });
    const reservations = details.reservations ?? details.virtualMachineReservations ?? [];
    return reservations.map((r, i) => new ReservationNode(r, `${this.id}/reservation/${r.reservationId ?? i}`, this));
  }

  getTreeItem(): vscode.TreeItem {
    const a = this.artifact;
    const item = new vscode.TreeItem(a.artifactType ?? 'Artifact', a.link ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = describe(String(a.dynamicAttributes?.reservationType ?? ''), a.resourceId);
    item.iconPath = new vscode.ThemeIcon('symbol-package');
    item.contextValue = ArtifactNode.contextValue;
    return item;
  }
}
