// One status bar item: who requests go out as, to which cloud, and whether that is production,
// an integration sandbox or the emulator. Clicking it switches accounts.
import * as vscode from 'vscode';
import { clouds } from '../../../common/src/api/clouds';
import { type PartnerCenterConnection } from '../connection';
import { type AccountManager } from './accountManager';

export function createStatusBar(
  connection: PartnerCenterConnection,
  accounts: AccountManager,
): vscode.Disposable & { item: vscode.StatusBarItem } {
  const item = vscode.window.createStatusBarItem('partnerCenter.account', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Partner Center Account';
  item.command = 'partnerCenter.switchAccount';
  const update = () => {
    const state = connection.current;
    const cloud = state.environment === 'emulator' ? 'Emulator' : clouds[state.environment].displayName;
    const account = state.signedIn ? accounts.accountFor(state.environment) : undefined;
    const kind = state.environment === 'emulator' ? 'Emulator' : account?.sandbox ? 'Integration sandbox' : 'Production';
    if (!state.signedIn) {
      item.text = `$(sign-in) Partner Center: Sign In (${cloud})`;
      item.tooltip = `Not signed in to Partner Center ${cloud}. Click to sign in or switch account.`;
      item.backgroundColor = undefined;
    } else if (!account) {
      item.text = '$(vm) Partner Center: Emulator';
      item.tooltip = `Requests go to the local emulator at ${state.endpoint}; nothing is spent. Click to switch.`;
      item.backgroundColor = undefined;
    } else {
      item.text = `$(account) ${account.username} · ${cloud} · ${kind}`;
      item.tooltip = new vscode.MarkdownString(
        [
          `**Partner Center** — ${kind}`,
          `Account: ${account.username} (${account.kind === 'app' ? `App-only, ${account.credential === 'clientCertificate' ? 'certificate' : 'client secret'}` : 'App+User'})`,
          `Cloud: ${cloud} · Tenant: ${account.tenantId}`,
          `App: ${account.app.clientId}`,
          '',
          'Click to switch account.',
        ].join('  \n'),
      );
      // Production is where orders cost money: make it stand out.
      item.backgroundColor = kind === 'Production' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    }
    item.show();
  };
  update();
  const subscriptions = [connection.onDidChange(update), accounts.onDidChange(update)];
  return {
    item,
    dispose: () => {
      subscriptions.forEach((s) => s.dispose());
      item.dispose();
    },
  };
}
