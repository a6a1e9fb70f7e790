// Where sign-in keeps what must stay secret: the MSAL token cache and an app's client secret or
// certificate. The extension backs this with VS Code's SecretStorage (the OS keychain); the shared
// code only sees this interface, so it never depends on `vscode` and tests can use memory.

export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  store(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Keys live under one prefix, so a reader of the keychain can tell what they belong to. */
export const SECRET_PREFIX = 'partnerCenter.auth.';

/** A SecretStore in memory, for tests and short-lived command-line sessions. */
export class MemorySecretStore implements SecretStore {
  readonly entries = new Map<string, string>();

  async get(key: string): Promise<string | undefined> {
    return this.entries.get(key);
  }

  async store(key: string, value: string): Promise<void> {
    this.entries.set(key, value);
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }
}
