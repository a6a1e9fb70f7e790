// A customer: company name, domain as description, ids and relationship in the tooltip. Its three
// folders cost nothing to show; each loads on its own expansion.
import * as vscode from 'vscode';
import { type Customer } from '../../../common/src/api';
import { EntitlementsFolderNode } from './EntitlementsFolderNode';
import { childId, type ExplorerNode } from './node';
import { OrdersFolderNode } from './OrdersFolderNode';
import { type ChildPage, ParentNode } from './ParentNode';
import { treeItem } from './presentation';
import { type ResourceNode } from './resourceNode';
import { SubscriptionsFolderNode } from './SubscriptionsFolderNode';
import { type TreeContext } from './treeContext';

export class CustomerNode extends ParentNode implements ResourceNode {
  static readonly contextValue = 'partnerCenter.customer';
  readonly orders: OrdersFolderNode;
  readonly subscriptions: SubscriptionsFolderNode;
  readonly entitlements: EntitlementsFolderNode;

  constructor(
    readonly customer: Customer,
    parent: ExplorerNode,
    ctx: TreeContext,
  ) {
    super(childId(parent, `customer/${customer.id}`), ctx, parent);
    this.orders = new OrdersFolderNode(this, ctx);
    this.subscriptions = new SubscriptionsFolderNode(this, ctx);
    this.entitlements = new EntitlementsFolderNode(this, ctx);
  }

  get resourceId(): string {
    return this.customer.id;
  }

  get apiPath(): string {
    return `/customers/${this.customer.id}`;
  }

  get documentTitle(): string {
    return this.customer.companyProfile?.companyName ?? this.customer.id;
  }

  protected async loadChildren(): Promise<ChildPage> {
    return { nodes: [this.orders, this.subscriptions, this.entitlements] };
  }

  getTreeItem(): vscode.TreeItem {
    const profile = this.customer.companyProfile;
    const item = treeItem(
      this,
      CustomerNode,
      profile?.companyName ?? this.customer.id,
      vscode.TreeItemCollapsibleState.Collapsed,
      'partnerCenter.resource',
    );
    item.description = profile?.domain;
    item.iconPath = new vscode.ThemeIcon('organization');
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**${profile?.companyName ?? 'Customer'}**\n\n`);
    tooltip.appendMarkdown(`- Customer id: \`${this.customer.id}\`\n`);
    if (profile?.tenantId) tooltip.appendMarkdown(`- Tenant id: \`${profile.tenantId}\`\n`);
    if (profile?.domain) tooltip.appendMarkdown(`- Domain: ${profile.domain}\n`);
    if (this.customer.relationshipToPartner) tooltip.appendMarkdown(`- Relationship: ${this.customer.relationshipToPartner}\n`);
    item.tooltip = tooltip;
    return item;
  }
}
