// A JSON file as the store behind the journal or the history. Writes go to a new temporary file
// that is renamed over the old one, so a crash mid-write leaves the previous content, never half of
// it: for the journal that is the difference between "ask before re-sending" and "forgot a
// purchase". The temporary file is created exclusively under a random name (never through a symlink
// someone left at a predictable name). `exclusive` holds off other processes' changes: the journal's
// read-check-write runs inside it.
import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { type LockOptions, withFileLock } from './fileLock';

export class JsonFileStore<T> {
  constructor(
    private readonly path: string,
    private readonly lockOptions: LockOptions = {},
  ) {}

  async read(): Promise<T[]> {
    try {
      const parsed: unknown = JSON.parse(await readFile(this.path, 'utf8'));
      return Array.isArray(parsed) ? (parsed as T[]) : [];
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }

  async write(items: T[]): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    const temp = `${this.path}.${randomUUID()}.tmp`;
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(items, null, 1), 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.path);
    } catch (err) {
      await unlink(temp).catch(() => undefined);
      throw err;
    }
  }

  /** Runs `fn` while no other process (or store over the same file) changes the file. */
  async exclusive<R>(fn: () => Promise<R>): Promise<R> {
    await mkdir(dirname(this.path), { recursive: true });
    return withFileLock(`${this.path}.lock`, fn, this.lockOptions);
  }
}
