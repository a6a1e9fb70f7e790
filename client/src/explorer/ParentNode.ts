// The behaviour every expandable node shares: children load on first expansion with one request,
// stay cached until a refresh, concurrent expansions share that one request, a refresh cancels a
// load in flight, and a failure becomes a single error node (with retry) that leaves siblings alone.
import type * as vscode from 'vscode';
import { NotSignedInError } from '../connection';
import { ErrorNode, SignInNode } from './messageNodes';
import { type ExplorerNode } from './node';
import { type TreeContext } from './treeContext';

export abstract class ParentNode implements ExplorerNode {
  private children: ExplorerNode[] | undefined;
  private pending: Promise<ExplorerNode[]> | undefined;
  private abort: AbortController | undefined;

  constructor(readonly id: string, protected readonly ctx: TreeContext, private readonly parent: ExplorerNode | undefined) {}

  abstract getTreeItem(): vscode.TreeItem;

  /** Fetches the children; `signal` aborts when the node is refreshed meanwhile. */
  protected abstract loadChildren(signal: AbortSignal): Promise<ExplorerNode[]>;

  getParent(): ExplorerNode | undefined {
    return this.parent;
  }

  /** True once children are cached (so a refresh of this node would cost a request). */
  get isLoaded(): boolean {
    return this.children !== undefined;
  }

  /** The cached children, without loading. */
  get loadedChildren(): readonly ExplorerNode[] {
    return this.children ?? [];
  }

  getChildren(): Promise<ExplorerNode[]> {
    if (this.children) return Promise.resolve(this.children);
    if (this.pending) return this.pending;
    const abort = new AbortController();
    this.abort = abort;
    const load = this.ctx
      .withProgress(() => this.loadChildren(abort.signal))
      .catch((err: unknown): ExplorerNode[] => {
        if (err instanceof NotSignedInError) return [new SignInNode(err.message)];
        return [new ErrorNode(this.id, err, () => this.refresh())];
      })
      .then((children) => {
        if (this.abort !== abort) return []; // refreshed meanwhile: the view asks again
        this.children = children;
        this.pending = undefined;
        return children;
      });
    this.pending = load;
    return load;
  }

  /** Forgets the children (cancelling a load in flight) and redraws this node. */
  refresh(): void {
    this.abort?.abort();
    this.abort = undefined;
    this.children = undefined;
    this.pending = undefined;
    this.ctx.changed(this);
  }
}
