// A JSON file as the store behind the journal or the history. Writes go to a temporary file that
// is renamed over the old one, so a crash mid-write leaves the previous content, never half of it:
// for the journal that is the difference between "ask before re-sending" and "forgot a purchase".
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

export class JsonFileStore<T> {
  constructor(private readonly path: string) {}

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
    const temp = `${this.path}.${process.pid}.tmp`;
    await writeFile(temp, JSON.stringify(items, null, 1), { encoding: 'utf8', mode: 0o600 });
    await rename(temp, this.path);
  }
}
