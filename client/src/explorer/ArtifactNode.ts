// An entitled artifact (a reserved-instance group): expanding it follows its link to read the
// reservations it holds, with one request.
import * as vscode from 'vscode';
import { type EntitledArtifact } from '../../../common/src/api';
import { childId, type ExplorerNode } from './node';
import { type ChildPage, ParentNode } from './ParentNode';
import { describe, treeItem } from './presentation';
import { type Reservation, ReservationNode } from './ReservationNode';
import { type TreeContext } from './treeContext';

interface ArtifactDetails {
  type?: string;
  reservations?: Reservation[];
  virtualMachineReservations?: Reservation[];
}

export class ArtifactNode extends ParentNode {
  static readonly contextValue = 'partnerCenter.artifact';

  constructor(
    readonly artifact: EntitledArtifact,
    id: string,
    parent: ExplorerNode,
    ctx: TreeContext,
  ) {
    super(id, ctx, parent);
  }

  protected async loadChildren(signal: AbortSignal): Promise<ChildPage> {
    if (!this.artifact.link) return { nodes: [] };
    const details = await this.ctx.client().entitlements.getArtifact<ArtifactDetails>(this.artifact.link, { signal });
    const reservations = details.reservations ?? details.virtualMachineReservations ?? [];
    return {
      nodes: reservations.map((r, i) => new ReservationNode(r, childId(this, `reservation/${r.reservationId ?? i}`), this)),
    };
  }

  getTreeItem(): vscode.TreeItem {
    const a = this.artifact;
    const item = treeItem(
      this,
      ArtifactNode,
      a.artifactType ?? 'Artifact',
      a.link ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.description = describe(String(a.dynamicAttributes?.reservationType ?? ''), a.resourceId);
    item.iconPath = new vscode.ThemeIcon('symbol-package');
    return item;
  }
}
