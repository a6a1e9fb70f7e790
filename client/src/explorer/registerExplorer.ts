// Creates the Customers view, its JSON documents and the commands that act on its nodes.
import * as vscode from 'vscode';
import { type PartContext } from '../partContext';
import { CustomerNode } from './CustomerNode';
import { CUSTOMERS_VIEW_ID, type CustomerFilter, CustomersTreeProvider } from './CustomersTreeProvider';
import { type ErrorNode, type LoadMoreNode } from './messageNodes';
import { openNewOrderDocument } from './newOrderDocument';
import { type ExplorerNode } from './node';
import { OrderNode } from './OrderNode';
import { isResourceNode } from './resourceNode';
import { RESOURCE_SCHEME, ResourceDocumentProvider, resourceDocumentUri } from './resourceDocuments';
import { SubscriptionNode } from './SubscriptionNode';

export interface Explorer {
  provider: CustomersTreeProvider;
  view: vscode.TreeView<ExplorerNode>;
  /** The customer selected in the view (or owning the selected node), for pickers that offer it first. */
  selectedCustomerId(): string | undefined;
  /** Shows an order in the view (loading what it must) and follows it until it settles. */
  revealOrder(customerId: string, orderId: string): Promise<OrderNode | undefined>;
  revealSubscription(customerId: string, subscriptionId: string): Promise<SubscriptionNode | undefined>;
}

const filterFields = [
  { label: 'Company name', field: 'CompanyName' as const, description: 'starts with…' },
  { label: 'Domain', field: 'Domain' as const, description: 'starts with…' },
];

function describeFilter(filter: CustomerFilter | undefined): string | undefined {
  if (!filter) return undefined;
  return `${filter.field === 'Domain' ? 'domain' : 'name'} starts with "${filter.value}"`;
}

function customerOf(node: ExplorerNode | undefined): CustomerNode | undefined {
  for (let n = node; n; n = n.getParent?.()) if (n instanceof CustomerNode) return n;
  return undefined;
}

export function registerExplorer(ctx: PartContext): Explorer {
  const { extensionContext: context, connection, log } = ctx;
  const provider = new CustomersTreeProvider(connection, log);
  const view = vscode.window.createTreeView(CUSTOMERS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  const documents = new ResourceDocumentProvider(connection);
  const describeView = () => {
    view.description = [connection.current.label, describeFilter(provider.filter)].filter(Boolean).join(' · ');
    void vscode.commands.executeCommand('setContext', 'partnerCenter.customersFiltered', provider.filter !== undefined);
  };
  describeView();

  async function findCustomer(customerId: string): Promise<CustomerNode | undefined> {
    await provider.getChildren();
    // The customer may be on a page not loaded yet: load pages until it shows (bounded).
    for (let pages = 0; pages < 25; pages++) {
      const found = provider.customers.find((c) => c.customer.id === customerId);
      if (found || !provider.hasMore) return found;
      await provider.loadMore();
    }
    return undefined;
  }

  async function revealOrder(customerId: string, orderId: string): Promise<OrderNode | undefined> {
    const customer = await findCustomer(customerId);
    if (!customer) return undefined;
    if (customer.orders.isLoaded) customer.orders.refresh();
    const order = (await customer.orders.getChildren()).find(
      (n): n is OrderNode => n instanceof OrderNode && n.order.id === orderId,
    );
    if (!order) return undefined;
    provider.poller.follow(order);
    if (view.visible) await view.reveal(order, { select: true, focus: false, expand: false });
    return order;
  }

  async function revealSubscription(customerId: string, subscriptionId: string): Promise<SubscriptionNode | undefined> {
    const customer = await findCustomer(customerId);
    if (!customer) return undefined;
    const find = async () =>
      (await customer.subscriptions.getChildren()).find(
        (n): n is SubscriptionNode => n instanceof SubscriptionNode && n.subscription.id === subscriptionId,
      );
    let node = await find();
    if (!node && customer.subscriptions.isLoaded) {
      customer.subscriptions.refresh(); // provisioned after the folder was loaded
      node = await find();
    }
    if (node && view.visible) await view.reveal(node, { select: true, focus: true });
    return node;
  }

  context.subscriptions.push(
    provider,
    view,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(RESOURCE_SCHEME, documents),
    connection.onDidChange(() => {
      describeView();
      provider.refresh();
    }),
    vscode.commands.registerCommand('partnerCenter.refreshExplorer', (node?: ExplorerNode) => provider.refresh(node)),
    vscode.commands.registerCommand('partnerCenter.cancelLoading', () => provider.cancelLoading()),
    vscode.commands.registerCommand('partnerCenter.loadMore', (node: LoadMoreNode) => node.load()),
    vscode.commands.registerCommand('partnerCenter.retry', (node: ErrorNode) => node.retry()),
    vscode.commands.registerCommand('partnerCenter.filterCustomers', async (field?: CustomerFilter['field'], value?: string) => {
      if (!field) field = (await vscode.window.showQuickPick(filterFields, { title: 'Filter customers by' }))?.field;
      if (!field) return;
      if (value === undefined) {
        value = await vscode.window.showInputBox({
          title: 'Filter customers',
          prompt: `Customers whose ${field === 'Domain' ? 'domain' : 'company name'} starts with`,
          value: provider.filter?.value,
        });
      }
      if (value === undefined) return;
      provider.setFilter({ field, value });
      describeView();
    }),
    vscode.commands.registerCommand('partnerCenter.clearCustomerFilter', () => {
      provider.setFilter(undefined);
      describeView();
    }),
    vscode.commands.registerCommand('partnerCenter.copyId', async (node?: ExplorerNode) => {
      const target = node ?? view.selection[0];
      if (isResourceNode(target)) await vscode.env.clipboard.writeText(target.resourceId);
    }),
    vscode.commands.registerCommand('partnerCenter.openJson', async (node?: ExplorerNode) => {
      const target = node ?? view.selection[0];
      if (!isResourceNode(target)) return;
      const document = await vscode.workspace.openTextDocument(resourceDocumentUri(target.apiPath));
      await vscode.window.showTextDocument(document, { preview: true });
    }),
    vscode.commands.registerCommand('partnerCenter.refreshDocument', (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (target?.scheme === RESOURCE_SCHEME) documents.refresh(target);
    }),
    vscode.commands.registerCommand('partnerCenter.newOrderForCustomer', async (node?: ExplorerNode) => {
      const customer = customerOf(node ?? view.selection[0]);
      if (!customer) {
        void vscode.window.showInformationMessage('Select a customer in the Partner Center view first.');
        return;
      }
      await openNewOrderDocument(context.extensionUri, customer.customer);
    }),
    vscode.commands.registerCommand('partnerCenter.revealSubscription', (customerId: string, subscriptionId: string) =>
      revealSubscription(customerId, subscriptionId),
    ),
  );
  return {
    provider,
    view,
    selectedCustomerId: () => customerOf(view.selection[0])?.customer.id,
    revealOrder,
    revealSubscription,
  };
}
