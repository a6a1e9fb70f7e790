// "Entitlements" under a customer: software and reserved-instance entitlements, with expiry dates.
import { type CustomerNode } from './CustomerNode';
import { EntitlementNode } from './EntitlementNode';
import { FolderNode } from './FolderNode';
import { type ExplorerNode } from './node';
import { type TreeContext } from './treeContext';

export class EntitlementsFolderNode extends FolderNode {
  static readonly contextValue = 'partnerCenter.entitlementsFolder';

  constructor(customer: CustomerNode, ctx: TreeContext) {
    super(customer, ctx, { key: 'entitlements', label: 'Entitlements', icon: 'verified', contextValue: EntitlementsFolderNode.contextValue });
  }

  protected async loadChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    const entitlements = await this.ctx.client().entitlements.list(this.customer.customer.id, { showExpiry: true, signal });
    // Entitlements have no id of their own: the order line that created them identifies them.
    return entitlements.map((e, index) => new EntitlementNode(e, `${this.id}/${e.referenceOrder?.id ?? 'order'}/${e.referenceOrder?.lineItemId ?? index}/${e.productId}:${e.skuId}`, this, this.ctx));
  }
}
