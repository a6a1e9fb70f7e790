// The Customers view's root level: customers page by page from Partner Center (optionally filtered
// by the service's starts_with on company name or domain). Not signed in at all, it is empty so the
// view shows its welcome content; a filter that matches nobody says so and offers to clear it
// (an empty level would show the sign-in welcome instead, issue 12).
import * as vscode from 'vscode';
import { type CustomerFilterField } from '../../../common/src/api';
import { NotSignedInError } from '../connection';
import { config } from '../config';
import { CustomerNode } from './CustomerNode';
import { ActionNode, clearFilterAction } from './messageNodes';
import { type ExplorerNode } from './node';
import { type ChildPage, ParentNode } from './ParentNode';
import { treeItem } from './presentation';
import { type TreeContext } from './treeContext';

export interface CustomerFilter {
  field: CustomerFilterField;
  value: string;
}

/** How a filter's field is named in sentences ("company name starts with…"). */
export const filterFieldWords: Record<CustomerFilterField, string> = {
  CompanyName: 'company name',
  Domain: 'domain',
  IndirectReseller: 'indirect reseller',
  IndirectCloudSolutionProvider: 'indirect provider',
};

export class CustomersRootNode extends ParentNode {
  static readonly contextValue = 'partnerCenter.customers';
  private filterValue: CustomerFilter | undefined;

  constructor(ctx: TreeContext) {
    super('', ctx, undefined);
  }

  get filter(): CustomerFilter | undefined {
    return this.filterValue;
  }

  /** Takes effect on the next load (a refresh); an empty value is no filter. */
  set filter(filter: CustomerFilter | undefined) {
    this.filterValue = filter && filter.value.trim() !== '' ? { field: filter.field, value: filter.value.trim() } : undefined;
  }

  /** Customers loaded so far. */
  get customers(): readonly CustomerNode[] {
    return this.loadedChildren as CustomerNode[];
  }

  protected async loadChildren(signal: AbortSignal, continuation: string | undefined): Promise<ChildPage> {
    const page = await this.ctx
      .client()
      .customers.listPage({ size: config.explorer.pageSize, filter: this.filterValue, signal }, continuation);
    return {
      nodes: page.items.map((customer) => new CustomerNode(customer, this, this.ctx)),
      next: page.hasMore ? page.next : undefined,
    };
  }

  protected override present(children: readonly ExplorerNode[], failure: { error: unknown } | undefined): ExplorerNode[] {
    // Not signed in at all: an empty view shows the welcome content (sign in, or try the emulator).
    if (failure?.error instanceof NotSignedInError) return [];
    const filter = this.filterValue;
    if (filter && children.length === 0 && !failure) {
      const label = `No customers whose ${filterFieldWords[filter.field]} starts with "${filter.value}"`;
      return [
        new ActionNode(
          this,
          { ...clearFilterAction, label },
          'Click to clear the filter and list every customer.',
          'Clear filter',
        ),
      ];
    }
    return super.present(children, failure);
  }

  /** The view shows the root's children, never the root itself. */
  getTreeItem(): vscode.TreeItem {
    return treeItem(this, CustomersRootNode, 'Customers', vscode.TreeItemCollapsibleState.Expanded);
  }
}
