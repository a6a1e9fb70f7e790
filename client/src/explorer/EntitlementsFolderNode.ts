// "Entitlements" under a customer: software and reserved-instance entitlements, with expiry dates,
// named by their SKU titles from the customer's catalog (issue 12).
import { type Entitlement } from '../../../common/src/api';
import { skuTitles } from './skuTitles';
import { EntitlementNode } from './EntitlementNode';
import { FolderNode } from './FolderNode';
import { childId } from './node';

export class EntitlementsFolderNode extends FolderNode {
  static override readonly contextValue = 'partnerCenter.entitlementsFolder';
  static override readonly look = { key: 'entitlements', label: 'Entitlements', icon: 'verified' };

  protected async list(signal: AbortSignal): Promise<EntitlementNode[]> {
    const client = this.ctx.client();
    const entitlements = await client.entitlements.list(this.customerId, { showExpiry: true, signal });
    const withIncluded = (list: readonly Entitlement[]): Entitlement[] =>
      list.flatMap((e) => [e, ...withIncluded(e.includedEntitlements ?? [])]);
    const names = await skuTitles(client, this.customerId, withIncluded(entitlements), signal);
    // Entitlements have no id of their own: the order line that created them identifies them.
    return entitlements.map(
      (e, index) =>
        new EntitlementNode(
          e,
          childId(this, `${e.referenceOrder?.id ?? 'order'}/${e.referenceOrder?.lineItemId ?? index}/${e.productId}:${e.skuId}`),
          this,
          this.ctx,
          names,
        ),
    );
  }
}
