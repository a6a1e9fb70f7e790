// Signed-in accounts and which one is active, kept in global state (every window sees them).
// These records name accounts; they hold no token, code or secret (those are in SecretStorage).
import type * as vscode from 'vscode';
import { type SignedInAccount } from '../../../common/src/auth';

const ACCOUNTS_KEY = 'partnerCenter.auth.accounts';
const ACTIVE_KEY = 'partnerCenter.auth.activeAccount';

export class AccountStore {
  constructor(private readonly state: vscode.Memento) {}

  all(): SignedInAccount[] {
    return this.state.get<SignedInAccount[]>(ACCOUNTS_KEY, []);
  }

  activeId(): string | undefined {
    return this.state.get<string>(ACTIVE_KEY);
  }

  /** Adds or replaces the account (same id = same account signed in again) and makes it active. */
  async upsert(account: SignedInAccount): Promise<void> {
    const others = this.all().filter((a) => a.id !== account.id);
    await this.state.update(ACCOUNTS_KEY, [...others, account]);
    await this.state.update(ACTIVE_KEY, account.id);
  }

  async remove(id: string): Promise<void> {
    const remaining = this.all().filter((a) => a.id !== id);
    await this.state.update(ACCOUNTS_KEY, remaining);
    if (this.activeId() === id) await this.state.update(ACTIVE_KEY, remaining.at(-1)?.id);
  }

  async activate(id: string): Promise<void> {
    await this.state.update(ACTIVE_KEY, id);
  }
}
