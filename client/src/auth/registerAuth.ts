// Composes sign-in: SecretStorage-backed MSAL, the accounts, the status bar and the commands
// (Sign In, Set Up Sign-In, Sign Out, Switch Account, Set App Credential), and connects the
// accounts to the Partner Center connection.
import * as vscode from 'vscode';
import { type SignedInAccount } from '../../../common/src/auth';
import { type PartContext } from '../partContext';
import { apiPart } from '../parts';
import { AccountManager, type SignInOptions } from './accountManager';
import { AccountStore } from './accountStore';
import { effectiveFlow, requiresSignIn } from './authSettings';
import { askCredential, runGuidedSetup } from './guidedSignIn';
import { SecretStorageStore } from './secretStorageStore';
import { createStatusBar } from './statusBar';

/** What sign-in hands back to activate: the accounts, and the store their secrets are kept in. */
export interface Auth {
  accounts: AccountManager;
  secrets: SecretStorageStore;
}

export function registerAuth(ctx: PartContext): Auth {
  const { extensionContext: context, config, log, connection } = ctx;
  const secrets = new SecretStorageStore(context.secrets, context.globalState);
  // Sign-in (msal) is made on first use, in the api part.
  const makeAuth = () =>
    new (apiPart().PartnerCenterAuth)({
      secrets,
      // Through VS Code's proxy setting when there is one, as the API client (connection.ts);
      // otherwise HTTPS_PROXY. The setting is read as each authority's module is made.
      network: (authority) => new (apiPart().UndiciNetworkModule)({ authority, proxy: config.proxy }),
      // MSAL's lines are redacted in common/src/auth; debug lines only show at the Trace/Debug log level.
      log: (level, message) => log[level === 'warn' ? 'warn' : level](message),
      msalLogLevel: 'info',
    });
  const manager = new AccountManager(makeAuth, new AccountStore(context.globalState), config, log);
  const report = (err: unknown): void => {
    const { SignInError, translateAuthError } = apiPart();
    const error = err instanceof SignInError ? err : translateAuthError(err);
    log.error(`Sign-in failed: ${error.message}`);
    const actions = error.reason === 'cancelled' ? [] : ['Sign In Again', 'Set Up Sign-In', 'Show Log'];
    void vscode.window.showErrorMessage(`Partner Center: ${error.message}`, ...actions).then((choice) => {
      if (choice === 'Sign In Again') void vscode.commands.executeCommand('partnerCenter.signIn');
      if (choice === 'Set Up Sign-In') void vscode.commands.executeCommand('partnerCenter.setUpSignIn');
      if (choice === 'Show Log') log.show(true);
    });
  };
  const signIn = async (options: SignInOptions = {}): Promise<SignedInAccount | undefined> => {
    try {
      const account = await manager.signIn(options);
      void vscode.window.showInformationMessage(`Partner Center: signed in as ${account.username}.`);
      return account;
    } catch (err) {
      report(err);
      return undefined;
    }
  };
  const guided = async (): Promise<SignedInAccount | undefined> => {
    const answers = await runGuidedSetup(config);
    if (!answers) return undefined;
    return signIn({ credential: answers.credential });
  };
  const pickAccount = async (placeHolder: string): Promise<SignedInAccount | undefined> => {
    const accounts = manager.accounts;
    if (accounts.length <= 1) return accounts[0];
    const picked = await vscode.window.showQuickPick(
      accounts.map((a) => ({ label: a.username, description: describe(a), account: a })),
      { placeHolder },
    );
    return picked?.account;
  };

  context.subscriptions.push(
    manager,
    connection.attachAccounts(manager),
    createStatusBar(connection, manager),
    vscode.commands.registerCommand('partnerCenter.signIn', async () => {
      const { environment, auth: settings } = config;
      // Nothing configured yet (or the emulator without sign-in): guide the first sign-in.
      if (settings.clientId === '' || !requiresSignIn(environment, settings)) return guided();
      const flow = effectiveFlow(settings.flow);
      if ((flow === 'clientSecret' || flow === 'clientCertificate') && !(await safely(() => manager.hasCredential()))) {
        const credential = await askCredential(flow);
        return credential ? signIn({ credential }) : undefined;
      }
      return signIn();
    }),
    vscode.commands.registerCommand('partnerCenter.setUpSignIn', guided),
    vscode.commands.registerCommand('partnerCenter.setAppCredential', async () => {
      const flow = effectiveFlow(config.auth.flow);
      const kind = flow === 'clientCertificate' ? 'clientCertificate' : 'clientSecret';
      const credential = await askCredential(kind);
      return credential ? signIn({ flow: kind, credential }) : undefined;
    }),
    // From the Customers view's title bar the argument is the selected tree item, not an account id.
    vscode.commands.registerCommand('partnerCenter.signOut', async (given?: unknown) => {
      const id = typeof given === 'string' ? given : undefined;
      const account = id ? manager.accounts.find((a) => a.id === id) : await pickAccount('Sign out which account?');
      if (!account) {
        if (!id) void vscode.window.showInformationMessage('Partner Center: no account is signed in.');
        return;
      }
      await manager.signOut(account);
      void vscode.window.showInformationMessage(`Partner Center: signed out ${account.username}; its tokens were removed.`);
    }),
    vscode.commands.registerCommand('partnerCenter.switchAccount', () => pickAccountOrEmulator(manager, connection, guided)),
  );
  // Sign Out shows in the view's ⋯ menu only when there is someone to sign out (issue 12).
  const describeAccounts = () =>
    void vscode.commands.executeCommand('setContext', 'partnerCenter.hasAccounts', manager.accounts.length > 0);
  describeAccounts();
  context.subscriptions.push(manager.onDidChange(describeAccounts));
  return { accounts: manager, secrets };
}

