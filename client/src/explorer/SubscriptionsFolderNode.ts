// "Subscriptions" under a customer: one request, every subscription.
import { FolderNode } from './FolderNode';
import { SubscriptionNode } from './SubscriptionNode';

export class SubscriptionsFolderNode extends FolderNode {
  static override readonly contextValue = 'partnerCenter.subscriptionsFolder';
  static override readonly look = { key: 'subscriptions', label: 'Subscriptions', icon: 'versions' };

  protected async list(signal: AbortSignal): Promise<SubscriptionNode[]> {
    return (await this.ctx.client().subscriptions.list(this.customerId, { signal })).map(
      (subscription) => new SubscriptionNode(subscription, this, this.ctx),
    );
  }
}
