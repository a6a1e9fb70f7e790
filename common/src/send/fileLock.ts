// A lock between processes over one file, for the journal's read-modify-write: two `send`s of one
// purchase from two terminals must not both read "nothing is being sent" and both send. The lock is
// a file created with O_EXCL (atomic on local file systems, never through a symlink), holding its
// owner's process id, host and a random token. It is held for a read and a write of a small file, so
// one older than STALE_MS, or one whose process on this host is gone, was left by a crash and is
// broken: moved aside under a unique name (only one breaker can move it), checked to be the lock
// that was judged stale, and deleted.
import { randomUUID } from 'node:crypto';
import { link, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { hostname } from 'node:os';

export interface LockOptions {
  /** Give up after this long, naming the lock file. Default 30 s. */
  timeoutMs?: number;
  /** A lock this old is taken to be left by a crash. Default 10 s. */
  staleMs?: number;
}

interface LockOwner {
  pid: number;
  host: string;
  token: string;
}

export class LockTimeoutError extends Error {
  constructor(
    readonly lockPath: string,
    owner: string,
  ) {
    super(
      `The journal is locked by another run (${owner}) and stayed locked. If no other send is running, delete ${lockPath} and try again.`,
    );
    this.name = 'LockTimeoutError';
  }
}

export async function withFileLock<R>(lockPath: string, fn: () => Promise<R>, options: LockOptions = {}): Promise<R> {
  const token = await acquire(lockPath, options);
  try {
    return await fn();
  } finally {
    await release(lockPath, token);
  }
}

async function acquire(lockPath: string, options: LockOptions): Promise<string> {
  const token = randomUUID();
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);
  for (let wait = 2; ; wait = Math.min(wait * 2, 50)) {
    try {
      const handle = await open(lockPath, 'wx', 0o600);
      try {
        await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname(), token } satisfies LockOwner));
      } finally {
        await handle.close();
      }
      return token;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const held = await inspect(lockPath);
    if (held && isStale(held, options.staleMs ?? 10_000)) {
      await breakLock(lockPath, held.text);
      continue;
    }
    if (Date.now() > deadline) {
      throw new LockTimeoutError(lockPath, held?.owner ? `process ${held.owner.pid} on ${held.owner.host}` : 'unknown owner');
    }
    await new Promise((resolve) => setTimeout(resolve, wait + Math.random() * wait));
  }
}

interface HeldLock {
  text: string;
  owner?: LockOwner;
  ageMs: number;
}

async function inspect(lockPath: string): Promise<HeldLock | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(lockPath, 'utf8'), stat(lockPath)]);
    return { text, owner: parseOwner(text), ageMs: Date.now() - info.mtimeMs };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined; // released meanwhile
    throw err;
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockOwner>;
    return typeof v.pid === 'number' && typeof v.host === 'string' && typeof v.token === 'string' ? (v as LockOwner) : undefined;
  } catch {
    return undefined; // being written right now, or left half-written by a crash: judged by age
  }
}

function isStale(held: HeldLock, staleMs: number): boolean {
  if (held.owner && held.owner.host === hostname() && !processAlive(held.owner.pid)) return true;
  return held.ageMs > staleMs;
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, but another user's
  }
}

async function breakLock(lockPath: string, staleText: string): Promise<void> {
  const aside = `${lockPath}.${process.pid}.${randomUUID()}.stale`;
  try {
    await rename(lockPath, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else broke or released it
    throw err;
  }
  const moved = await readFile(aside, 'utf8').catch(() => undefined);
  if (moved !== staleText) {
    // Another run took the lock between our look and the move: give it back unless yet another run
    // holds the lock now (link, unlike rename, never replaces an existing file).
    await link(aside, lockPath).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

async function release(lockPath: string, token: string): Promise<void> {
  const held = await inspect(lockPath).catch(() => undefined);
  if (held?.owner?.token === token) await unlink(lockPath).catch(() => undefined);
}
