// "Orders" under a customer: one request lists them all (the service does not page orders),
// newest first; pending ones are followed until they settle.
import { type CustomerNode } from './CustomerNode';
import { FolderNode } from './FolderNode';
import { type ExplorerNode } from './node';
import { OrderNode } from './OrderNode';
import { type TreeContext } from './treeContext';

export class OrdersFolderNode extends FolderNode {
  static readonly contextValue = 'partnerCenter.ordersFolder';

  constructor(customer: CustomerNode, ctx: TreeContext) {
    super(customer, ctx, { key: 'orders', label: 'Orders', icon: 'package', contextValue: OrdersFolderNode.contextValue });
  }

  protected async loadChildren(signal: AbortSignal): Promise<ExplorerNode[]> {
    const orders = await this.ctx.client().orders.list(this.customer.customer.id, { signal });
    orders.sort((a, b) => (b.creationDate ?? '').localeCompare(a.creationDate ?? ''));
    const nodes = orders.map((order) => new OrderNode(order, this, this.ctx));
    nodes.forEach((node) => this.ctx.poller.follow(node));
    return nodes;
  }
}
