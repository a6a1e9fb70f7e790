// Keeps pending orders and subscriptions live in the tree. The schedule is the shared follower's
// (common/src/follow): each resource is read at the configured interval, backing off ×1.5 to at
// most a minute, until resourceStatus.ts calls it settled. The run command follows the orders it
// places through the same follower, so an order both watch is read once per turn, by the node
// (which redraws). The API client's limiter keeps all of it under the documented per-tenant rate.
import { type FollowHandle, type FollowTimers, StatusFollower } from '../../../common/src/follow/statusFollower';
import { isPendingStatus } from '../../../common/src/follow/resourceStatus';
import { type ExplorerNode } from './node';

export interface PollableNode extends ExplorerNode {
  /** Where the resource is read again (`/customers/{c}/orders/{o}`): the key the follower shares. */
  readonly apiPath: string;
  /** The resource's status as last read (Partner Center's own word). */
  readonly status: string | undefined;
  /** Fetches the resource again; resolves true when what the node shows changed. */
  poll(signal: AbortSignal): Promise<boolean>;
}

const MAX_DELAY_MS = 60_000;

export const systemTimers: FollowTimers = {
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
  now: () => Date.now(),
};

export class Poller {
  private readonly watching = new Map<string, { node: PollableNode; handle: FollowHandle }>();

  constructor(
    private readonly intervalMs: () => number,
    private readonly redraw: (node: ExplorerNode) => void,
    private readonly onError: (node: PollableNode, err: unknown) => void,
    /** Shared with the run command, which follows the orders it places. */
    readonly follower = new StatusFollower(systemTimers),
  ) {}

  /** Starts following `node` unless it has settled; a node with the same id replaces the older one. */
  follow(node: PollableNode): void {
    const interval = this.intervalMs();
    this.watching.get(node.id)?.handle.dispose();
    this.watching.delete(node.id);
    if (interval <= 0 || !isPendingStatus(node.status)) return;
    const current = () => this.watching.get(node.id)?.node === node;
    const handle = this.follower.follow(node.apiPath, {
      readsForView: true,
      firstDelayMs: interval,
      maxDelayMs: MAX_DELAY_MS,
      read: async (signal) => {
        const changed = await node.poll(signal);
        if (changed && current()) this.redraw(node);
        return node.status;
      },
      onError: (err) => {
        if (current()) this.onError(node, err);
      },
      onDone: () => {
        if (current()) this.watching.delete(node.id);
      },
    });
    this.watching.set(node.id, { node, handle });
  }

  /** Ids currently followed, for tests and the log. */
  get followed(): string[] {
    return [...this.watching.keys()];
  }

  /** Stops following every node (refresh of the whole view, sign-out, dispose); the run command's follow-ups go on. */
  clear(): void {
    for (const { handle } of this.watching.values()) handle.dispose();
    this.watching.clear();
  }

  dispose(): void {
    this.clear();
    this.follower.dispose();
  }
}
