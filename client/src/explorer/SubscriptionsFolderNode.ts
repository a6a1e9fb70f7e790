// "Subscriptions" under a customer: one request, every subscription (the service does not page them).
import { type CustomerNode } from './CustomerNode';
import { FolderNode } from './FolderNode';
import { type ExplorerNode } from './node';
import { SubscriptionNode } from './SubscriptionNode';
import { type TreeContext } from './treeContext';

export class SubscriptionsFolderNode extends FolderNode {
  static readonly contextValue = 'partnerCenter.subscriptionsFolder';

  constructor(customer: CustomerNode, ctx: TreeContext) {
    super(customer, ctx, { key: 'subscriptions', label: 'Subscriptions', icon: 'versions', contextValue: SubscriptionsFolderNode.contextValue });
  }

  protected async loadChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    const subscriptions = await this.ctx.client().subscriptions.list(this.customer.customer.id, { signal });
    const nodes = subscriptions.map((s) => new SubscriptionNode(s, this, this.ctx));
    nodes.forEach((node) => this.ctx.poller.follow(node));
    return nodes;
  }
}
