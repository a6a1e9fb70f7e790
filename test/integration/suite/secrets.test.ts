// Where secrets may and may not live, checked in the real extension host after a sign-in:
// SecretStorage holds them (under the extension's prefix); settings, the account records and
// the connection state never do. The launcher's leak scan covers the logs and output channel.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceRoot } from '../helpers';
import { issuedValues, useSignInSuite } from '../../support/integrationAuth';

suite('Secrets', () => {
  const ctx = useSignInSuite(async (api) => {
    for (const account of api.auth.accounts.accounts) await vscode.commands.executeCommand('partnerCenter.signOut', account.id);
  });

  test('after a sign-in, tokens are only in SecretStorage: not in settings, account records or state', async () => {
    const account = await vscode.commands.executeCommand<{ username: string } | undefined>('partnerCenter.signIn');
    assert.ok(account);
    const issued = await issuedValues(ctx.env);
    assert.ok(issued.length >= 3, 'the authority issued tokens for this sign-in');
    const leaks = (text: string) => issued.filter((t) => text.includes(t)).map((t) => t.slice(0, 8));

    const settingsFile = vscode.Uri.joinPath(workspaceRoot(), '.vscode', 'settings.json');
    assert.deepEqual(
      leaks(Buffer.from(await vscode.workspace.fs.readFile(settingsFile)).toString('utf8')),
      [],
      'workspace settings',
    );
    const config = vscode.workspace.getConfiguration('partnerCenter');
    const everySetting = JSON.stringify(Object.keys(config).map((k) => config.inspect(k)));
    assert.deepEqual(leaks(everySetting), [], 'any partnerCenter setting at any level');
    assert.deepEqual(leaks(JSON.stringify(ctx.api.auth.accounts.accounts)), [], 'the account records');
    assert.deepEqual(leaks(JSON.stringify(ctx.api.connection.current)), [], 'the connection state');

    const inspection = ctx.api.auth.secrets;
    assert.ok(
      inspection.keys().every((k) => k.startsWith('partnerCenter.auth.')),
      'every secret is under the extension prefix',
    );
    const stored = (await Promise.all(inspection.keys().map((k) => inspection.read(k)))).join('\n');
    assert.ok(leaks(stored).length > 0, 'the tokens are in SecretStorage');
  });
});
