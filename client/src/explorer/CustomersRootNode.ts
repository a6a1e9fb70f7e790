// The Customers view's root level: customers page by page from Partner Center (optionally filtered
// by the service's starts_with on company name or domain). Not signed in at all, it is empty so the
// view shows its welcome content; when the emulator it is set to does not answer, it offers to
// start the bundled one.
import * as vscode from 'vscode';
import { type CustomerFilterField } from '../../../common/src/api';
import { NotSignedInError, type PartnerCenterConnection } from '../connection';
import { config } from '../config';
import { CustomerNode } from './CustomerNode';
import { ActionNode, partnerCenterError, START_EMULATOR_TOOLTIP, startEmulatorAction } from './messageNodes';
import { type ExplorerNode } from './node';
import { type ChildPage, ParentNode } from './ParentNode';
import { treeItem } from './presentation';
import { type TreeContext } from './treeContext';

export interface CustomerFilter {
  field: CustomerFilterField;
  value: string;
}

export class CustomersRootNode extends ParentNode {
  static readonly contextValue = 'partnerCenter.customers';
  private filterValue: CustomerFilter | undefined;

  constructor(
    private readonly connection: PartnerCenterConnection,
    ctx: TreeContext,
  ) {
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
    const shown = super.present(children, failure);
    const { environment, endpoint } = this.connection.current;
    if (environment === 'emulator' && children.length === 0 && partnerCenterError(failure?.error)?.kind === 'network') {
      return [new ActionNode(this, startEmulatorAction, START_EMULATOR_TOOLTIP, `nothing answers at ${endpoint}`), ...shown];
    }
    return shown;
  }

  /** The view shows the root's children, never the root itself. */
  getTreeItem(): vscode.TreeItem {
    return treeItem(this, CustomersRootNode, 'Customers', vscode.TreeItemCollapsibleState.Expanded);
  }
}
