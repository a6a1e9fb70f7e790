// Keeps pending orders and subscriptions live: each is polled on its own schedule that starts at
// the configured interval and backs off (×1.5, at most a minute) until it settles, so a slow
// provisioning costs ever fewer requests. The API client's limiter keeps all of it under the
// documented per-tenant rate. Only a node whose state changed is redrawn.
import { type ExplorerNode } from './node';

export interface PollableNode extends ExplorerNode {
  /** True when there is nothing left to wait for (completed, cancelled, active...). */
  isSettled(): boolean;
  /** Fetches the resource again; resolves true when what the node shows changed. */
  poll(signal: AbortSignal): Promise<boolean>;
}

interface Entry {
  node: PollableNode;
  delayMs: number;
  timer: NodeJS.Timeout;
}

const MAX_DELAY_MS = 60_000;

export class Poller {
  private readonly entries = new Map<string, Entry>();
  private abort = new AbortController();

  constructor(private readonly intervalMs: () => number, private readonly redraw: (node: ExplorerNode) => void, private readonly onError: (node: PollableNode, err: unknown) => void) {}

  /** Starts following `node` unless it has settled; a node with the same id replaces the older one. */
  follow(node: PollableNode): void {
    const interval = this.intervalMs();
    const existing = this.entries.get(node.id);
    if (existing) clearTimeout(existing.timer);
    this.entries.delete(node.id);
    if (interval <= 0 || node.isSettled()) return;
    this.schedule(node, interval);
  }

  /** Ids currently followed, for tests and the log. */
  get followed(): string[] {
    return [...this.entries.keys()];
  }

  private schedule(node: PollableNode, delayMs: number): void {
    const timer = setTimeout(() => void this.tick(node, delayMs), delayMs);
    this.entries.set(node.id, { node, delayMs, timer });
  }

  private async tick(node: PollableNode, delayMs: number): Promise<void> {
    if (this.entries.get(node.id)?.node !== node) return; // replaced or stopped meanwhile
    const signal = this.abort.signal;
    try {
      const changed = await node.poll(signal);
      if (signal.aborted || this.entries.get(node.id)?.node !== node) return;
      if (changed) this.redraw(node);
    } catch (err) {
      if (signal.aborted) return;
      this.onError(node, err);
    }
    if (node.isSettled()) {
      this.entries.delete(node.id);
      return;
    }
    this.schedule(node, Math.min(MAX_DELAY_MS, Math.round(delayMs * 1.5)));
  }

  /** Stops following everything (refresh of the whole view, sign-out, dispose). */
  clear(): void {
    this.abort.abort();
    this.abort = new AbortController();
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
    this.entries.clear();
  }

  dispose(): void {
    this.clear();
  }
}