/**
 * The status bar's picker: each account, the emulator, and signing in; the one in use is marked
 * and highlighted. "Another account" only when there is one already (issue 12).
 */
async function pickAccountOrEmulator(
  manager: AccountManager,
  connection: PartContext['connection'],
  signIn: () => Promise<unknown>,
): Promise<void> {
  const { environment, signedIn } = connection.current;
  const inUse = signedIn ? manager.accountFor(environment) : undefined;
  const emulatorInUse = environment === 'emulator' && signedIn && !inUse;
  type Item = vscode.QuickPickItem & { run: () => Thenable<unknown>; current?: boolean };
  const mark = (label: string, current: boolean) => (current ? `$(check) ${label}` : label);
  const items: Item[] = manager.accounts.map((a) => ({
    label: mark(a.username, a.id === inUse?.id),
    description: `${a.id === inUse?.id ? 'in use · ' : ''}${describe(a)}`,
    current: a.id === inUse?.id,
    run: () => manager.switchTo(a),
  }));
  items.push(
    {
      label: mark('$(vm) Use the local emulator', emulatorInUse),
      description: emulatorInUse ? 'in use' : undefined,
      current: emulatorInUse,
      run: () => vscode.commands.executeCommand('partnerCenter.useEmulator'),
    },
    {
      label: manager.accounts.length > 0 ? '$(add) Sign in with another account…' : '$(sign-in) Sign in to Partner Center…',
      run: signIn,
    },
  );
  const pick = vscode.window.createQuickPick<Item>();
  pick.placeholder = 'Partner Center account';
  pick.items = items;
  pick.activeItems = items.filter((i) => i.current);
  const picked = await new Promise<Item | undefined>((resolve) => {
    pick.onDidAccept(() => resolve(pick.selectedItems[0]));
    pick.onDidHide(() => resolve(undefined));
    pick.show();
  });
  pick.dispose();
  await picked?.run();
}

function describe(account: SignedInAccount): string {
  const cloud = account.app.cloud === 'emulator' ? 'Emulator' : account.app.cloud;
  return `${cloud} · ${account.sandbox ? 'integration sandbox' : account.app.cloud === 'emulator' ? 'emulator' : 'production'} · ${account.kind === 'app' ? 'App-only' : 'App+User'} · tenant ${account.tenantId}`;
}

async function safely(check: () => Promise<boolean>): Promise<boolean> {
  try {
    return await check();
  } catch {
    return false;
  }
}
