// The behaviour every expandable level shares, the Customers root included: children load on
// first expansion with one request, stay cached until a refresh, concurrent expansions share that
// one request, a refresh cancels a load in flight, and a failure becomes a single error node (with
// retry) that leaves siblings alone. A level the service pages ends with "Load more…" while it has
// more (as @microsoft/vscode-azext-utils' AzExtParentTreeItem does with loadMoreChildrenImpl).
import type * as vscode from 'vscode';
import { NotSignedInError } from '../connection';
import {
  ActionNode,
  emulatorNotAnswering,
  ErrorNode,
  LoadMoreNode,
  signInAction,
  START_EMULATOR_TOOLTIP,
  startEmulatorAction,
} from './messageNodes';
import { type ExplorerNode } from './node';
import { type TreeContext } from './treeContext';

/** One page of a level; a level the service does not page returns every child and no `next`. */
export interface ChildPage {
  nodes: ExplorerNode[];
  /** Where the following page starts; undefined after the last. */
  next?: string;
}

/** What one load of the level holds; a refresh replaces it, so a late answer to the old one is dropped. */
interface Level {
  /** Undefined until the first page has answered (with children or a failure). */
  children?: ExplorerNode[];
  next?: string;
  failure?: { error: unknown };
  pending?: Promise<void>;
  abort: AbortController;
}

export abstract class ParentNode implements ExplorerNode {
  private level: Level = { abort: new AbortController() };

  constructor(
    readonly id: string,
    protected readonly ctx: TreeContext,
    private readonly parent: ExplorerNode | undefined,
  ) {}

  abstract getTreeItem(): vscode.TreeItem;

  /** Fetches the page that starts at `continuation` (the first when undefined); `signal` aborts on refresh. */
  protected abstract loadChildren(signal: AbortSignal, continuation: string | undefined): Promise<ChildPage>;

  getParent(): ExplorerNode | undefined {
    return this.parent;
  }

  /** True once the first page has answered (so a refresh of this node would cost a request). */
  get isLoaded(): boolean {
    return this.level.children !== undefined;
  }

  /** The children loaded so far, without loading and without message nodes. */
  get loadedChildren(): readonly ExplorerNode[] {
    return this.level.children ?? [];
  }

  get hasMore(): boolean {
    return this.level.next !== undefined;
  }

  async getChildren(): Promise<ExplorerNode[]> {
    const level = this.level;
    await (level.children ? level.pending : this.loadNextPage());
    if (level !== this.level) return []; // refreshed meanwhile: the view asks again
    return this.present(level.children ?? [], level.failure);
  }

  /** Loads the next page (or, after a failure, the page that failed) and redraws this level. */
  async loadMore(): Promise<void> {
    const loading = this.loadNextPage();
    this.ctx.changed(this);
    await loading;
  }

  /** Forgets the children (cancelling a load in flight) and redraws this node. */
  refresh(): void {
    this.level.abort.abort();
    this.level = { abort: new AbortController() };
    this.ctx.changed(this);
  }

  /** True when the last load failed (its children are then only what loaded before the failure). */
  get loadFailed(): boolean {
    return this.level.failure !== undefined;
  }

  /**
   * The level as shown: its children, then a sign-in or error node after a failure, or "Load
   * more…" while there is more. When the emulator the connection is set to does not answer, any
   * level (not only the root) offers to start it, since the advice for a network fault, checking
   * the network and proxy, is wrong there (issue 12).
   */
  protected present(children: readonly ExplorerNode[], failure: { error: unknown } | undefined): ExplorerNode[] {
    if (failure?.error instanceof NotSignedInError) {
      return [...children, new ActionNode(this, signInAction, failure.error.message)];
    }
    const emulator = this.ctx.emulatorEndpoint();
    if (failure && emulator !== undefined && emulatorNotAnswering(failure.error)) {
      const retry = new ErrorNode(
        this,
        failure.error,
        () => this.loadMore(),
        `the local emulator does not answer at ${emulator}`,
      );
      return [
        ...children,
        new ActionNode(this, startEmulatorAction, START_EMULATOR_TOOLTIP, `nothing answers at ${emulator}`),
        retry,
      ];
    }
    if (failure) return [...children, new ErrorNode(this, failure.error, () => this.loadMore())];
    if (this.hasMore) {
      const loaded = children.length;
      const loadMore = async () => {
        await this.loadMore();
        return this.loadedChildren[loaded];
      };
      return [...children, new LoadMoreNode(this, loaded, loadMore)];
    }
    return [...children];
  }

  private loadNextPage(): Promise<void> {
    const level = this.level;
    // Concurrent requests for the same page share one call.
    if (level.pending) return level.pending;
    const { signal } = level.abort;
    level.failure = undefined;
    level.pending = this.ctx
      .withProgress(() => this.loadChildren(signal, level.next))
      .then(
        (page) => {
          level.children = [...(level.children ?? []), ...page.nodes];
          level.next = page.next;
        },
        (error: unknown) => {
          if (signal.aborted) return;
          level.children ??= [];
          level.failure = { error };
        },
      )
      .finally(() => {
        level.pending = undefined;
      });
    return level.pending;
  }
}
