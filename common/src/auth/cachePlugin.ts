// MSAL's token cache, persisted in a SecretStore (the OS keychain in VS Code) instead of a file.
// MSAL calls beforeCacheAccess before it reads the cache and afterCacheAccess after; we load the
// stored copy first and write back only when something changed. A cache with no account or
// token left is deleted rather than stored empty, so sign-out leaves nothing behind.
import { type ICachePlugin, type TokenCacheContext } from '@azure/msal-node';
import { type SecretStore } from './secretStore';

export class SecretStoreCachePlugin implements ICachePlugin {
  /** Writes run one after another so an older snapshot can never overwrite a newer one. */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: SecretStore,
    readonly key: string,
  ) {}

  async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
    await this.queue;
    const stored = await this.store.get(this.key);
    // An absent entry must also reset MSAL's memory: another window may have signed out.
    context.tokenCache.deserialize(stored ?? '{}');
  }

  async afterCacheAccess(context: TokenCacheContext): Promise<void> {
    if (!context.cacheHasChanged) return;
    const snapshot = context.tokenCache.serialize();
    const write = this.queue.then(() =>
      isEmptyCache(snapshot) ? this.store.delete(this.key) : this.store.store(this.key, snapshot),
    );
    // A failed write must not block later ones; the caller still sees this failure.
    this.queue = write.catch(() => undefined);
    await write;
  }

  /** Forgets everything this cache holds (used when an app-only account signs out). */
  async clear(): Promise<void> {
    const run = this.queue.then(() => this.store.delete(this.key));
    this.queue = run.catch(() => undefined);
    await run;
  }
}

/** True when a serialized MSAL cache holds no account and no credential. */
export function isEmptyCache(serialized: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(serialized);
  } catch {
    return false;
  }
  if (parsed === null || typeof parsed !== 'object') return true;
  const sections = ['Account', 'AccessToken', 'RefreshToken', 'IdToken'];
  return sections.every((name) => {
    const section = (parsed as Record<string, unknown>)[name];
    return section === undefined || section === null || Object.keys(section).length === 0;
  });
}
