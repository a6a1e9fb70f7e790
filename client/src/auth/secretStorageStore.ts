// The shared sign-in code's SecretStore, backed by VS Code's SecretStorage (the OS keychain, or
// the browser's encrypted store on the web). SecretStorage cannot list its keys, so the names we
// wrote (never the values) are kept in global state: sign-out-all and tests can find them.
import type * as vscode from 'vscode';
import { SECRET_PREFIX, type SecretStore } from '../../../common/src/auth/secretStore';

const INDEX_KEY = 'partnerCenter.auth.secretKeys';

export class SecretStorageStore implements SecretStore {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
  ) {}

  get(key: string): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(key));
  }

  async store(key: string, value: string): Promise<void> {
    if (!key.startsWith(SECRET_PREFIX)) throw new Error('Partner Center secrets must use the partnerCenter.auth. prefix.');
    await this.secrets.store(key, value);
    const keys = this.keys();
    if (!keys.includes(key)) await this.state.update(INDEX_KEY, [...keys, key]);
  }

  async delete(key: string): Promise<void> {
    await this.secrets.delete(key);
    await this.state.update(
      INDEX_KEY,
      this.keys().filter((k) => k !== key),
    );
  }

  /** Names of the entries this extension wrote and has not deleted. */
  keys(): string[] {
    return this.state.get<string[]>(INDEX_KEY, []);
  }
}
