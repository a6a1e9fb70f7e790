// The journal and the history each keep a list in a store that can only be read and written whole.
// Two changes made at once (two sends finishing together) would each read the old list and the
// second write would drop the first change; so every change is read-modify-written in turn, and a
// read waits for the changes queued before it. A store that other processes share (a file) also
// provides `exclusive`, and each change runs inside it, so the turn-taking holds across processes.

export interface ListStore<T> {
  read(): Promise<T[]>;
  write(items: T[]): Promise<void>;
  /** Runs `fn` with other processes' changes held off (a file store locks; a memory store needs nothing). */
  exclusive?<R>(fn: () => Promise<R>): Promise<R>;
}

export class SerialStore<T> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: ListStore<T>) {}

  /**
   * Applies `change` after every change queued before it. `change` returns the new list (or
   * undefined to leave the store untouched) and a value handed back to the caller; it may read
   * other stores, which it then sees as of this turn.
   */
  update<R = void>(
    change: (items: T[]) => { items?: T[]; result: R } | T[] | Promise<{ items?: T[]; result: R } | T[]>,
  ): Promise<R> {
    const run = async (): Promise<R> => {
      const out = await change(await this.store.read());
      const { items, result } = Array.isArray(out) ? { items: out, result: undefined as R } : out;
      if (items) await this.store.write(items);
      return result;
    };
    const next = this.queue.then(() => (this.store.exclusive ? this.store.exclusive(run) : run()));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async read(): Promise<T[]> {
    await this.queue;
    return this.store.read();
  }
}
