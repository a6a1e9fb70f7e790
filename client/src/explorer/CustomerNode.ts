// A customer: company name, domain as description, ids and relationship in the tooltip.
import * as vscode from 'vscode';
import { type Customer } from '../../../common/src/api';
import { type ExplorerNode } from './node';

export class CustomerNode implements ExplorerNode {
  static readonly contextValue = 'partnerCenter.customer';
  readonly id: string;

  constructor(readonly customer: Customer) {
    this.id = `customer/${customer.id}`;
  }

  getTreeItem(): vscode.TreeItem {
    const profile = this.customer.companyProfile;
    const item = new vscode.TreeItem(profile?.companyName ?? this.customer.id);
    item.id = this.id;
    item.description = profile?.domain;
    item.iconPath = new vscode.ThemeIcon('organization');
    item.contextValue = CustomerNode.contextValue;
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
