// Creates the Customers view, its JSON documents and the commands that act on its nodes.
import * as vscode from 'vscode';
import { type PartContext } from '../partContext';
import { CustomerNode } from './CustomerNode';
import { askCustomerFilter, describeFilter, showFilterOnView } from './customerFilterUi';
import { CUSTOMERS_VIEW_ID, CustomersTreeProvider } from './CustomersTreeProvider';
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
  /** `explain`: the person asked to see the order, so say why when it cannot be shown. */
  revealOrder(customerId: string, orderId: string, options?: { explain?: boolean }): Promise<OrderNode | undefined>;
  revealSubscription(customerId: string, subscriptionId: string): Promise<SubscriptionNode | undefined>;
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
  const describeView = () => showFilterOnView(view, connection.current.label, provider.filter, connection.current.signedIn);
  describeView();
  // The palette offers Open as JSON, Copy ID and New Order for the selected node (issue 12).
  const describeSelection = () => {
    const selected = view.selection[0];
    void vscode.commands.executeCommand('setContext', 'partnerCenter.resourceSelected', isResourceNode(selected));
    void vscode.commands.executeCommand('setContext', 'partnerCenter.customerSelected', customerOf(selected) !== undefined);
  };

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

  /** Says that the filter hides an order's customer, and offers to clear it and show the order. */
  async function offerToShowHidden(customerId: string, orderId: string): Promise<void> {
    const filter = provider.filter;
    if (!filter) return;
    const show = 'Clear Filter and Show Order';
    const choice = await vscode.window.showInformationMessage(
      `Partner Center: order ${orderId} is not shown in the Customers view: its filter (${describeFilter(filter)}) hides customer ${customerId}.`,
      show,
    );
    if (choice !== show) return;
    provider.setFilter(undefined);
    describeView();
    await vscode.commands.executeCommand(`${CUSTOMERS_VIEW_ID}.focus`);
    await revealOrder(customerId, orderId);
  }

  async function revealOrder(
    customerId: string,
    orderId: string,
    options: { explain?: boolean } = {},
  ): Promise<OrderNode | undefined> {
    const notFound = () => {
      if (options.explain) {
        void vscode.window.showWarningMessage(
          `Partner Center: order ${orderId} was not found under its customer in the explorer.`,
        );
      }
      return undefined;
    };
    const customer = await findCustomer(customerId);
    if (!customer) {
      // A filter that hides the customer would otherwise hide the order without a word (issue 12).
      if (provider.filter) {
        void offerToShowHidden(customerId, orderId);
        return undefined;
      }
      return notFound();
    }
    if (customer.orders.isLoaded) customer.orders.refresh();
    const order = (await customer.orders.getChildren()).find(
      (n): n is OrderNode => n instanceof OrderNode && n.order.id === orderId,
    );
    if (!order) return notFound();
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
    view.onDidChangeSelection(describeSelection),
    // The title bar's Refresh is handed the selected node: it refreshes the whole view whatever it
    // is given; a node's own Refresh (inline, context menu) is refreshNode (issue 12).
    vscode.commands.registerCommand('partnerCenter.refreshExplorer', () => provider.refresh()),
    vscode.commands.registerCommand('partnerCenter.refreshNode', (node?: ExplorerNode) =>
      provider.refresh(node ?? view.selection[0]),
    ),
    vscode.commands.registerCommand('partnerCenter.cancelLoading', () => provider.cancelLoading()),
    vscode.commands.registerCommand('partnerCenter.loadMore', async (node: LoadMoreNode) => {
      const first = await node.load();
      // The row that had focus is gone: focus moves to the first row the page added (issue 12).
      if (first && view.visible) await view.reveal(first, { select: true, focus: true });
    }),
    vscode.commands.registerCommand('partnerCenter.retry', (node: ErrorNode) => node.retry()),
    vscode.commands.registerCommand('partnerCenter.filterCustomers', async (field?: unknown, value?: unknown) => {
      const filter = await askCustomerFilter(provider.filter, field, value);
      if (!filter) return;
      provider.setFilter(filter);
      describeView();
    }),
    vscode.commands.registerCommand('partnerCenter.clearCustomerFilter', () => {
      provider.setFilter(undefined);
      describeView();
    }),
    vscode.commands.registerCommand('partnerCenter.copyId', async (node?: ExplorerNode) => {
      const target = node ?? view.selection[0];
      if (!isResourceNode(target)) return;
      await vscode.env.clipboard.writeText(target.resourceId);
      // Copying is otherwise silent: say what went to the clipboard (issue 12).
      vscode.window.setStatusBarMessage(`$(copy) Copied id ${target.resourceId} to the clipboard`, 5000);
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
