// An entitlement: product and SKU, quantity and expiry; its artifacts (reservations) and the
// entitlements it includes beneath.
import * as vscode from 'vscode';
import { type Entitlement } from '../../../common/src/api';
import { ArtifactNode } from './ArtifactNode';
import { childId, type ExplorerNode } from './node';
import { describe, shortDate, treeItem } from './presentation';
import { type TreeContext } from './treeContext';

export class EntitlementNode implements ExplorerNode {
  static readonly contextValue = 'partnerCenter.entitlement';

  constructor(
    readonly entitlement: Entitlement,
    readonly id: string,
    private readonly parent: ExplorerNode,
    private readonly ctx: TreeContext,
  ) {}

  getParent(): ExplorerNode {
    return this.parent;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const e = this.entitlement;
    const artifacts = (e.entitledArtifacts ?? []).map(
      (a, i) => new ArtifactNode(a, childId(this, `artifact/${a.resourceId ?? i}`), this, this.ctx),
    );
    const included = (e.includedEntitlements ?? []).map(
      (inc, i) => new EntitlementNode(inc, childId(this, `included/${inc.productId}:${inc.skuId}:${i}`), this, this.ctx),
    );
    return [...artifacts, ...included];
  }

  getTreeItem(): vscode.TreeItem {
    const e = this.entitlement;
    const hasChildren = (e.entitledArtifacts?.length ?? 0) + (e.includedEntitlements?.length ?? 0) > 0;
    const item = treeItem(
      this,
      EntitlementNode,
      `${e.productId ?? 'Product'} / ${e.skuId ?? 'SKU'}`,
      hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
    );
    item.description = describe(
      e.entitlementType,
      e.quantity !== undefined && `×${e.quantity}`,
      e.expiryDate && `expires ${shortDate(e.expiryDate)}`,
    );
    item.iconPath = new vscode.ThemeIcon(e.entitlementType?.toLowerCase().includes('reserved') ? 'server' : 'verified');
    item.tooltip = new vscode.MarkdownString(
      `**${e.productId} / ${e.skuId}**\n\n- Type: ${e.entitlementType ?? '—'}\n- Quantity: ${e.quantity ?? '—'}\n- Expires: ${e.expiryDate ?? '—'}\n- Fulfilment: ${e.fulfillmentState ?? '—'}` +
        (e.referenceOrder?.id ? `\n- Order: \`${e.referenceOrder.id}\`, line ${e.referenceOrder.lineItemId ?? '—'}` : ''),
    );
    return item;
  }
}
