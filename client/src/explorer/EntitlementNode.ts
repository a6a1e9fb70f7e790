// An entitlement: its SKU's catalog title when known (else product and SKU ids), quantity and expiry, marked
// expired once its expiry date has passed; its artifacts (reservations) and the entitlements it
// includes beneath.
import * as vscode from 'vscode';
import { type Entitlement } from '../../../common/src/api';
import { ArtifactNode } from './ArtifactNode';
import { childId, type ExplorerNode } from './node';
import { describe, shortDate, statusIcon, treeItem } from './presentation';
import { type TreeContext } from './treeContext';

export class EntitlementNode implements ExplorerNode {
  static readonly contextValue = 'partnerCenter.entitlement';

  constructor(
    readonly entitlement: Entitlement,
    readonly id: string,
    private readonly parent: ExplorerNode,
    private readonly ctx: TreeContext,
    /** SKU titles from the catalog, by `productId:skuId`. */
    private readonly titles: ReadonlyMap<string, string> = new Map(),
  ) {}

  /** The SKU's catalog title (it names the product, and for a reservation its size, region and term), else the ids. */
  get title(): string {
    const e = this.entitlement;
    return this.titles.get(`${e.productId}:${e.skuId}`) ?? `${e.productId ?? 'Product'} / ${e.skuId ?? 'SKU'}`;
  }

  get isExpired(): boolean {
    const expiry = this.entitlement.expiryDate ? Date.parse(this.entitlement.expiryDate) : NaN;
    return !Number.isNaN(expiry) && expiry < Date.now();
  }

  getParent(): ExplorerNode {
    return this.parent;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const e = this.entitlement;
    const artifacts = (e.entitledArtifacts ?? []).map(
      (a, i) => new ArtifactNode(a, childId(this, `artifact/${a.resourceId ?? i}`), this, this.ctx),
    );
    const included = (e.includedEntitlements ?? []).map(
      (inc, i) =>
        new EntitlementNode(inc, childId(this, `included/${inc.productId}:${inc.skuId}:${i}`), this, this.ctx, this.titles),
    );
    return [...artifacts, ...included];
  }

  getTreeItem(): vscode.TreeItem {
    const e = this.entitlement;
    const hasChildren = (e.entitledArtifacts?.length ?? 0) + (e.includedEntitlements?.length ?? 0) > 0;
    const item = treeItem(
      this,
      EntitlementNode,
      this.title,
      hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None,
      this.isExpired ? 'partnerCenter.expired' : 'partnerCenter.current',
    );
    const expired = this.isExpired;
    item.description = describe(
      e.entitlementType,
      e.quantity !== undefined && `×${e.quantity}`,
      e.expiryDate && `${expired ? 'expired' : 'expires'} ${shortDate(e.expiryDate)}`,
    );
    item.iconPath = expired
      ? statusIcon('expired', 'history')
      : new vscode.ThemeIcon(e.entitlementType?.toLowerCase().includes('reserved') ? 'server' : 'verified');
    item.tooltip = new vscode.MarkdownString(
      `**${this.title}**${expired ? ' (expired)' : ''}\n\n- Product id: \`${e.productId ?? '—'}\`\n- SKU id: \`${e.skuId ?? '—'}\`\n- Type: ${e.entitlementType ?? '—'}\n- Quantity: ${e.quantity ?? '—'}\n- Expires: ${e.expiryDate ?? '—'}\n- Fulfilment: ${e.fulfillmentState ?? '—'}` +
        (e.referenceOrder?.id ? `\n- Order: \`${e.referenceOrder.id}\`, line ${e.referenceOrder.lineItemId ?? '—'}` : ''),
    );
    return item;
  }
}
