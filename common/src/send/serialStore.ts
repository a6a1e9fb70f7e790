// The journal and the history each keep a list in a store that can only be read and written whole.
// Two changes made at once (two sends finishing together) would each read the old list and the
// second write would drop the first change; so every change is read-modify-written in turn, and a
// read waits for the changes queued before it.

export interface ListStore<T> {
  read(): Promise<T[]>;
  write(items: T[]): Promise<void>;
}

export class SerialStore<T> {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: ListStore<T>) {}

  /**
   * Applies `change` after every change queued before it. `change` returns the new list (or
   * undefined to leave the store untouched) and a value handed back to the caller.
   */
  update<R = void>(change: (items: T[]) => { items?: T[]; result: R } | T[]): Promise<R> {
    const next = this.queue.then(async () => {
      const out = change(await this.store.read());
      const { items, result } = Array.isArray(out) ? { items: out, result: undefined as R } : out;
      if (items) await this.store.write(items);
      return result;
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  async read(): Promise<T[]> {
    await this.queue;
    return this.store.read();
  }
}
