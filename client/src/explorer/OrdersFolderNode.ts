// "Orders" under a customer: one request lists them all, newest first.
import { FolderNode } from './FolderNode';
import { OrderNode } from './OrderNode';

export class OrdersFolderNode extends FolderNode {
  static override readonly contextValue = 'partnerCenter.ordersFolder';
  static override readonly look = { key: 'orders', label: 'Orders', icon: 'package' };

  protected async list(signal: AbortSignal): Promise<OrderNode[]> {
    const orders = await this.ctx.client().orders.list(this.customerId, { signal });
    orders.sort((a, b) => (b.creationDate ?? '').localeCompare(a.creationDate ?? ''));
    return orders.map((order) => new OrderNode(order, this, this.ctx));
  }
}
