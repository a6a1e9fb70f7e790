// Follows orders and subscriptions the service is still working on until they settle (see
// resourceStatus.ts), each on its own schedule that starts at the first watcher's delay and backs
// off ×1.5, so a slow provisioning costs ever fewer requests. A resource is keyed by its API path:
// when the run command (after a send) and the explorer (showing the order) both watch it, it is
// read once per turn and both hear the answer. The read that also redraws a view is the one used.
import { isPendingStatus } from './resourceStatus';

export interface StatusWatch {
  /** Reads the resource again; resolves its status as read. */
  read(signal: AbortSignal): Promise<string | undefined>;
  /** This read also updates what a view shows: when several watch one resource, it is the one used. */
  readsForView?: boolean;
  /** Delay before the first read; each later one is 1.5 times the last, up to `maxDelayMs`. */
  firstDelayMs: number;
  maxDelayMs: number;
  /** Stop watching once the next read would come later than this (ms after `follow`). */
  timeoutMs?: number;
  /** After every read, whichever watch made it. */
  onStatus?(status: string | undefined): void;
  /** Once: the resource settled, or the time ran out (with the last status read). */
  onDone?(status: string | undefined, settled: boolean): void;
  /** A read failed; the resource is read again on schedule unless the watch is disposed. */
  onError?(err: unknown): void;
}

/** The clock, so the core does no timing of its own (the extension and tests pass theirs). */
export interface FollowTimers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

export interface FollowHandle {
  /** Stops this watch; the resource is read no more once nobody watches it. */
  dispose(): void;
}

interface Watching {
  watch: StatusWatch;
  deadline?: number;
}

interface Entry {
  key: string;
  watching: Watching[];
  delayMs: number;
  /** Set while a read is scheduled (not while one is in flight). */
  timer?: unknown;
  due?: number;
  abort: AbortController;
}

/**
 * How long a resource seen to settle is remembered. A watcher that joins within it (the tree
 * showing an order the run command has just seen complete) reads at once instead of after its own
 * first delay, so the tree does not show "pending" for seconds after the run knew better.
 */
const RECENTLY_SETTLED_MS = 60_000;

export class StatusFollower {
  private readonly entries = new Map<string, Entry>();
  /** When each resource was last seen to settle (ms on the follower's clock). */
  private readonly settledAt = new Map<string, number>();

  constructor(private readonly timers: FollowTimers) {}

  /** Watches the resource at `path` (`/customers/{c}/orders/{o}`...) until it settles, the time runs out, or the handle is disposed. */
  follow(path: string, watch: StatusWatch): FollowHandle {
    const key = path.toLowerCase();
    const watching: Watching = {
      watch,
      deadline: watch.timeoutMs === undefined ? undefined : this.timers.now() + watch.timeoutMs,
    };
    const firstDelayMs = this.recentlySettled(key) ? 0 : watch.firstDelayMs;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { key, watching: [], delayMs: watch.firstDelayMs, abort: new AbortController() };
      this.entries.set(key, entry);
      entry.watching.push(watching);
      this.schedule(entry, firstDelayMs);
    } else {
      entry.watching.push(watching);
      // A watcher in a hurry (a just-placed order) brings the next read forward.
      if (entry.timer !== undefined && entry.due !== undefined && this.timers.now() + firstDelayMs < entry.due) {
        this.timers.clearTimeout(entry.timer);
        this.schedule(entry, firstDelayMs);
      }
    }
    const owner = entry;
    return { dispose: () => this.unwatch(owner, watching) };
  }

  /** The paths being followed (lower case). */
  get followed(): string[] {
    return [...this.entries.keys()];
  }

  dispose(): void {
    for (const entry of this.entries.values()) this.stop(entry);
    this.entries.clear();
  }

  private recentlySettled(key: string): boolean {
    const at = this.settledAt.get(key);
    if (at === undefined) return false;
    if (this.timers.now() - at <= RECENTLY_SETTLED_MS) return true;
    this.settledAt.delete(key);
    return false;
  }

  private schedule(entry: Entry, delayMs: number): void {
    // An immediate read (a resource that just settled) keeps the back-off it interrupts.
    if (delayMs > 0) entry.delayMs = delayMs;
    entry.due = this.timers.now() + delayMs;
    entry.timer = this.timers.setTimeout(() => void this.tick(entry), delayMs);
  }

  private unwatch(entry: Entry, watching: Watching): void {
    entry.watching = entry.watching.filter((w) => w !== watching);
    if (entry.watching.length === 0 && this.entries.get(entry.key) === entry) {
      this.stop(entry);
      this.entries.delete(entry.key);
    }
  }

  private stop(entry: Entry): void {
    if (entry.timer !== undefined) this.timers.clearTimeout(entry.timer);
    entry.timer = undefined;
    entry.abort.abort();
  }

  private async tick(entry: Entry): Promise<void> {
    entry.timer = undefined;
    const reader = [...entry.watching].reverse().find((w) => w.watch.readsForView) ?? entry.watching.at(-1);
    if (!reader) return;
    const signal = entry.abort.signal;
    let status: string | undefined;
    try {
      status = await reader.watch.read(signal);
    } catch (err) {
      if (signal.aborted) return;
      for (const w of [...entry.watching]) w.watch.onError?.(err);
      this.next(entry);
      return;
    }
    if (signal.aborted) return;
    const settled = !isPendingStatus(status);
    if (settled) this.settledAt.set(entry.key, this.timers.now());
    const nextDelay = Math.min(this.maxDelay(entry), Math.round(entry.delayMs * 1.5));
    for (const w of [...entry.watching]) {
      w.watch.onStatus?.(status);
      const timedOut = w.deadline !== undefined && this.timers.now() + nextDelay > w.deadline;
      if (settled || timedOut) {
        this.unwatch(entry, w);
        w.watch.onDone?.(status, settled);
      }
    }
    this.next(entry);
  }

  private next(entry: Entry): void {
    if (this.entries.get(entry.key) !== entry || entry.watching.length === 0 || entry.timer !== undefined) return;
    this.schedule(entry, Math.min(this.maxDelay(entry), Math.round(entry.delayMs * 1.5)));
  }

  private maxDelay(entry: Entry): number {
    return Math.min(...entry.watching.map((w) => w.watch.maxDelayMs));
  }
}
